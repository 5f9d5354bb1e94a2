// Process configuration: parsed once from the environment with zod. The only reader of process.env.
import path from "node:path";
import { z } from "zod";
import { AppError } from "../errors.ts";

const schema = z.object({
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().min(1).default("neo4j"),
  NEO4J_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_LOCAL_HEAP: z.string().regex(/^\d+[mg]$/).default("4g"),
  NEO4J_LOCAL_PAGECACHE: z.string().regex(/^\d+[mg]$/).default("2g"),
  /** Load Neo4j Graph Data Science 2.13 (GPLv3, fetched from Maven Central on first use) into the local server. */
  NEO4J_LOCAL_GDS: z.enum(["0", "1", "false", "true"]).default("0"),
  DATA_DIR: z.string().min(1).default(".data"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEMO_SCALE: z.enum(["small", "county", "province"]).default("county"),
  DEMO_SEED: z.coerce.number().int().default(42),
  CI: z.string().optional(),
  /** Folder under which `POST /api/v1/imports` may read bundles; `<DATA_DIR>/imports` when unset. */
  IMPORT_ROOT: z.string().min(1).optional(),
  /** How long a verified API key is trusted without asking Neo4j again (a revocation through the API is immediate). */
  API_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Folder of the audit trail (audit.jsonl and its head file audit.head); `<DATA_DIR>/audit` when unset. */
  AUDIT_DIR: z.string().min(1).optional(),
  /** Folder of the identifier vault (its HMAC key and the clear identifiers); `<DATA_DIR>/vault` when unset. */
  VAULT_DIR: z.string().min(1).optional(),
  /** Most audit records made durable by one flush (group commit). */
  AUDIT_BATCH: z.coerce.number().int().min(1).max(10_000).default(256),
  /** Largest file accepted by a bundle upload (PUT /api/v1/imports/uploads/...), in MiB. */
  IMPORT_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(512),
  /** `production` enforces the start rules: TLS or a trusted proxy, and API keys made beforehand. */
  NODE_ENV: z.string().optional(),
  /** PEM files: when both are set the API serves HTTPS itself. */
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  /** Express "trust proxy": the proxy (address, subnet, "loopback") whose X-Forwarded-* headers are believed. */
  TRUST_PROXY: z.string().min(1).optional(),
  /** How long a browser session lasts from login. */
  SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  /** Origins (comma-separated) whose pages may call the API from a browser; none: CORS closed. */
  CORS_ORIGINS: z.string().optional(),
  /** Requests per second per API key on average, and the burst allowed above it (429 beyond). */
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().max(100_000).default(100),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).default(200),
  /** A request that has not begun its answer within this time gets 503. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** Timeout of every Neo4j transaction the API runs (saved queries and paths have their own, shorter). */
  NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(20_000),
  /** Searches by a full identifier a key without clearance may make in a minute (429 beyond). */
  IDENTIFIER_SEARCHES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Time limit of one saved-query run or export (a query that needs more is cut off with 503). */
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  /** How often the API checks whether its in-memory risk view is current (0: no view, every risk answer from Neo4j). */
  RISK_REFRESH_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
}).superRefine((e, ctx) => {
  // The local server's password is generated; an external server's has to be given.
  if (e.NEO4J_URI && !e.NEO4J_PASSWORD) ctx.addIssue({ code: "custom", path: ["NEO4J_PASSWORD"], message: "required when NEO4J_URI is set" });
});

export interface Config {
  /** Set when an external Neo4j is configured; unset means the local launcher is used. */
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string | undefined;
  neo4jDatabase: string;
  /** The external server's connection, exactly when NEO4J_URI is set (its password is then required). */
  external: { uri: string; user: string; password: string; database: string } | undefined;
  local: { port: number; heap: string; pagecache: string; gds: boolean };
  dataDir: string;
  /** The identifier vault's folder (services/store/vault.ts): the key and the clear identifiers, never the graph. */
  vaultDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  demo: { scale: "small" | "county" | "province"; seed: number };
  ci: boolean;
  /** Settings of the HTTP API. */
  api: ApiConfig;
  production: boolean;
  tls: { certFile: string; keyFile: string } | undefined;
}

