// The one module of the pages that talks to the API: every request goes through `request`, which
// reads problem documents (RFC 9457) into ApiError, and is typed by the routes of
// ui/shared/api-types.ts (generated from /api/openapi.json). The pages hold a session, never a key:
// the key typed in is sent once (POST /api/v1/session) and forgotten; the browser keeps the
// httpOnly session cookie, and this module the session's CSRF token (in memory only), sent as
// X-CSRF-Token with every change. After a reload GET /api/v1/session gives the token back. A 401
// tells the pages to show their log-in; a 429 is waited out (Retry-After) and the request sent again.
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

/** Who the session belongs to, as GET and POST /api/v1/session answer. */
export interface SessionInfo {
  keyId: string;
  name: string;
  role: string;
  csrfToken: string;
  expiresAt: string;
}

let csrfToken: string | undefined;
const loggedOutListeners: (() => void)[] = [];

/** The browser session: log in with a key, resume after a reload, log out. */
export const session = {
  /** Sends the key once; on success the cookie is set and the key is not kept anywhere. */
  async logIn(key: string): Promise<SessionInfo> {
    const info = await request("POST /api/v1/session", { body: { key: key.trim() } });
    csrfToken = info.csrfToken;
    return info;
  },
  /** The session the cookie names, or undefined when there is none (or it expired). */
  async resume(): Promise<SessionInfo | undefined> {
    try {
      const info = await request("GET /api/v1/session");
      csrfToken = info.csrfToken;
      return info;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 404)) return undefined;
      throw e;
    }
  },
  async logOut(): Promise<void> {
    try {
      await request("DELETE /api/v1/session");
    } finally {
      csrfToken = undefined;
    }
  },
  /** Whether this page holds a session (a CSRF token). */
  active(): boolean {
    return csrfToken !== undefined;
  },
  /** Called when the API answers 401 to a page holding a session (expired, ended, key revoked). */
  onLoggedOut(listener: () => void): void {
    loggedOutListeners.push(listener);
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

/** Longest wait for a 429's Retry-After before the page is told instead, and how many waits in a row. */
const MAX_RETRY_WAIT_S = 30;
const MAX_RETRIES = 3;

function wait(seconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, seconds * 1000);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new DOMException("aborted", "AbortError"));
    });
  });
}

/** Sends one request; throws ApiError for a problem answer and for a failed connection (status 0). */
async function send(method: string, url: string, o: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {};
  if (o.body !== undefined) headers["content-type"] = "application/json";
  if (csrfToken && method !== "GET") headers["x-csrf-token"] = csrfToken;
  for (let attempt = 0; ; attempt += 1) {
    let res: Response;
    try {
      res = await fetch(url, { method, headers, credentials: "same-origin", body: o.body === undefined ? undefined : JSON.stringify(o.body), signal: o.signal });
    } catch (error) {
      if ((error as Error).name === "AbortError") throw error;
      throw new ApiError({ status: 0, title: "Network error", detail: (error as Error).message });
    }
    if (res.ok) return res;
    // Rate-limited: nothing was done, so the same request may go again once the limit allows.
    const retryAfter = Number(res.headers.get("retry-after"));
    if (res.status === 429 && attempt < MAX_RETRIES && retryAfter > 0 && retryAfter <= MAX_RETRY_WAIT_S) {
      await wait(retryAfter, o.signal);
      continue;
    }
    const problem = await problemOf(res);
    if (res.status === 401 && csrfToken !== undefined && !url.endsWith("/api/v1/session")) {
      csrfToken = undefined;
      for (const listener of loggedOutListeners) listener();
    }
    throw new ApiError(problem);
  }
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
