// Integration-test helpers: connect to the Neo4j chosen by global setup and empty it.
import { inject } from "vitest";
import { Graph, migrate } from "../../services/graph/index.ts";

/** Connects to the test database and applies the schema. */
export async function connectTestGraph(): Promise<Graph> {
  const graph = await Graph.connect(inject("neo4j"));
  await migrate(graph);
  return graph;
}

/** Deletes every node except the schema record, in batches so large graphs do not exhaust memory. */
export async function emptyGraph(graph: Graph): Promise<void> {
  await graph.autoCommit(
    "MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
  );
}
