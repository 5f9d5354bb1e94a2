// Helpers for the saved-query tests: the tiny seed county (generated once per run into a temp
// folder and imported), its planted-scheme labels, node counts, and an HTTP harness that mounts
// the queries router behind the real authentication and error handling (the page: ui-pages test).
import { tempVault } from "../../support/store.ts";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import express from "express";
import { pino } from "pino";
import { ApiKeys } from "../../../services/api/auth/keys.ts";
import { authenticate } from "../../../services/api/auth/middleware.ts";
import type { Role } from "../../../services/api/auth/roles.ts";
import { errorHandler, notFound } from "../../../services/api/problem.ts";
import { queriesRouter } from "../../../services/api/queries/router.ts";
import type { QueriesSettings } from "../../../services/api/queries/service.ts";
import { API_PREFIX } from "../../../services/api/route.ts";
import type { Graph } from "../../../services/graph/index.ts";
import { importBundle, readCsv } from "../../../services/ingest/index.ts";
import { generateCounty } from "../../../seed/generate.ts";
import { closeServer, keysPerRole, listenLocally } from "../../support/http.ts";
import { tempStore } from "../../support/store.ts";

export interface Label {
  scheme: string;
  typology: string;
  entity: string;
  role: string;
}

export interface Seed {
  dir: string;
  bundle: string;
  labels: Label[];
  /** The county's tender limit (its style): the threshold its split purchases stay under. */
  tenderLimit: number;
  cleanup(): Promise<void>;
}

/**
 * Generates the tiny county (seed 42: about 3.5k persons, every scheme typology planted) into a temp
 * folder and imports it into `graph`.
 */
export async function loadSmallSeed(graph: Graph): Promise<Seed> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "queries-seed-"));
  const generated = await generateCounty({ scale: "tiny", seed: 42, out: dir });
  const vault = tempVault();
  const report = await importBundle(graph, generated.bundleDir, { vault });
  if (report.status !== "succeeded") throw new Error(`seed import ${report.status}: ${report.errors.slice(0, 5).join("; ")}`);
  // A bank account's entity id in the graph is its vault token (services/ingest/seal.ts).
  const entityOf = (id: string, role: string) => (role === "account" ? vault.token("account", id) : id);
  const labels = (await readRows(generated.labelsPath)).map((r) => ({ scheme: r.scheme_id ?? "", typology: r.typology ?? "", entity: entityOf(r.entity_id ?? "", r.role ?? ""), role: r.role ?? "" }));
  const tenderLimit = generated.styles[0]?.tenderLimit ?? 0;
  return { dir, bundle: generated.bundleDir, labels, tenderLimit, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The rows of a CSV file as records keyed by header. */
export async function readRows(file: string): Promise<Record<string, string | undefined>[]> {
  const out: Record<string, string | undefined>[] = [];
  for await (const record of readCsv(file)) out.push(record.fields);
  return out;
}

/** Nodes and relationships of the graph, leaving out the run records that running a query adds on purpose. */
export async function countNodes(graph: Graph): Promise<{ nodes: number; relationships: number }> {
  const [row] = await graph.read<{ nodes: number; relationships: number }>(
    "CALL () { MATCH (n) WHERE NOT n:QueryRun RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships",
  );
  return row ?? { nodes: -1, relationships: -1 };
}

/** Every string found anywhere in a result (rows, lists, maps). */
export function stringsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === "string") out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

export interface QueryHarness {
  url: string;
  keys: Record<Role, string>;
  keyIds: Record<Role, string>;
  call(method: string, route: string, options?: { as?: Role | null; body?: unknown }): Promise<{ status: number; headers: Headers; contentType: string; text: string; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/**
 * The queries router as app.ts mounts it: JSON body, API-key authentication, role checks, problem
 * documents for errors.
 */
export async function startQueriesApi(graph: Graph, settings: Partial<QueriesSettings> = {}): Promise<QueryHarness> {
  const logger = pino({ level: "silent" });
  const store = tempStore();
  const keysService = new ApiKeys(store, 30_000);
  const router = queriesRouter({ graph, store, logger, settings });
  await router.ready();
  const app = express();
  const v1 = express.Router();
  v1.use(authenticate(keysService), express.json({ limit: "1mb" }));
  v1.use(router);
  app.use(API_PREFIX, v1);
  app.use(notFound);
  app.use(errorHandler(logger));
  const { keys, keyIds } = await keysPerRole(keysService, "queries test");
  const { server, url } = await listenLocally(app);
  return {
    url,
    keys,
    keyIds,
    async call(method, route, options = {}) {
      const headers: Record<string, string> = {};
      const as = options.as === undefined ? "analyst" : options.as;
      if (as) headers.authorization = `Bearer ${keys[as]}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers["content-type"] = "application/json";
      }
      const res = await fetch(url + route, { method, headers, body });
      const contentType = res.headers.get("content-type") ?? "";
      // Keep a byte-order mark in the text (TextDecoder drops it by default).
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
      return { status: res.status, headers: res.headers, contentType, text, body: text && contentType.includes("json") ? JSON.parse(text) : text };
    },
    close: () => closeServer(server),
  };
}