export interface ApiConfig {
  /** Absolute folder holding server-side bundles and uploads for the imports endpoint. */
  importRoot: string;
  importUploadMaxBytes: number;
  keyCacheMs: number;
  /** Folder of the service's own records (keys, sessions, saved queries, runs): never the graph. */
  serviceDir: string;
  /** The identifier vault's folder (the same as Config.vaultDir). */
  vaultDir: string;
  /** How often the in-memory risk view checks the data's generation, in ms; 0 = no view. */
  riskRefreshMs: number;
  audit: { dir: string; batchSize: number };
  corsOrigins: string[];
  /** Express "trust proxy" (loopback unless TRUST_PROXY says otherwise); `configured` when set explicitly. */
  trustProxy: { value: string; configured: boolean };
  sessionMs: number;
  rateLimit: { perSecond: number; burst: number };
  requestTimeoutMs: number;
  txTimeoutMs: number;
  queryTimeoutMs: number;
  /** The bucket of searches by a full identifier from roles without clearance, per key. */
  identifierSearches: { perSecond: number; burst: number };
}

export class ConfigError extends AppError {
  override name = "ConfigError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("invalid", message, options);
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid environment: ${where}`);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) throw new ConfigError("invalid environment: TLS_CERT_FILE and TLS_KEY_FILE go together");
  if (e.NODE_ENV === "production" && !e.TLS_CERT_FILE && !e.TRUST_PROXY) {
    throw new ConfigError(
      "NODE_ENV=production refuses to start without TLS: set TLS_CERT_FILE and TLS_KEY_FILE, or TRUST_PROXY to the proxy that terminates TLS in front of it",
    );
  }
  return {
    neo4jUri: e.NEO4J_URI,
    neo4jUser: e.NEO4J_USER,
    neo4jPassword: e.NEO4J_PASSWORD,
    neo4jDatabase: e.NEO4J_DATABASE,
    external: e.NEO4J_URI && e.NEO4J_PASSWORD ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE } : undefined,
    local: { port: e.NEO4J_LOCAL_PORT, heap: e.NEO4J_LOCAL_HEAP, pagecache: e.NEO4J_LOCAL_PAGECACHE, gds: e.NEO4J_LOCAL_GDS === "1" || e.NEO4J_LOCAL_GDS === "true" },
    dataDir: path.resolve(e.DATA_DIR),
    vaultDir: path.resolve(e.VAULT_DIR ?? path.join(e.DATA_DIR, "vault")),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    demo: { scale: e.DEMO_SCALE, seed: e.DEMO_SEED },
    production: e.NODE_ENV === "production",
    tls: e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: path.resolve(e.TLS_CERT_FILE), keyFile: path.resolve(e.TLS_KEY_FILE) } : undefined,
    ci: Boolean(e.CI),
    api: {
      importRoot: path.resolve(e.IMPORT_ROOT ?? path.join(e.DATA_DIR, "imports")),
      importUploadMaxBytes: e.IMPORT_UPLOAD_MAX_MB * 1024 * 1024,
      keyCacheMs: e.API_KEY_CACHE_SECONDS * 1000,
      serviceDir: path.resolve(e.DATA_DIR, "service"),
      vaultDir: path.resolve(e.VAULT_DIR ?? path.join(e.DATA_DIR, "vault")),
      riskRefreshMs: e.RISK_REFRESH_MS,
      audit: { dir: path.resolve(e.AUDIT_DIR ?? path.join(e.DATA_DIR, "audit")), batchSize: e.AUDIT_BATCH },
      corsOrigins: (e.CORS_ORIGINS ?? "").split(",").map((o) => o.trim()).filter((o) => o.length > 0),
      trustProxy: { value: e.TRUST_PROXY ?? "loopback", configured: e.TRUST_PROXY !== undefined },
      sessionMs: Math.round(e.SESSION_HOURS * 3_600_000),
      rateLimit: { perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST },
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      txTimeoutMs: e.NEO4J_TX_TIMEOUT_MS,
      queryTimeoutMs: e.QUERY_TIMEOUT_MS,
      identifierSearches: { perSecond: e.IDENTIFIER_SEARCHES_PER_MINUTE / 60, burst: e.IDENTIFIER_SEARCHES_PER_MINUTE },
    },
  };
}

let cached: Config | undefined;

/** The configuration of this process, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
