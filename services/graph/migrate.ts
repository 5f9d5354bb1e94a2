// Applies cypher/schema.cypher once per version, recording it as a (:SchemaMigration) node
// (the bookkeeping queries are in cypher/migrate/).
import { createHash } from "node:crypto";
import { AppError } from "../errors.ts";
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
  if (!match?.[1]) throw new AppError("internal", "cypher/schema.cypher lacks a `// schema-version: N` header");
  return Number(match[1]);
}

/**
 * Brings the schema up to date. Every statement is `IF NOT EXISTS`, so applying it again is
 * harmless; the record lets start-up skip the work when the same version is already in place.
 */
export async function migrate(graph: Graph, script = cypher("schema.cypher")): Promise<MigrationResult> {
  const version = schemaVersion(script);
  const checksum = createHash("sha256").update(script).digest("hex");
  const current = await graph.read<{ checksum: string }>(cypher("migrate/checksum.cypher"), { version });
  const list = statements(script);
  if (current[0]?.checksum === checksum) return { version, applied: false, statements: list.length };
  for (const statement of list) await graph.autoCommit(statement);
  await graph.autoCommit(cypher("migrate/await-indexes.cypher"));
  await graph.write(cypher("migrate/record.cypher"), { version, checksum });
  return { version, applied: true, statements: list.length };
}
