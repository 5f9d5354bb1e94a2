// Empties the database (tests, evaluation); the schema and its migration record stay.
import type { Graph } from "./client.ts";
import { cypher } from "./cypher.ts";

export async function emptyDatabase(graph: Graph): Promise<void> {
  await graph.autoCommit(cypher("admin/empty.cypher"));
}
