// The graph client: one driver per process, sessions closed in finally, database always named.
import neo4j from "neo4j-driver";
import type { Driver, ManagedTransaction, Session } from "neo4j-driver";
import { toPlain } from "./convert.ts";
import { cypher } from "./cypher.ts";
import { GraphUnavailableError } from "./errors.ts";

export interface Connection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Update counters of write statements, summed. */
export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
}

export interface Statement {
  query: string;
  params?: Params;
}

export interface RunOptions {
  /** Transaction timeout in milliseconds. */
  timeoutMs?: number;
  /** Attached to the transaction and visible in `SHOW TRANSACTIONS`. */
  metadata?: Record<string, unknown>;
}

export class Graph {
  readonly database: string;
  readonly uri: string;

  private constructor(
    private readonly driver: Driver,
    private readonly connection: Connection,
    /** Applied to every transaction that does not set its own (a timeout for the API's reads and writes). */
    private readonly defaults: RunOptions = {},
  ) {
    this.database = connection.database;
    this.uri = connection.uri;
  }

  /**
   * The same connection with default transaction options (e.g. `{timeoutMs}` for everything the API
   * asks); closing it closes the shared driver, so only the owner of the original closes.
   */
  withDefaults(defaults: RunOptions): Graph {
    return new Graph(this.driver, this.connection, { ...this.defaults, ...defaults });
  }

  /** Connects and verifies that the server answers; throws GraphUnavailableError otherwise. */
  static async connect(connection: Connection): Promise<Graph> {
    const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      disableLosslessIntegers: false,
      maxConnectionPoolSize: 20,
      connectionAcquisitionTimeout: 30_000,
      userAgent: "county-graph/0.1",
    });
    try {
      await driver.verifyConnectivity({ database: connection.database });
    } catch (error) {
      await driver.close();
      throw new GraphUnavailableError(`cannot reach Neo4j at ${connection.uri}: ${(error as Error).message}`, { cause: error });
    }
    return new Graph(driver, connection);
  }

  /** Runs a read query and returns plain rows. */
  async read<T extends Row = Row>(query: string, params: Params = {}, options: RunOptions = {}): Promise<T[]> {
    return this.withSession("READ", (s) => s.executeRead((tx) => collect<T>(tx, query, params), this.txConfig(options)));
  }

  /** Runs a write query in its own transaction (retried on transient errors) and returns plain rows. */
  async write<T extends Row = Row>(query: string, params: Params = {}, options: RunOptions = {}): Promise<T[]> {
    return this.withSession("WRITE", (s) => s.executeWrite((tx) => collect<T>(tx, query, params), this.txConfig(options)));
  }

  /** Runs several statements in one write transaction: all of them or none. */
  async writeAll(work: (run: (query: string, params?: Params) => Promise<Row[]>) => Promise<void>, options: RunOptions = {}): Promise<void> {
    await this.withSession("WRITE", (s) =>
      s.executeWrite((tx) => work((query, params = {}) => collect(tx, query, params)), this.txConfig(options)),
    );
  }

  /** Runs statements in one write transaction (retried as a whole on transient errors) and sums their update counters. */
  async writeCounted(statements: Statement[], options: RunOptions = {}): Promise<WriteCounters> {
    return this.withSession("WRITE", (s) =>
      s.executeWrite(async (tx) => {
        const total = emptyCounters();
        for (const { query, params = {} } of statements) addCounters(total, (await tx.run(query, params)).summary.counters.updates());
        return total;
      }, this.txConfig(options)),
    );
  }

  /** Runs a statement outside an explicit transaction (needed for schema and CALL … IN TRANSACTIONS). */
  async autoCommit<T extends Row = Row>(query: string, params: Params = {}, options: RunOptions = {}): Promise<T[]> {
    return this.withSession("WRITE", async (s) => {
      const result = await s.run(query, params, this.txConfig(options));
      return result.records.map((r) => toPlain(r.toObject()) as T);
    });
  }

  /** Opens a session on the named database and always closes it. */
  async withSession<T>(mode: "READ" | "WRITE", work: (session: Session) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await work(session);
    } catch (error) {
      // The server is away (killed, restarting, unreachable): callers answer 503, not 500.
      const code = (error as { code?: unknown }).code;
      if (code === "ServiceUnavailable" || code === "SessionExpired") throw new GraphUnavailableError(`Neo4j is unavailable: ${(error as Error).message}`, { cause: error });
      throw error;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.read(cypher("admin/ping.cypher"));
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private txConfig(options: RunOptions) {
    return { timeout: options.timeoutMs ?? this.defaults.timeoutMs, metadata: options.metadata ?? this.defaults.metadata };
  }
}

async function collect<T>(tx: ManagedTransaction, query: string, params: Params): Promise<T[]> {
  const result = await tx.run(query, params);
  return result.records.map((r) => toPlain(r.toObject()) as T);
}

export function emptyCounters(): WriteCounters {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0 };
}

/** Adds counters (a driver `counters.updates()` object or another total) into `total`. */
export function addCounters(total: WriteCounters, more: Partial<Record<keyof WriteCounters, number>>): WriteCounters {
  for (const key of Object.keys(total) as (keyof WriteCounters)[]) total[key] += more[key] ?? 0;
  return total;
}
