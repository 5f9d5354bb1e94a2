// The streaming CSV reader: RFC 4180 quoting, line numbers, BOM, CRLF, and every kind of unreadable record.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ReadError } from "../../services/ingest/errors.ts";
import { readCsv, type CsvOptions } from "../../services/ingest/csv.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "ingest-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Buffer): string {
  const p = path.join(dir, `f${n++}.csv`);
  writeFileSync(p, content);
  return p;
}

async function read(content: string | Buffer, options: Partial<CsvOptions> = {}) {
  const errors: string[] = [];
  const rows: { line: number; fields: Record<string, string | undefined> }[] = [];
  let header: readonly string[] = [];
  for await (const r of readCsv(file(content), { onError: (e) => errors.push(`${e.line}: ${e.column}: ${e.reason}`), onHeader: (h) => (header = h), ...options })) rows.push(r);
  return { rows, errors, header };
}

describe("readCsv", () => {
  it("reads quoted fields, doubled quotes and commas inside quotes", async () => {
    const { rows, errors } = await read('a,b,c\n1,"x, ""y""",3\n"",plain,""""\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, fields: { a: "1", b: 'x, "y"', c: "3" } },
      { line: 3, fields: { a: "", b: "plain", c: '"' } },
    ]);
  });

  it("keeps line breaks inside quotes and reports each record's first physical line", async () => {
    const { rows } = await read('a,b\n1,"two\nlines"\n2,"three\r\nmore\nlines"\n3,x\n');
    expect(rows.map((r) => [r.line, r.fields.b])).toEqual([
      [2, "two\nlines"],
      [4, "three\r\nmore\nlines"],
      [7, "x"],
    ]);
  });

  it("accepts CRLF, a UTF-8 BOM, blank lines and a last line without a line break", async () => {
    const { rows, header } = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("名字,b\r\n张三,1\r\n\r\n李四,2")]));
    expect(header).toEqual(["名字", "b"]);
    expect(rows).toEqual([
      { line: 2, fields: { 名字: "张三", b: "1" } },
      { line: 4, fields: { 名字: "李四", b: "2" } },
    ]);
  });

  it("reads files larger than one chunk, with quoted records split across chunks", async () => {
    const lines = ["id,text"];
    for (let i = 0; i < 2000; i++) lines.push(i % 7 === 0 ? `${i},"multi\nline ""${i}"", 中文"` : `${i},plain 文本 ${i}`);
    const { rows, errors } = await read(lines.join("\n") + "\n", { chunkSize: 256 });
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(2000);
    expect(rows[7]?.fields.text).toBe('multi\nline "7", 中文');
    // 2 lines per multi-line record before it: ids 0 and 7 → record 8 starts on line 2 + 8 + 2.
    expect(rows[8]?.line).toBe(12);
    expect(rows[1999]?.fields.id).toBe("1999");
  });

  it("reports a ragged row and goes on", async () => {
    const { rows, errors } = await read("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n");
    expect(errors).toEqual(["3: row: 2 fields, header has 3", "4: row: 4 fields, header has 3"]);
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it("reports an unterminated quote at the line where it opens and stops", async () => {
    const { rows, errors } = await read('a,b\n1,ok\n2,"never closed\n3,x\n4,y\n');
    expect(errors).toEqual(["3: row: unterminated quote"]);
    expect(rows.map((r) => r.line)).toEqual([2]);
  });

  it("reports text after a closing quote", async () => {
    const { rows, errors } = await read('a,b\n1,"x"y\n2,z\n');
    expect(errors).toEqual(["2: row: text after a closing quote"]);
    expect(rows.map((r) => r.line)).toEqual([3]);
  });

  it("reports invalid UTF-8 with the line of the record", async () => {
    const content = Buffer.concat([Buffer.from("a,b\n1,好\n2,"), Buffer.from([0xe5, 0xa5]), Buffer.from("\n3,\"x\n"), Buffer.from([0xff]), Buffer.from('"\n4,ok\n')]);
    const { rows, errors } = await read(content);
    expect(errors).toEqual(["3: row: invalid UTF-8", "5: row: invalid UTF-8"]);
    expect(rows.map((r) => [r.line, r.fields.b])).toEqual([
      [2, "好"],
      [6, "ok"],
    ]);
  });

  it("rejects empty and duplicate header names", async () => {
    expect((await read("a,,c\n1,2,3\n")).errors).toEqual(["1: column 2: empty header name"]);
    const dup = await read("a,b,a\n1,2,3\n");
    expect(dup.errors).toEqual(["1: a: duplicate header name (columns 1 and 3)"]);
    expect(dup.rows).toEqual([]);
  });

  it("reports an empty file", async () => {
    expect((await read("")).errors).toEqual(["1: header: no header row"]);
  });

  it("throws a ReadError when no onError is given", async () => {
    const p = file("a,b\n1\n");
    const consume = async () => {
      for await (const _ of readCsv(p)) void _;
    };
    await expect(consume()).rejects.toBeInstanceOf(ReadError);
    await expect(consume()).rejects.toMatchObject({ name: "ReadError", line: 2 });
  });
});
