// Integration-test helpers: connect to the Neo4j chosen by global setup and empty it.
import { inject } from "vitest";
import { emptyDatabase, Graph, migrate } from "../../services/graph/index.ts";

/** Connects to the test database and applies the schema. */
export async function connectTestGraph(): Promise<Graph> {
  const graph = await Graph.connect(inject("neo4j"));
  await migrate(graph);
  return graph;
}

/** Deletes every node except the schema record. */
export const emptyGraph = emptyDatabase;
