// The graph model's names present in the database, for the Cypher editor's completion: labels
// and relationship types of the model only (deny by default: the service's own records, keys,
// audit events and query runs are never offered), property keys sorted.
import { REL_TYPES } from "../schemas.ts";
import type { SchemaRepository, SchemaRow } from "./repository.ts";

/** Labels an analyst's query may read: the graph model (docs/MODEL.md) and its derived records. */
export const MODEL_LABELS = [
  "Entity", "Region", "Person", "Cadre", "Household", "Company", "Account", "Project", "Program", "Grant", "Asset", "Tip", "Case",
  "Phone", "Address", "Alert", "Community",
] as const;

const MODEL_RELS = new Set<string>([...REL_TYPES, "ON"]);
const INTERNAL_KEYS = new Set(["hash", "revokedAt", "keyId", "keyName", "ip"]);

export class SchemaService {
  constructor(private readonly repo: SchemaRepository) {}

  async get(): Promise<SchemaRow> {
    const names = await this.repo.names();
    const labels = new Set(names.labels);
    return {
      labels: MODEL_LABELS.filter((l) => labels.has(l)),
      relationshipTypes: names.relationshipTypes.filter((t) => MODEL_RELS.has(t)).sort(),
      propertyKeys: names.propertyKeys.filter((k) => !INTERNAL_KEYS.has(k)).sort(),
    };
  }
}
