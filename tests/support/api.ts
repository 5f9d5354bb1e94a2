// API-test harness: the real Express app on a random port over the test Neo4j, one API key per
// role, and a small fetch wrapper. The fixture graph is tests/fixtures/api/graph.cypher.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pino } from "pino";
import { type App, type AppDeps, createApp } from "../../services/api/app.ts";
import type { Role } from "../../services/api/auth/roles.ts";
import type { ApiConfig } from "../../services/config/index.ts";
import { type Graph, statements } from "../../services/graph/index.ts";
import { FIXTURES } from "./bundles.ts";
import { connectTestGraph, emptyGraph } from "./graph.ts";
import { closeServer, keysPerRole, listenLocally } from "./http.ts";
import { tempDir } from "./store.ts";

export const API_FIXTURE = path.join(FIXTURES, "api", "graph.cypher");

/** Empties the graph and creates the API fixture. */
export async function loadApiFixture(graph: Graph): Promise<void> {
  await emptyGraph(graph);
  for (const statement of statements(readFileSync(API_FIXTURE, "utf8"))) await graph.write(statement);
}

/** Test replies are read loosely; their shapes are checked against the routes' zod schemas. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface Reply<T = Loose> {
  status: number;
  headers: Headers;
  contentType: string;
  body: T;
}

export interface CallOptions {
  /** Sends this role's key; `null` sends none. */
  as?: Role | null;
  /** Sends this exact Authorization header. */
  authorization?: string;
  body?: unknown;
  raw?: { data: string | Buffer; contentType: string };
}

export interface Harness {
  graph: Graph;
  app: App;
  url: string;
  keys: Record<Role, string>;
  keyIds: Record<Role, string>;
  call<T = Loose>(method: string, path: string, options?: CallOptions): Promise<Reply<T>>;
  get<T = Loose>(path: string, as?: Role | null): Promise<Reply<T>>;
  close(): Promise<void>;
}

/** `fixture`: load the API fixture (default), start from an empty graph (false), or take the graph as it is ("keep"). */
export async function startApi(options: { fixture?: boolean | "keep"; config?: Partial<ApiConfig>; deps?: Partial<AppDeps> } = {}): Promise<Harness> {
  const graph = await connectTestGraph();
  if (options.fixture === false) await emptyGraph(graph);
  else if (options.fixture !== "keep") await loadApiFixture(graph);
  const config: ApiConfig = {
    importRoot: path.join(FIXTURES, ".."),
    importUploadMaxBytes: 10 * 1024 * 1024,
    keyCacheMs: 30_000,
    serviceDir: tempDir("service"),
    vaultDir: tempDir("vault"),
    // Answers from Neo4j: tests change the graph behind the API's back; risk-view.test.ts tests the view.
    riskRefreshMs: 0,
    audit: { dir: tempDir("audit"), batchSize: 256 },
    corsOrigins: [],
    sessionMs: 3_600_000,
    trustProxy: { value: "loopback", configured: false },
    // Tests call fast and from one key: the limit is tested on its own (hardening.test.ts).
    rateLimit: { perSecond: 10_000, burst: 10_000 },
    // Generous: the first saved-query call waits for every built-in to be EXPLAINed, slow on a busy machine.
    requestTimeoutMs: 600_000,
    txTimeoutMs: 60_000,
    queryTimeoutMs: 10_000,
    identifierSearches: { perSecond: 10 / 60, burst: 10 },
    ...options.config,
  };
  const app = createApp({ graph, logger: pino({ level: "silent" }), config, ...options.deps });
  const { keys, keyIds } = await keysPerRole(app.keys, "test");
  const { server, url } = await listenLocally(app);

  async function call<T>(method: string, route: string, o: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    const as = o.as === undefined ? "investigator" : o.as;
    if (o.authorization !== undefined) headers.authorization = o.authorization;
    else if (as) headers.authorization = `Bearer ${keys[as]}`;
    let body: string | Buffer | undefined;
    if (o.raw) {
      body = o.raw.data;
      headers["content-type"] = o.raw.contentType;
    } else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers["content-type"] = "application/json";
    }
    const res = await fetch(url + route, { method, headers, body });
    const contentType = res.headers.get("content-type") ?? "";
    const text = await res.text();
    return { status: res.status, headers: res.headers, contentType, body: (text && contentType.includes("json") ? JSON.parse(text) : text) as T };
  }

  return {
    graph,
    app,
    url,
    keys,
    keyIds,
    call,
    get: (route, as) => call("GET", route, { as }),
    close: async () => {
      await closeServer(server);
      await app.shutdown();
      await graph.close();
    },
  };
}

/** Asserts that a reply is an RFC 9457 problem with this status; returns it. */
export function isProblem(reply: Reply, status: number): boolean {
  return reply.status === status && reply.contentType.startsWith("application/problem+json") && reply.body?.status === status;
}
