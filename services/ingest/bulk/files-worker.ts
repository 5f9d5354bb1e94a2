// The importer files written on a second core: this worker thread reads the bundle on its own and
// converts each row with the parsers the check uses (normalisation included), writing it at once,
// while the main thread checks the same files. It stops at the first row it cannot convert: then
// the check reports the bundle's errors and these files are not used (see files-job.ts).
import { parentPort, workerData } from "node:worker_threads";
import { discover } from "../discover.ts";
import { ReadError } from "../errors.ts";
import { Issues, Warnings } from "../issues.ts";
import { readSource } from "../read.ts";
import { rowParser } from "../rows.ts";
import { TEXT_DEFAULTS } from "../text.ts";
import { ImporterWriter } from "./write.ts";
import type { FilesRequest, FilesMessage } from "./files-job.ts";

const { folder, dir, database } = (workerData as { data: FilesRequest }).data;
const post = (message: FilesMessage) => parentPort?.postMessage(message);

class Unconvertible extends Error {}

const issues = new Issues(1);
const sources = await discover(folder, issues, new Warnings(0));
const totalBytes = sources.reduce((n, s) => n + s.size, 0);
const writer = await ImporterWriter.create(dir);
try {
  if (issues.count > 0) throw new Unconvertible(issues.text()[0]);
  let bytesBefore = 0;
  for (const source of sources) {
    const parse = rowParser(source.spec.schema);
    let rows = 0;
    let batches = 0;
    for await (const batch of readSource(source)) {
      for (const record of batch) {
        const parsed = parse(record.fields);
        if ("issues" in parsed) throw new Unconvertible(`${source.file}:${record.line}: ${parsed.issues[0]?.column}: ${parsed.issues[0]?.reason}`);
        source.spec.prepare?.(parsed.row);
        const wait = writer.add(source.spec.name, parsed.row);
        if (wait) await wait;
      }
      rows += batch.length;
      const bytes = bytesBefore + Math.min(source.size, ++batches * TEXT_DEFAULTS.chunkSize);
      post({ kind: "progress", file: source.file, rows, bytes, totalBytes });
    }
    bytesBefore += source.size;
  }
  post({ kind: "done", files: await writer.finish(database) });
} catch (error) {
  await writer.close().catch(() => {});
  if (error instanceof Unconvertible || error instanceof ReadError) post({ kind: "unconvertible", reason: error.message });
  else post({ kind: "failed", message: (error as Error).stack ?? String(error) });
}
