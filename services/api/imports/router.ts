// Imports for admins. Two ways to hand over a bundle, neither able to read outside IMPORT_ROOT:
//  1. a folder already on the server under IMPORT_ROOT: POST /imports {"path": "county-2024"};
//  2. an upload: PUT /imports/uploads/<upload>/<file> for each bundle file (raw body, streamed to
//     IMPORT_ROOT/uploads/<upload>/), then POST /imports {"upload": "<upload>"}.
// The import runs in the background: 202 {id}, then GET /imports/:id for progress and errors.
import { Router } from "express";
import type { Logger } from "pino";
import type { Graph } from "../../graph/index.ts";
import { registry, z } from "../openapi.ts";
import { API_PREFIX, endpoint, mount } from "../route.ts";
import { IdParams } from "../schemas.ts";
import { BUNDLE_FILE, UPLOAD_ID } from "./folders.ts";
import type { Importer } from "./importer.ts";
import { ImportRepository } from "./repository.ts";
import { ImportService, type ImportSettings } from "./service.ts";

const ImportStatus = registry.register(
  "Import",
  z.object({
    id: z.string(),
    status: z.string().openapi({ description: "running, succeeded, failed or rejected (errors found, nothing written)" }),
    source: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    progress: z
      .object({ stage: z.string(), phase: z.string().optional(), file: z.string(), rows: z.number(), totalRows: z.number().optional() })
      .nullable()
      .openapi({ description: "while running: the file and rows reached" }),
    rows: z.object({ read: z.number(), valid: z.number(), rejected: z.number() }).nullable(),
    files: z.array(z.unknown()),
    errors: z.array(z.string()).openapi({ description: "`file:line: column: reason`, the first 1000" }),
    errorCount: z.number().int(),
    warnings: z.array(z.string()),
    nodesCreated: z.number().int().nullable(),
    relationshipsCreated: z.number().int().nullable(),
    seconds: z.number().nullable(),
  }),
);

const uploadId = z.string().regex(UPLOAD_ID, "8–64 letters, digits, - or _");

export const StartImport = endpoint({
  method: "post",
  path: "/imports",
  roles: ["admin"],
  tags: ["imports"],
  summary: "Import a bundle from a folder under IMPORT_ROOT or from an upload",
  description:
    "Give exactly one of `path` (relative to the server's IMPORT_ROOT; absolute paths, `..` and links leading outside are refused) " +
    "or `upload` (the id used with PUT /imports/uploads/{upload}/{file}). One import runs at a time.",
  body: z
    .object({
      path: z.string().min(1).max(500).optional(),
      upload: uploadId.optional(),
      allowPartial: z.boolean().default(false).openapi({ description: "write the valid rows and report the rest" }),
    })
    .refine((b) => (b.path === undefined) !== (b.upload === undefined), { message: "give exactly one of path and upload", path: ["path"] }),
  response: z.object({ id: z.string() }),
  status: 202,
  headers: { Location: { description: "the import's URL", schema: { type: "string" } } },
  problems: [409],
});

export const UploadFile = endpoint({
  method: "put",
  path: "/imports/uploads/:upload/:file",
  roles: ["admin"],
  tags: ["imports"],
  summary: "Upload one bundle file (raw body) into an upload folder",
  params: z.object({ upload: uploadId, file: z.string().regex(BUNDLE_FILE, "a bundle file name such as persons.csv or grants.jsonl") }),
  rawBody: { contentTypes: ["text/csv", "application/x-ndjson", "application/octet-stream"], description: "the file's bytes (UTF-8 CSV or JSON Lines)" },
  response: z.object({ upload: z.string(), file: z.string(), bytes: z.number().int(), files: z.array(z.string()) }),
  status: 201,
  problems: [413],
});

export const GetImport = endpoint({
  method: "get",
  path: "/imports/:id",
  roles: ["admin"],
  tags: ["imports"],
  summary: "An import's progress, counts and errors",
  params: IdParams,
  response: ImportStatus,
  problems: [404],
});

export function importsRouter(graph: Graph, importer: Importer, settings: ImportSettings, logger: Logger): Router {
  const service = new ImportService(graph, new ImportRepository(graph), importer, settings, logger);
  const router = Router();
  mount(router, StartImport, async ({ body, res }) => {
    const { id } = await service.start(body);
    res.location(`${API_PREFIX}/imports/${id}`);
    return { id };
  });
  mount(router, UploadFile, ({ params, req }) => service.receive(params.upload, params.file, req));
  mount(router, GetImport, ({ params }) => service.get(params.id));
  return router;
}

