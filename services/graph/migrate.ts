// Applies cypher/schema.cypher once per version, recording it as a (:SchemaMigration) node.
import { createHash } from "node:crypto";
import type { Graph } from "./client.ts";
import { cypher, statements } from "./cypher.ts";

export interface MigrationResult {
  version: number;
  applied: boolean;
  statements: number;
}

/** Reads the `// schema-version: N` header of a schema script. */
export function schemaVersion(script: string): number {
  const match = /^\/\/\s*schema-version:\s*(\d+)/m.exec(script);
  if (!match?.[1]) throw new Error("cypher/schema.cypher lacks a `// schema-version: N` header");
  return Number(match[1]);
}

/**
 * Brings the schema up to date. Every statement is `IF NOT EXISTS`, so applying it again is
 * harmless; the record lets start-up skip the work when the same version is already in place.
 */
export async function migrate(graph: Graph, script = cypher("schema.cypher")): Promise<MigrationResult> {
  const version = schemaVersion(script);
  const checksum = createHash("sha256").update(script).digest("hex");
  const current = await graph.read<{ checksum: string }>(
    "MATCH (m:SchemaMigration {version: $version}) RETURN m.checksum AS checksum",
    { version },
  );
  const list = statements(script);
  if (current[0]?.checksum === checksum) return { version, applied: false, statements: list.length };
  for (const statement of list) await graph.autoCommit(statement);
  await graph.autoCommit("CALL db.awaitIndexes(300)");
  await graph.write(
    "MERGE (m:SchemaMigration {version: $version}) SET m.checksum = $checksum, m.appliedAt = datetime()",
    { version, checksum },
  );
  return { version, applied: true, statements: list.length };
}
