// Imports through the API: one at a time, in the background, from an allow-listed server folder or
// from files uploaded to the API; progress is kept in memory while the import runs and the
// outcome is read from its (:Import) record.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Graph } from "../../graph/index.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.ts";
import { BUNDLE_FILE, bundleFolder, receiveFile, removeUpload, uploadFolder, uploadedFiles } from "./folders.ts";
import { type ImportProgress, type Importer, reportOf } from "./importer.ts";
import type { ImportRepository, ImportRow } from "./repository.ts";

export interface ImportState {
  id: string;
  status: string;
  source: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  progress: ImportProgress | null;
  rows: { read: number; valid: number; rejected: number } | null;
  files: unknown[];
  errors: string[];
  errorCount: number;
  warnings: string[];
  nodesCreated: number | null;
  relationshipsCreated: number | null;
  seconds: number | null;
}

interface Live {
  status: "running" | "succeeded" | "failed" | "rejected";
  source: string;
  startedAt: string;
  progress: ImportProgress | null;
  error?: string;
}

export interface ImportSettings {
  root: string;
  uploadMaxBytes: number;
}

export class ImportService {
  private readonly live = new Map<string, Live>();

  constructor(
    private readonly graph: Graph,
    private readonly repo: ImportRepository,
    private readonly importer: Importer,
    private readonly settings: ImportSettings,
    private readonly logger: Logger,
  ) {}

  async receive(upload: string, file: string, body: NodeJS.ReadableStream): Promise<{ upload: string; file: string; bytes: number; files: string[] }> {
    if (!BUNDLE_FILE.test(file)) {
      throw new ValidationError([{ field: "params.file", message: "not a bundle file name (regions.csv, persons.jsonl, …)" }], "params.file: not a bundle file name");
    }
    const bytes = await receiveFile(this.settings.root, upload, file, body, this.settings.uploadMaxBytes);
    return { upload, file, bytes, files: await uploadedFiles(this.settings.root, upload) };
  }

  async start(request: { path?: string; upload?: string; allowPartial: boolean }): Promise<{ id: string }> {
    if ([...this.live.values()].some((l) => l.status === "running")) throw new ConflictError("another import is running");
    let folder: string;
    let source: string;
    if (request.upload !== undefined) {
      if ((await uploadedFiles(this.settings.root, request.upload)).length === 0) {
        throw new ValidationError([{ field: "body.upload", message: "no bundle files were uploaded under this id" }], "body.upload: no files uploaded");
      }
      folder = await bundleFolder(this.settings.root, uploadFolder("", request.upload), "body.upload");
      source = `upload:${request.upload}`;
    } else {
      folder = await bundleFolder(this.settings.root, request.path ?? "");
      source = `path:${request.path}`;
    }
    const id = randomUUID();
    const state: Live = { status: "running", source, startedAt: new Date().toISOString(), progress: null };
    this.live.set(id, state);
    this.trim();
    this.importer
      .run(this.graph, folder, { id, source, allowPartial: request.allowPartial, onProgress: (p) => (state.progress = p) })
      .then(async () => {
        state.status = "succeeded";
        if (request.upload !== undefined) await removeUpload(this.settings.root, request.upload);
      })
      .catch((error: unknown) => {
        const report = reportOf(error);
        state.status = report?.status === "rejected" ? "rejected" : "failed";
        if (!report) {
          state.error = (error as Error).message;
          this.logger.error({ err: error, importId: id }, "import failed");
        }
      });
    return { id };
  }

  async get(id: string): Promise<ImportState> {
    const row = await this.repo.get(id);
    const live = this.live.get(id);
    if (!row && !live) throw new NotFoundError(`no import ${id}`);
    return merge(id, row, live);
  }

  /** Keeps the memory of finished imports bounded. */
  private trim(): void {
    for (const [id, l] of this.live) {
      if (this.live.size <= 100) break;
      if (l.status !== "running") this.live.delete(id);
    }
  }
}

function parseFiles(text: string | null): unknown[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function merge(id: string, row: ImportRow | undefined, live: Live | undefined): ImportState {
  // The graph record is the truth once written; memory covers the moments before and the progress.
  const status = row && row.status !== "running" ? row.status : (live?.status === "running" || !live ? (row?.status ?? "running") : live.status);
  const errors = [...(row?.errors ?? []), ...(live?.error && !row?.errors?.length ? [`import failed: ${live.error}`] : [])];
  return {
    id,
    status,
    source: row?.source ?? live?.source ?? null,
    startedAt: row?.startedAt ?? live?.startedAt ?? null,
    finishedAt: row?.finishedAt ?? null,
    progress: status === "running" ? (live?.progress ?? null) : null,
    rows: row?.rows != null ? { read: row.rows, valid: row.rowsValid ?? 0, rejected: row.rowsRejected ?? 0 } : null,
    files: parseFiles(row?.files ?? null),
    errors,
    errorCount: Math.max(row?.errorCount ?? 0, errors.length),
    warnings: row?.warnings ?? [],
    nodesCreated: row?.nodesCreated ?? null,
    relationshipsCreated: row?.relationshipsCreated ?? null,
    seconds: row?.seconds ?? null,
  };
}
