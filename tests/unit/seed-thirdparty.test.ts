// The third county generator (seed/thirdparty/, written blind to the detectors): same seed, same
// bytes; another seed, another county; the importer's validator accepts every file with no error
// and no warning; labels, parties and look-alikes name entities of the bundle and never overlap.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABEL_COLUMNS, LOOKALIKE_COLUMNS, PARTY_COLUMNS, TYPOLOGIES } from "../../seed/contract.ts";
import { parseArgs, run } from "../../seed/thirdparty/cli.ts";
import { parseCounty, REPORT_COUNTIES, TUNING_COUNTIES } from "../../services/cli/eval-counties.ts";
import { readCsv, readJsonl, validateBundle } from "../../services/ingest/index.ts";

const root = mkdtempSync(path.join(os.tmpdir(), "thirdparty-county-"));
const dirA = path.join(root, "a");
const dirB = path.join(root, "b");
const dirC = path.join(root, "c");

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The rows of a CSV or JSON Lines file, read by the importer's own readers. */
async function rows(file: string): Promise<Record<string, string | undefined>[]> {
  const out: Record<string, string | undefined>[] = [];
  for await (const r of file.endsWith(".jsonl") ? readJsonl(file) : readCsv(file)) out.push(r.fields);
  return out;
}

/** The rows of a bundle file, whichever form the county wrote it in. */
async function bundleRows(dir: string, stem: string): Promise<Record<string, string | undefined>[]> {
  const name = readdirSync(path.join(dir, "bundle")).find((f) => f === `${stem}.csv` || f === `${stem}.jsonl`);
  if (!name) throw new Error(`no ${stem} file in ${dir}`);
  return rows(path.join(dir, "bundle", name));
}

const header = (file: string) => (readFileSync(file, "utf8").split("\n")[0] as string).split(",");

beforeAll(() => {
  for (const [out, seed] of [
    [dirA, 21],
    [dirB, 21],
    [dirC, 22],
  ] as const) {
    run({ seed, out, persons: 1000, extraColumns: false, quiet: true });
  }
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("thirdparty county generator", () => {
  it("writes byte-identical files for the same seed", () => {
    const a = files(dirA);
    expect(a).toEqual(files(dirB));
    expect(a).toEqual(expect.arrayContaining(["labels.csv", "parties.csv", "lookalikes.csv", path.join("bundle", "regions.csv")]));
    for (const f of a) expect(readFileSync(path.join(dirB, f)).equals(readFileSync(path.join(dirA, f))), f).toBe(true);
  });

  it("writes a different county for another seed", () => {
    expect(readFileSync(path.join(dirC, "profile.txt"), "utf8")).not.toEqual(readFileSync(path.join(dirA, "profile.txt"), "utf8"));
    expect(readFileSync(path.join(dirC, "labels.csv"), "utf8")).not.toEqual(readFileSync(path.join(dirA, "labels.csv"), "utf8"));
  });

  it("passes the importer's validation with no error, no warning and no rejected row", async () => {
    for (const dir of [dirA, dirC]) {
      const v = await validateBundle(path.join(dir, "bundle"));
      expect(v.errors).toEqual([]);
      expect(v.warnings).toEqual([]);
      expect(v.sources.reduce((t, s) => t + s.rejected, 0)).toBe(0);
      expect(v.sources.length).toBe(17);
    }
  }, 60_000);

  it("writes the ground truth in the contract's columns, naming entities of the bundle, victims apart from culprits", async () => {
    expect(header(path.join(dirA, "labels.csv"))).toEqual([...LABEL_COLUMNS]);
    expect(header(path.join(dirA, "parties.csv"))).toEqual([...PARTY_COLUMNS]);
    expect(header(path.join(dirA, "lookalikes.csv"))).toEqual([...LOOKALIKE_COLUMNS]);
    const ids = new Set([...(await bundleRows(dirA, "persons")).map((r) => r.person_id), ...(await bundleRows(dirA, "companies")).map((r) => r.company_id)]);
    const labels = await rows(path.join(dirA, "labels.csv"));
    const parties = await rows(path.join(dirA, "parties.csv"));
    const lookalikes = await rows(path.join(dirA, "lookalikes.csv"));
    expect(new Set(labels.map((l) => l.typology)).size).toBeGreaterThanOrEqual(11);
    for (const l of labels) {
      expect(TYPOLOGIES as readonly (string | undefined)[]).toContain(l.typology);
      expect(ids.has(l.entity_id), l.entity_id).toBe(true);
    }
    const culprits = new Set(labels.map((l) => l.entity_id));
    expect(parties.length).toBeGreaterThan(0);
    expect(lookalikes.length).toBeGreaterThan(5);
    for (const x of [...parties, ...lookalikes]) {
      expect(ids.has(x.entity_id), x.entity_id).toBe(true);
      expect(culprits.has(x.entity_id), x.entity_id).toBe(false);
    }
  });

  it("refuses bad arguments with the usage", () => {
    expect(parseArgs(["--seed", "3", "--out", "/tmp/x"])).toEqual({ seed: 3, out: "/tmp/x", persons: 15_000, extraColumns: false, quiet: false });
    expect(() => parseArgs(["--seed", "3"])).toThrow(/--out/);
    expect(() => parseArgs(["--seed", "3", "--out", "x", "--persons", "12"])).toThrow(/--persons/);
    expect(() => parseArgs(["--what"])).toThrow(/unknown argument/);
  });

  it("is a report-only source of the evaluation", () => {
    expect(parseCounty("thirdparty:7001")).toEqual({ source: "thirdparty", seed: 7001, name: "thirdparty:7001" });
    expect(REPORT_COUNTIES.split(",")).toEqual(expect.arrayContaining(["thirdparty:7001", "thirdparty:7005"]));
    expect(TUNING_COUNTIES).not.toMatch(/thirdparty/);
  });
});
