// The independent county generator: same seed, same bytes; labels, parties and look-alikes name
// entities of the bundle; culprits, victims and look-alikes never overlap; the importer's validator
// accepts every row.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCounty } from "../../seed/independent/generate.ts";
import { parseArgs } from "../../seed/independent/args.ts";
import { writeCounty } from "../../seed/independent/writer.ts";
import { validateBundle } from "../../services/ingest/validate.ts";

const TYPOLOGIES = new Set(["KIN_BENEFIT", "KIN_CONTRACT", "HIDDEN_TIE", "DECEASED_PAYEE", "DIVERTED_PAYMENT", "SKIMMING", "INELIGIBLE", "DUPLICATE_BENEFIT", "SINGLE_BID", "SPLIT_PURCHASE", "BID_RIGGING", "KICKBACK", "DOMINANT_WINNER", "SHELL_WINNER", "COLLUSION_RING"]);

const root = mkdtempSync(path.join(os.tmpdir(), "independent-county-"));
const dirA = path.join(root, "a");
const dirB = path.join(root, "b");
const dirC = path.join(root, "c");

function files(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(p).map((f) => path.join(entry.name, f)));
    else out.push(entry.name);
  }
  return out.sort();
}

/** Rows of a bundle file (CSV or JSON Lines) as objects; enough CSV for what the writer produces. */
function readRows(bundle: string, stem: string): Record<string, string>[] {
  const jsonl = path.join(bundle, `${stem}.jsonl`);
  const names = readdirSync(bundle);
  if (names.includes(`${stem}.jsonl`)) {
    return readFileSync(jsonl, "utf8")
      .split("\n")
      .filter((l) => l.trim().length > 0)
      .map((l) => Object.fromEntries(Object.entries(JSON.parse(l) as Record<string, unknown>).map(([k, v]) => [k, v === null ? "" : String(v)])));
  }
  const text = readFileSync(path.join(bundle, `${stem}.csv`), "utf8").replace(/^\ufeff/, "");
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n") {
      record.push(field.replace(/\r$/, ""));
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, (r[i] ?? "").trim()])));
}

function csv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, "utf8").trim().split("\n");
  return lines.map((l) => Object.fromEntries((header as string).split(",").map((h, i) => [h, l.split(",")[i] ?? ""])));
}

beforeAll(() => {
  for (const [dir, seed] of [
    [dirA, "11"],
    [dirB, "11"],
    [dirC, "12"],
  ] as const) {
    writeCounty(generateCounty({ seed, persons: 1500 }), dir);
  }
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("independent county generator", () => {
  it("writes byte-identical files for the same seed", () => {
    const a = files(dirA);
    expect(a).toEqual(files(dirB));
    expect(a).toContain("labels.csv");
    for (const f of a) expect(readFileSync(path.join(dirB, f)).equals(readFileSync(path.join(dirA, f))), f).toBe(true);
  }, 60_000);

  it("writes a different county for another seed", () => {
    expect(readFileSync(path.join(dirC, "county.json"), "utf8")).not.toEqual(readFileSync(path.join(dirA, "county.json"), "utf8"));
  });

  it("labels culprits of known typologies that exist in the bundle, apart from victims and look-alikes", () => {
    const bundle = path.join(dirA, "bundle");
    const ids = new Set([...readRows(bundle, "persons").map((r) => r.person_id), ...readRows(bundle, "companies").map((r) => r.company_id)]);
    const labels = csv(path.join(dirA, "labels.csv"));
    const parties = csv(path.join(dirA, "parties.csv"));
    const look = csv(path.join(dirA, "lookalikes.csv"));
    expect(labels.length).toBeGreaterThan(10);
    expect(new Set(labels.map((l) => l.typology)).size).toBeGreaterThanOrEqual(11);
    for (const l of labels) {
      expect(TYPOLOGIES.has(l.typology as string), l.typology).toBe(true);
      expect(ids.has(l.entity_id as string), l.entity_id).toBe(true);
    }
    const culprits = new Set(labels.map((l) => l.entity_id));
    for (const p of parties) {
      expect(ids.has(p.entity_id as string), p.entity_id).toBe(true);
      expect(culprits.has(p.entity_id), p.entity_id).toBe(false);
    }
    expect(look.length).toBeGreaterThan(5);
    for (const l of look) {
      expect(ids.has(l.entity_id as string), l.entity_id).toBe(true);
      expect(culprits.has(l.entity_id), l.entity_id).toBe(false);
    }
  });

  it("passes the importer's validation with no rejected row", async () => {
    for (const dir of [dirA, dirC]) {
      const v = await validateBundle(path.join(dir, "bundle"));
      expect(v.errors).toEqual([]);
      expect(v.sources.reduce((t, s) => t + s.rejected, 0)).toBe(0);
      expect(v.sources.length).toBeGreaterThanOrEqual(15);
    }
  }, 120_000);

  it("refuses bad arguments with the usage", () => {
    expect(parseArgs(["--seed", "3", "--out", "/tmp/x"])).toMatchObject({ seed: "3", out: "/tmp/x", persons: 15_000 });
    expect(() => parseArgs(["--seed", "3"])).toThrow(/--out/);
    expect(() => parseArgs(["--seed", "3", "--out", "x", "--persons", "12"])).toThrow(/--persons/);
    expect(() => parseArgs(["--what"])).toThrow(/unknown argument/);
  });
});
