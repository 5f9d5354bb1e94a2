// A Neo4j of the benchmarks' own (data dir `bench`, port + 2), so a benchmark never touches the
// demo database; or NEO4J_URI when set (the benchmark then empties that database).
import path from "node:path";
import { config } from "../../services/config/index.ts";
import { Graph, migrate } from "../../services/graph/index.ts";
import { resolveNeo4j } from "../../services/neo4j/connect.ts";

export async function benchGraph(): Promise<{ graph: Graph; close: () => Promise<void> }> {
  const base = config();
  const cfg = { ...base, dataDir: path.join(base.dataDir, "bench"), local: { ...base.local, port: base.local.port + 2 } };
  const target = await resolveNeo4j(cfg, (line) => console.error(line));
  const graph = await Graph.connect(target.connection);
  await migrate(graph);
  return {
    graph,
    close: async () => {
      await graph.close();
      await target.release();
    },
  };
}
