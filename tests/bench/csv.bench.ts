// `npm run bench:csv`: the project's hand-written CSV reader (services/ingest/csv.ts) beside
// csv-parse, the library a newcomer would expect, on the same files in the same run: throughput
// over a bundle's CSV files, then what each says about the same broken inputs (does the message
// name the line, does reading go on past a bad record). The answer decides whether the reader
// stays hand-written (BENCHMARKS.md, "CSV reader").
import { createReadStream, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse";
import { readCsvBatches } from "../../services/ingest/csv.ts";
import { ReadError } from "../../services/ingest/errors.ts";
import { benchBundle, benchScale } from "./bundles.ts";
import { machine } from "./machine.ts";
import { markdownTable, s2 } from "./markdown.ts";

const { values } = parseArgs({ options: { scale: { type: "string" }, bundle: { type: "string" }, runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);

interface Outcome {
  records: number;
  errors: string[];
}

async function hand(file: string): Promise<Outcome> {
  const errors: string[] = [];
  let records = 0;
  try {
    for await (const batch of readCsvBatches(file, { onError: (e) => errors.push(`line ${e.line}: ${e.reason}`) })) records += batch.length;
  } catch (e) {
    errors.push(e instanceof ReadError ? `line ${e.line}: ${e.reason} (stopped)` : `${(e as Error).message} (stopped)`);
  }
  return { records, errors };
}

/** csv-parse as the importer would use it: header → objects, BOM, line numbers, bad records skipped and reported. */
async function library(file: string): Promise<Outcome> {
  const errors: string[] = [];
  let records = 0;
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      columns: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (err: { message: string; lines?: number } | undefined) => {
        if (err) errors.push(err.message);
      },
    }),
  );
  try {
    for await (const row of parser as AsyncIterable<{ info: { lines: number } }>) if (row.info.lines > 0) records++;
  } catch (e) {
    errors.push(`${(e as Error).message} (stopped)`);
  }
  return { records, errors };
}

const readers = { "hand-written (services/ingest/csv.ts)": hand, "csv-parse 6 (stream, columns, info, skip_records_with_error)": library };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const bundle = values.bundle ?? (await benchBundle(benchScale(values.scale)));
const files = readdirSync(bundle)
  .filter((f) => f.endsWith(".csv"))
  .map((f) => path.join(bundle, f));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
console.error(`bench:csv on ${bundle}: ${files.length} CSV files, ${(bytes / 2 ** 20).toFixed(0)} MiB, ${runs} runs each, load ${os.loadavg()[0]!.toFixed(1)}`);

const rows: (string | number)[][] = [];
let handSeconds = 0;
for (const [name, read] of Object.entries(readers)) {
  const times: number[] = [];
  let records = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    records = 0;
    for (const f of files) records += (await read(f)).records;
    times.push((performance.now() - t0) / 1000);
  }
  const t = median(times);
  if (handSeconds === 0) handSeconds = t;
  rows.push([name, records.toLocaleString("en"), s2(t), Math.round(records / t).toLocaleString("en"), (bytes / 2 ** 20 / t).toFixed(0), (t / handSeconds).toFixed(2)]);
}

// The same broken inputs through both: what the importer could tell the user.
const dir = mkdtempSync(path.join(os.tmpdir(), "bench-csv-"));
const broken: Record<string, string> = {
  "a record with a field too many (line 3)": "id,name\n1,a\n2,b,extra\n3,c\n",
  "a stray quote inside a field (line 3)": 'id,name\n1,a\n2,b"c\n3,d\n',
  "a quoted field with a line break (records on lines 2 and 4)": 'id,name\n1,"a\nb"\n2,c\n',
  "an unterminated quote (line 3)": 'id,name\n1,a\n2,"b\n3,c\n',
  "invalid UTF-8 on line 3": "id,name\n1,a\n2,\xff\xfe\n3,c\n",
};
const errorRows: string[][] = [];
for (const [what, text] of Object.entries(broken)) {
  const file = path.join(dir, `${errorRows.length}.csv`);
  writeFileSync(file, what.startsWith("invalid UTF-8") ? Buffer.from(text, "latin1") : text);
  const [a, b] = [await hand(file), await library(file)];
  const say = (o: Outcome) => `${o.records} records; ${o.errors.length ? o.errors.join(" / ") : "no error"}`;
  errorRows.push([what, say(a), say(b)]);
}

console.log(`\n## CSV reader: hand-written beside csv-parse\n\n${machine()}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}\n`);
console.log(markdownTable(["reader", "records", "s (median)", "records/s", "MiB/s", "× hand-written"], rows));
console.log(`\n${markdownTable(["broken input", "hand-written", "csv-parse"], errorRows)}`);
