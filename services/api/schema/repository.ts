// The database's own catalogue of names: labels, relationship types, property keys.
import { cypher, type Graph } from "../../graph/index.ts";

export interface SchemaRow {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

export class SchemaRepository {
  constructor(private readonly graph: Graph) {}

  async names(): Promise<SchemaRow> {
    const [row] = await this.graph.read<SchemaRow & Record<string, unknown>>(cypher("api/graph-schema.cypher"));
    return row ?? { labels: [], relationshipTypes: [], propertyKeys: [] };
  }
}
