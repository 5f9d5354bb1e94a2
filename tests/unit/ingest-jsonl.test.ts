// The streaming JSON Lines reader: flat objects whose values become CSV-like cells; bad lines reported.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readJsonl } from "../../services/ingest/jsonl.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "ingest-jsonl-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function read(content: string | Buffer, chunkSize?: number) {
  const p = path.join(dir, `f${n++}.jsonl`);
  writeFileSync(p, content);
  const errors: string[] = [];
  const keys: string[] = [];
  const rows: { line: number; fields: Record<string, string | undefined> }[] = [];
  for await (const r of readJsonl(p, { onError: (e) => errors.push(`${e.line}: ${e.column}: ${e.reason.replace(/ \(.*/, "")}`), onKey: (k, line) => keys.push(`${k}@${line}`), ...(chunkSize ? { chunkSize } : {}) })) rows.push(r);
  return { rows, errors, keys };
}

describe("readJsonl", () => {
  it("turns strings, numbers, booleans and null into cells", async () => {
    const { rows, errors, keys } = await read('{"a": "x", "b": 3.5, "c": true, "d": null}\r\n\n{"a": "中文", "e": false}\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 1, fields: { a: "x", b: "3.5", c: "true", d: undefined } },
      { line: 3, fields: { a: "中文", e: "false" } },
    ]);
    expect(keys).toEqual(["a@1", "b@1", "c@1", "d@1", "e@3"]);
  });

  it("reports invalid JSON, non-objects, nested values and invalid UTF-8 with their lines", async () => {
    const content = Buffer.concat([
      Buffer.from('{"a": 1}\n{"a": \n[1, 2]\n{"a": {"b": 1}, "c": [1]}\n{"a": "'),
      Buffer.from([0xc3]),
      Buffer.from('"}\n{"a": 2}'),
    ]);
    const { rows, errors } = await read(content);
    expect(errors).toEqual(["2: row: invalid JSON", "3: row: not a JSON object", "4: a: nested values are not allowed", "4: c: nested values are not allowed", "5: row: invalid UTF-8"]);
    expect(rows.map((r) => r.line)).toEqual([1, 6]);
  });

  it("reads in small chunks with a BOM", async () => {
    const lines = Array.from({ length: 500 }, (_, i) => JSON.stringify({ id: `X${i}`, name: `名字${i}` }));
    const { rows } = await read("\ufeff" + lines.join("\n"), 64);
    expect(rows).toHaveLength(500);
    expect(rows[0]?.fields.id).toBe("X0");
    expect(rows[499]).toEqual({ line: 500, fields: { id: "X499", name: "名字499" } });
  });
});
