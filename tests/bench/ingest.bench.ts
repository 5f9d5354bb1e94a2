// `npm run bench:ingest`: the batched loader on the county bundle, side by side with a naive
// one-row-per-transaction loader (the same statements, batch size 1) on the small bundle.
import { parseArgs } from "node:util";
import { emptyDatabase } from "../../services/graph/index.ts";
import { importBundle, type ImportReport } from "../../services/ingest/index.ts";
import { table } from "../../services/cli/progress.ts";
import { benchGraph } from "./bench-neo4j.ts";
import { benchBundle } from "./bundles.ts";
import { machine } from "./machine.ts";

// --scale small runs the whole comparison on the small bundle only (a quick check).
const { values } = parseArgs({ options: { scale: { type: "string", default: "county" } } });
const scale = values.scale === "small" ? "small" : "county";
const { graph, close } = await benchGraph();
const rows: (string | number)[][] = [["loader", "bundle", "batch", "node rows", "node rows/s", "rel rows", "rel rows/s", "validate s", "total s"]];
const record = (loader: string, name: string, batch: number, r: ImportReport) => {
  const row = [
    loader,
    name,
    batch,
    r.phases.nodes.rows,
    Math.round(r.phases.nodes.rowsPerSecond),
    r.phases.relationships.rows,
    Math.round(r.phases.relationships.rowsPerSecond),
    r.phases.validate.seconds.toFixed(1),
    r.seconds.toFixed(1),
  ];
  rows.push(row);
  console.error(`  ${row.join("  ")}`);
};
try {
  const small = await benchBundle("small");
  const county = await benchBundle(scale);

  await emptyDatabase(graph);
  console.error("naive loader (one row per transaction) on the small bundle…");
  record("naive", "small", 1, await importBundle(graph, small, { batchSize: 1 }));

  await emptyDatabase(graph);
  console.error("batched loader on the small bundle…");
  record("batched", "small", 10_000, await importBundle(graph, small));

  await emptyDatabase(graph);
  console.error(`batched loader on the ${scale} bundle…`);
  const first = await importBundle(graph, county);
  record("batched", scale, 10_000, first);
  console.error(`re-import of the ${scale} bundle (should create nothing)…`);
  const again = await importBundle(graph, county);
  record("batched re-import", scale, 10_000, again);

  console.log(`\nIngest benchmark — ${machine()}\n`);
  console.log(table(rows));
  console.log(`\n${scale} import: ${first.seconds.toFixed(1)} s for ${first.rows.valid} rows; re-import created ${again.nodesCreated} nodes and ${again.relationshipsCreated} relationships`);
} finally {
  await close();
}
