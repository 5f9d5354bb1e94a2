// Import records: (:Import {id, source, status, rows, files, errors, …}) written by the importer.
import { cypher, type Graph } from "../../graph/index.ts";

export interface ImportRow {
  id: string;
  source: string | null;
  status: string;
  rows: number | null;
  rowsValid: number | null;
  rowsRejected: number | null;
  /** JSON text of the per-file report. */
  files: string | null;
  nodesCreated: number | null;
  relationshipsCreated: number | null;
  errors: string[] | null;
  errorCount: number | null;
  warnings: string[] | null;
  seconds: number | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export class ImportRepository {
  constructor(private readonly graph: Graph) {}

  async get(id: string): Promise<ImportRow | undefined> {
    const [row] = await this.graph.read<{ import: ImportRow }>(cypher("api/import-get.cypher"), { id });
    return row?.import;
  }
}
