// A Neo4j of the benchmarks' own (by default data dir `bench`, port + 2), so a benchmark never
// touches the demo database; or NEO4J_URI when set (the benchmark may then empty that database).
import path from "node:path";
import { type Config, config } from "../../services/config/index.ts";
import { Graph, migrate } from "../../services/graph/index.ts";
import { resolveNeo4j } from "../../services/neo4j/connect.ts";

export interface BenchNeo4jOptions {
  /** Folder under DATA_DIR holding this benchmark's database. */
  name: string;
  /** Added to NEO4J_LOCAL_PORT. */
  portOffset: number;
}

export const DEFAULT_BENCH_NEO4J: BenchNeo4jOptions = { name: "bench", portOffset: 2 };

export interface BenchGraph {
  graph: Graph;
  /** The configuration the benchmark's Neo4j runs under (its data dir and port). */
  cfg: Config;
  close: () => Promise<void>;
}

/** The configuration of a benchmark's own database: DATA_DIR/<name>, port NEO4J_LOCAL_PORT + offset. */
export function benchConfig(input: Partial<BenchNeo4jOptions> = {}): Config {
  const options = { ...DEFAULT_BENCH_NEO4J, ...input };
  const base = config();
  return { ...base, dataDir: path.join(base.dataDir, options.name), local: { ...base.local, port: base.local.port + options.portOffset } };
}

export async function benchGraph(input: Partial<BenchNeo4jOptions> = {}): Promise<BenchGraph> {
  const cfg = benchConfig(input);
  const target = await resolveNeo4j(cfg, (line) => console.error(line));
  const graph = await Graph.connect(target.connection);
  await migrate(graph);
  return {
    graph,
    cfg,
    close: async () => {
      await graph.close();
      await target.release();
    },
  };
}
