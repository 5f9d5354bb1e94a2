// Bundle validation without a database: the good fixture passes, the bad one yields every expected
// error at its exact place, and the rows that stay valid are the ones that resolve to valid rows.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateBundle } from "../../services/ingest/validate.ts";
import { readSpill } from "../../services/ingest/spill.ts";
import { BAD_BUNDLE_ERRORS, BAD_BUNDLE_VALID, FIXTURES } from "../support/bundles.ts";

const temps: string[] = [];
/** A new temporary folder, removed after the tests. */
function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** `file:line: column` of an error line. */
const place = (error: string) => error.split(": ").slice(0, 2).join(": ");

describe("validateBundle", () => {
  it("accepts the good bundle, with warnings for the unknown file and column", async () => {
    const v = await validateBundle(path.join(FIXTURES, "bundle-ok"));
    expect(v.errors).toEqual([]);
    expect(v.errorCount).toBe(0);
    expect(v.warnings).toEqual(["notes.txt: unknown file (ignored)", "cases.csv:1: source: unknown column (ignored)"]);
    expect(v.sources.map((s) => `${s.file} ${s.read}/${s.valid}`)).toEqual([
      "regions.csv 4/4",
      "programs.csv 2/2",
      "persons.csv 6/6",
      "households.csv 3/3",
      "companies.csv 3/3",
      "accounts.csv 5/5",
      "projects.csv 2/2",
      "grants.jsonl 3/3",
      "tips.csv 2/2",
      "cases.csv 1/1",
      "household_moves.csv 1/1",
      "posts.csv 3/3",
      "kinship.jsonl 3/3",
      "company_roles.csv 3/3",
      "bids.csv 3/3",
      "transfers.csv 3/3",
      "assets.csv 4/4",
    ]);
  });

  it("lists every error of the bad bundle at its exact place", async () => {
    const v = await validateBundle(path.join(FIXTURES, "bundle-bad"));
    expect(v.errors.map(place)).toEqual(BAD_BUNDLE_ERRORS.map(place));
    expect(v.errors.map((e) => e.replace(/ \(Expected.*\)$/, ""))).toEqual(BAD_BUNDLE_ERRORS);
    expect(v.errorCount).toBe(BAD_BUNDLE_ERRORS.length);
    expect(v.warnings).toEqual(["assets.csv:1: color: unknown column (ignored)"]);
  });

  it("keeps exactly the rows that are valid and whose references resolve to valid rows", async () => {
    const spillDir = temp("ingest-validate-");
    const v = await validateBundle(path.join(FIXTURES, "bundle-bad"), { allowPartial: true, spillDir });
    expect(Object.fromEntries(v.sources.map((s) => [s.file, [s.read, s.valid, s.rejected]]))).toEqual(BAD_BUNDLE_VALID);
    const kept: Record<string, number> = {};
    for (const s of v.sources) {
      let n = 0;
      if (s.spill) for await (const batch of readSpill(s.spill)) n += v.keep(s, batch).length;
      kept[s.file] = n;
    }
    expect(kept).toEqual(Object.fromEntries(Object.entries(BAD_BUNDLE_VALID).map(([f, [, valid]]) => [f, valid])));
  });

  it("counts all errors but keeps only the error limit as text", async () => {
    const folder = temp("ingest-limit-");
    const lines = ["region_id,name,level,parent_id", ...Array.from({ length: 50 }, (_, i) => `R${i},name,city,`)];
    writeFileSync(path.join(folder, "regions.csv"), lines.join("\n"));
    const v = await validateBundle(folder, { errorLimit: 10 });
    expect(v.errorCount).toBe(50);
    expect(v.errors).toHaveLength(10);
    expect(v.errors[0]).toBe("regions.csv:2: level: not one of county, township, village (city)");
  });

  it("rejects a folder with no bundle files, and a file given both as CSV and JSON Lines", async () => {
    const folder = temp("ingest-empty-");
    expect((await validateBundle(folder)).errors[0]).toMatch(/^bundle: no bundle files in /);
    writeFileSync(path.join(folder, "regions.csv"), "region_id,name,level,parent_id\nR0,县,county,\n");
    writeFileSync(path.join(folder, "regions.jsonl"), '{"region_id": "R1", "name": "x", "level": "county"}\n');
    expect((await validateBundle(folder)).errors).toEqual(["regions.jsonl: regions.csv is present too: give each file once, as .csv or .jsonl"]);
  });

  it("rejects an account number that is another entity's id", async () => {
    const folder = temp("ingest-clash-");
    writeFileSync(path.join(folder, "persons.csv"), "person_id,name,bank_account\nP1,甲,C1\nP2,乙,\n");
    writeFileSync(path.join(folder, "companies.csv"), "company_id,name\nC1,公司\n");
    const v = await validateBundle(folder, { allowPartial: true });
    expect(v.errors).toEqual(["persons.csv:2: bank_account: account number C1 is the id of another company"]);
    expect(v.sources.map((s) => s.valid)).toEqual([1, 1]);
  });
});
