// The one module of the pages that talks to the API: every request goes through `request`, which
// adds the credentials, reads problem documents (RFC 9457) into ApiError, and is typed by the
// routes of ui/shared/api-types.ts (generated from /api/openapi.json). Today the credential is an
// API key kept for the tab (sessionStorage); moving to a session cookie changes this file only.
import type * as T from "./api-types.ts";

export type * from "./api-types.ts";

type Routes = T.Routes;
type RouteKey = keyof Routes;

/** A problem document as the API sends it, with the extras some routes add. */
export interface ProblemBody {
  status?: number;
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  refusals?: { rule: string; message: string; line?: number; column?: number }[];
}

export class ApiError extends Error {
  override name = "ApiError";
  constructor(readonly problem: ProblemBody) {
    super(`${problem.status ?? ""} ${problem.title ?? ""}: ${problem.detail ?? ""}`.trim());
  }
  get status(): number | undefined {
    return this.problem.status;
  }
  /** The title, the detail and each field error or refusal, one per line. */
  describe(): string {
    const extra = [...(this.problem.errors ?? []).map((e) => `${e.field}: ${e.message}`), ...(this.problem.refusals ?? []).map((r) => r.message)];
    return [this.message, ...extra].join("\n");
  }
}

const KEY_STORE = "apiKey";

/** The credential of this tab. */
export const credentials = {
  get(): string {
    return sessionStorage.getItem(KEY_STORE) ?? "";
  },
  set(key: string): void {
    sessionStorage.setItem(KEY_STORE, key.trim());
  },
  clear(): void {
    sessionStorage.removeItem(KEY_STORE);
  },
  present(): boolean {
    return this.get() !== "";
  },
};

type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined | null>;

interface RequestOptions {
  path?: Record<string, string | number>;
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

function urlOf(route: string, o: RequestOptions): string {
  let url = route.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const v = o.path?.[name];
    if (v === undefined) throw new Error(`${route}: path parameter ${name} missing`);
    return encodeURIComponent(String(v));
  });
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(o.query ?? {})) {
    if (v === undefined || v === null || v === "") continue;
    params.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  const qs = params.toString();
  if (qs) url += `?${qs}`;
  return url;
}

async function problemOf(res: Response): Promise<ProblemBody> {
  try {
    return { status: res.status, ...((await res.json()) as ProblemBody) };
  } catch {
    return { status: res.status, title: res.statusText };
  }
}

/** Sends one request; throws ApiError for a problem answer and for a failed connection (status 0). */
async function send(method: string, url: string, o: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${credentials.get()}` };
  if (o.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body), signal: o.signal });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError({ status: 0, title: "Network error", detail: (error as Error).message });
  }
  if (!res.ok) throw new ApiError(await problemOf(res));
  return res;
}

/** A typed JSON request: `request("GET /api/v1/entities/{id}", { path: { id } })`. */
export async function request<K extends RouteKey>(route: K, o: RequestOptions = {}): Promise<Routes[K]["response"]> {
  const [method, path] = (route as string).split(" ") as [string, string];
  const res = await send(method, urlOf(path, o), o);
  return (await res.json()) as Routes[K]["response"];
}

/** A request whose answer is a file (CSV export). */
export async function download(route: "POST /api/v1/queries/{name}/export.csv", o: RequestOptions): Promise<Blob> {
  const [method, path] = route.split(" ") as [string, string];
  return (await send(method, urlOf(path, o), o)).blob();
}

export type Node = T.GraphNode;
export type Edge = T.GraphEdge;
export type RelType = NonNullable<Routes["GET /api/v1/entities/{id}/neighbourhood"]["query"]["types"]>[number];
export type TriageStatus = Routes["POST /api/v1/alerts/{id}/triage"]["body"]["status"];
export type RankingQuery = Routes["GET /api/v1/risk/ranking"]["query"];
export type AlertsQuery = Routes["GET /api/v1/alerts"]["query"];
export type QuerySummary = T.SavedQuerySummary;
export type QueryParameter = T.QueryParameter;
export type QueryRun = T.QueryRunResult;
export type Me = Routes["GET /api/v1/keys/me"]["response"];

/** The calls the pages make, by what they do. */
export const api = {
  me: () => request("GET /api/v1/keys/me"),
  search: (q: string, o: { type?: string; limit?: number } = {}, signal?: AbortSignal) =>
    request("GET /api/v1/entities", { query: { q, type: o.type, limit: o.limit }, signal }),
  entity: (id: string) => request("GET /api/v1/entities/{id}", { path: { id } }),
  neighbourhood: (id: string, o: { depth?: number; types?: readonly RelType[]; limit?: number; perNode?: number; offset?: number } = {}) =>
    request("GET /api/v1/entities/{id}/neighbourhood", { path: { id }, query: o }),
  subgraph: (ids: readonly string[]) => request("POST /api/v1/subgraph", { body: { ids } }),
  schema: () => request("GET /api/v1/schema"),
  risk: (id: string) => request("GET /api/v1/entities/{id}/risk", { path: { id } }),
  ranking: (o: RankingQuery & { cursor?: string }) => request("GET /api/v1/risk/ranking", { query: o as Query }),
  paths: (from: string, to: string, o: { maxHops?: number; all?: boolean } = {}) =>
    request("GET /api/v1/paths", { query: { from, to, maxHops: o.maxHops, all: o.all } }),
  communities: (o: { minScore?: number; limit?: number; cursor?: string } = {}) => request("GET /api/v1/communities", { query: o }),
  community: (id: string | number) => request("GET /api/v1/communities/{id}", { path: { id: String(id) } }),
  alerts: (o: AlertsQuery & { cursor?: string }) => request("GET /api/v1/alerts", { query: o as Query }),
  alert: (id: string) => request("GET /api/v1/alerts/{id}", { path: { id } }),
  triage: (id: string, status: TriageStatus, note?: string) =>
    request("POST /api/v1/alerts/{id}/triage", { path: { id }, body: note ? { status, note } : { status } }),
  queries: () => request("GET /api/v1/queries"),
  query: (name: string) => request("GET /api/v1/queries/{name}", { path: { name } }),
  queryVersions: (name: string) => request("GET /api/v1/queries/{name}/versions", { path: { name } }),
  runQuery: (name: string, params: Record<string, unknown>, signal?: AbortSignal) =>
    request("POST /api/v1/queries/{name}/run", { path: { name }, body: { params }, signal }),
  exportQuery: (name: string, params: Record<string, unknown>) => download("POST /api/v1/queries/{name}/export.csv", { path: { name }, body: { params } }),
  saveQuery: (name: string, body: { text: string; baseVersion: number; comment?: string }) => request("PUT /api/v1/queries/{name}", { path: { name }, body }),
  deleteQuery: (name: string) => request("DELETE /api/v1/queries/{name}", { path: { name } }),
};
