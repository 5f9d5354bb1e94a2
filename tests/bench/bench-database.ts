// The analysis and API benchmarks' database: DATA_DIR/bench-<scale> on port NEO4J_LOCAL_PORT + 3,
// holding the seeded county of that scale. It is generated and imported when the database holds
// no successful import of a `<scale>-<seed>` bundle yet (a copy of another database that imported
// the same bundle from another folder counts), or taken as it is with `reuse`.
import { tempVault } from "../support/store.ts";
import { importBundle } from "../../services/ingest/index.ts";
import { runningServer } from "../../services/neo4j/local.ts";
import { type BenchGraph, benchGraph } from "./bench-neo4j.ts";
import { benchBundle, type BenchScale } from "./bundles.ts";

export interface BenchDatabaseOptions {
  scale: BenchScale;
  seed: number;
  /** Use whatever the database holds, importing nothing. */
  reuse: boolean;
}

export const DEFAULT_BENCH_DATABASE: BenchDatabaseOptions = { scale: "county", seed: 42, reuse: false };

export interface BenchDatabase extends BenchGraph {
  /** The local Neo4j server's pid (for its CPU seconds), unless NEO4J_URI is used. */
  neo4jPid: number | undefined;
  /** True when a successful analysis run started after the newest import. */
  analysed: boolean;
  /** Seconds the database's import of the bundle took (whenever it was made). */
  importSeconds: number | null;
}

/** The newest successful import of a bundle folder ending in `suffix` (any, with `reuse`), and whether it was analysed since. */
const STATE = `
OPTIONAL MATCH (i:Import {status: 'succeeded'})
WHERE $reuse OR i.source ENDS WITH $suffix
WITH i ORDER BY i.finishedAt DESC LIMIT 1
OPTIONAL MATCH (r:AnalysisRun {status: 'succeeded'})
WHERE i IS NOT NULL AND r.startedAt >= datetime(toString(i.finishedAt))
RETURN i IS NOT NULL AS imported, i.seconds AS importSeconds, count(r) > 0 AS analysed`;

export async function benchDatabase(input: Partial<BenchDatabaseOptions> = {}, log: (line: string) => void = console.error): Promise<BenchDatabase> {
  const options = { ...DEFAULT_BENCH_DATABASE, ...input };
  const db = await benchGraph({ name: `bench-${options.scale}`, portOffset: 3 });
  try {
    const state = async () =>
      (await db.graph.read<{ imported: boolean; importSeconds: number | null; analysed: boolean }>(STATE, { reuse: options.reuse, suffix: `/${options.scale}-${options.seed}/bundle` }))[0]!;
    let { imported, importSeconds, analysed } = await state();
    if (!imported) {
      const bundle = await benchBundle(options.scale, options.seed);
      log(`Importing ${bundle} into ${db.cfg.dataDir} (the county takes about ten minutes)…`);
      const report = await importBundle(db.graph, bundle, { vault: tempVault() });
      log(`  ${report.rows.valid.toLocaleString("en-US")} rows in ${report.seconds.toFixed(1)} s`);
      ({ imported, importSeconds, analysed } = await state());
    } else log(`Using the ${options.reuse ? "existing" : `${options.scale}-${options.seed}`} import in ${db.cfg.dataDir}.`);
    const neo4jPid = db.cfg.neo4jUri ? undefined : runningServer(db.cfg.dataDir)?.pid;
    if (!imported) throw new Error(`the import into ${db.cfg.dataDir} did not succeed`);
    return { ...db, neo4jPid, analysed, importSeconds };
  } catch (error) {
    await db.close();
    throw error;
  }
}
