// The audit trail's hash chain on a real file: an edited, an inserted and a deleted record are each
// named by their line, records cut off the end are caught through the head file, and
// `npm run audit:verify` exits non-zero.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { type AuditEntry, type AuditRecord, recordHash } from "../../services/api/audit/chain.ts";
import { AuditTrail } from "../../services/api/audit/trail.ts";
import { verifyDir } from "../../services/cli/audit-verify.ts";
import { tempDir } from "../support/store.ts";

function entry(i: number): AuditEntry {
  return {
    id: `e${i}`,
    at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
    keyId: "key-1",
    keyName: "analyst one",
    role: "analyst",
    method: "GET",
    route: "/api/v1/entities/:id",
    path: `/api/v1/entities/P${i}`,
    params: { path: { id: `P${i}` } },
    status: 200,
    outcome: "ok",
    ms: 1.5,
    ip: "127.0.0.1",
    entities: [`P${i}`],
    count: 1,
  };
}

let dir: string;
let file: string;
let lines: string[];

beforeEach(async () => {
  dir = tempDir("audit");
  const trail = new AuditTrail(dir);
  await Promise.all(Array.from({ length: 10 }, (_, i) => trail.commit(entry(i + 1))));
  await trail.close();
  file = trail.files.trail;
  lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
});

const rewrite = (next: string[]) => writeFileSync(file, `${next.join("\n")}\n`);

describe("audit:verify", () => {
  it("passes an untouched trail, chained 1..10 in commit order", () => {
    expect(lines).toHaveLength(10);
    expect(lines.map((l) => (JSON.parse(l) as AuditRecord).seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(verifyDir(dir).code).toBe(0);
  });

  it("names an edited record by its line", () => {
    rewrite(lines.map((l, i) => (i === 3 ? l.replace('"keyName":"analyst one"', '"keyName":"someone else"') : l)));
    const { code, lines: out } = verifyDir(dir);
    expect(code).toBe(1);
    expect(out.join("\n")).toContain("audit.jsonl:4: edited");
  });

  it("names an edited record whose hash was recomputed by its line (the next record's link breaks)", () => {
    const r = JSON.parse(lines[3] as string) as AuditRecord;
    const { hash: _h, ...body } = { ...r, path: "/api/v1/entities/HIDDEN" };
    rewrite(lines.map((l, i) => (i === 3 ? JSON.stringify({ ...body, hash: recordHash(body) }) : l)));
    const out = verifyDir(dir).lines.join("\n");
    expect(out).toContain("audit.jsonl:4: edited");
  });

  it("names an inserted record by its line", () => {
    const copy = lines[5] as string;
    rewrite([...lines.slice(0, 6), copy, ...lines.slice(6)]);
    const { code, lines: out } = verifyDir(dir);
    expect(code).toBe(1);
    expect(out.join("\n")).toContain("audit.jsonl:7: inserted");
  });

  it("names a deleted record by the line where it is missing", () => {
    rewrite([...lines.slice(0, 4), ...lines.slice(5)]);
    const { code, lines: out } = verifyDir(dir);
    expect(code).toBe(1);
    expect(out.join("\n")).toMatch(/audit\.jsonl:5: deleted: records 5 missing/);
  });

  it("catches records cut off the end through the head file", () => {
    rewrite(lines.slice(0, 8));
    const { code, lines: out } = verifyDir(dir);
    expect(code).toBe(1);
    expect(out.join("\n")).toContain("truncated: the head file says the trail reaches record 10; it ends at 8");
  });

  it("exits non-zero from the command line", () => {
    rewrite(lines.slice(1));
    const r = spawnSync(process.execPath, ["--import", "tsx", "services/cli/audit-verify.ts", "--dir", dir], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("audit.jsonl:1: deleted");
  }, 60_000);

  it("continues the chain after a restart", async () => {
    const again = new AuditTrail(dir);
    const record = await again.commit(entry(11));
    await again.close();
    expect(record.seq).toBe(11);
    expect(record.prev).toBe((JSON.parse(lines[9] as string) as AuditRecord).hash);
    expect(verifyDir(dir).code).toBe(0);
  });
});
