// Ingest benchmark: imports a bundle folder (or a synthetic bundle of N persons written to a temp
// folder) into the configured Neo4j and prints rows per second for node and relationship rows.
// `npm run bench:ingest -- [<folder> | --persons N] [--batch-size N] [--keep]`
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { config } from "../../services/config/index.ts";
import { Graph, migrate } from "../../services/graph/index.ts";
import { importBundle } from "../../services/ingest/index.ts";
import { summary } from "../../services/ingest/progress.ts";
import { resolveNeo4j } from "../../services/neo4j/connect.ts";
import { writeSyntheticBundle } from "./synthetic.ts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const persons = Number(option("--persons") ?? 300_000);
const batchSize = option("--batch-size") ? Number(option("--batch-size")) : undefined;
let folder = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
const synthetic = folder === undefined;
if (synthetic) {
  folder = path.join(os.tmpdir(), `county-bench-${persons}`);
  const t = performance.now();
  const rows = await writeSyntheticBundle(folder, persons);
  console.error(`wrote ${rows.toLocaleString("en-US")} rows to ${folder} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const target = await resolveNeo4j(config(), (line) => console.error(line));
const graph = await Graph.connect(target.connection);
try {
  await migrate(graph);
  if (args.includes("--empty")) {
    await graph.autoCommit("MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  }
  const report = await importBundle(graph, folder as string, { batchSize });
  console.log(summary(report));
} finally {
  await graph.close();
  await target.release();
  if (synthetic && !args.includes("--keep")) await rm(folder as string, { recursive: true, force: true });
}
