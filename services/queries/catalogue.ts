// The query catalogue: the built-in queries of cypher/saved/*.cypher, parsed and EXPLAIN-checked at
// start-up (a bad built-in stops the service), and analysts' queries from the store, checked the
// same way when saved. Built-in names cannot be taken by saved queries.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CYPHER_DIR, type Graph } from "../graph/index.ts";
import type { ServiceStore } from "../store/index.ts";
import { parseQuery, type QueryDefinition, QueryDefinitionError, type QueryHeader } from "./definition.ts";
import { assertReadOnly, QueryRefusedError } from "./safety.ts";
import { SavedQueryStore, type StoredQuery, type StoredVersion } from "./store.ts";
import { AppError } from "../errors.ts";

export const SAVED_DIR = path.join(CYPHER_DIR, "saved");

export class QueryNotFoundError extends AppError {
  override name = "QueryNotFoundError";
  constructor(readonly queryName: string) {
    super("not_found", `no saved query ${queryName}`);
  }
}

/** A save or delete aimed at a built-in query. */
export class BuiltinQueryError extends AppError {
  override name = "BuiltinQueryError";
  constructor(readonly queryName: string) {
    super("conflict", `${queryName} is a built-in query (cypher/saved/${queryName}.cypher) and cannot be overwritten or deleted; save under another name`);
  }
}

/** The save started from an older version than the current one. */
export class VersionConflictError extends AppError {
  override name = "VersionConflictError";
  constructor(
    readonly queryName: string,
    readonly baseVersion: number,
  ) {
    super("conflict", baseVersion === 0 ? `a query named ${queryName} exists already` : `${queryName} changed since version ${baseVersion}: reload it and save again`);
  }
}

/** Built-in queries that failed validation at start-up. */
export class CatalogueError extends AppError {
  override name = "CatalogueError";
  constructor(readonly failures: Error[]) {
    super("internal", `invalid built-in queries:\n${failures.map((f) => `  ${f.message}`).join("\n")}`);
  }
}

/** Parses every cypher/saved/*.cypher (header, parameters, static safety). Throws CatalogueError. */
export function loadBuiltins(dir = SAVED_DIR): QueryDefinition[] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cypher")).sort();
  const out: QueryDefinition[] = [];
  const failures: Error[] = [];
  for (const f of files) {
    try {
      out.push(parseQuery(readFileSync(path.join(dir, f), "utf8"), `cypher/saved/${f}`, { expectedName: f.replace(/\.cypher$/, ""), source: "builtin" }));
    } catch (error) {
      failures.push(error as Error);
    }
  }
  if (failures.length > 0) throw new CatalogueError(failures);
  return out;
}

function fromStored(row: StoredQuery): QueryDefinition {
  const def = parseQuery(row.text, `saved:${row.name}@${row.version}`, { expectedName: row.name, source: "saved" });
  return { ...def, version: row.version, author: row.versionAuthor ?? row.author ?? undefined, updatedAt: row.at ?? undefined };
}

export interface SaveOptions {
  author: string;
  authorName?: string | null;
  comment?: string | null;
  baseVersion?: number | null;
  /** May publish a version of, or delete, a query someone else wrote (admins). */
  override?: boolean;
}

export class QueryCatalogue {
  private readonly builtins: Map<string, QueryDefinition>;

  private constructor(
    private readonly graph: Graph,
    readonly store: SavedQueryStore,
    builtins: QueryDefinition[],
  ) {
    this.builtins = new Map(builtins.map((d) => [d.name, d]));
  }

  /**
   * Loads the built-ins and EXPLAINs every one against the database (refusing the start if any is
   * not read-only or does not compile). The store's constraints come with the schema migration.
   */
  static async open(graph: Graph, store: ServiceStore, options: { dir?: string; verify?: boolean } = {}): Promise<QueryCatalogue> {
    const builtins = loadBuiltins(options.dir);
    if (options.verify ?? true) {
      const failures: Error[] = [];
      const queue = [...builtins];
      const worker = async () => {
        for (let def = queue.shift(); def; def = queue.shift()) {
          try {
            await assertReadOnly(graph, def.cypher, { firstLine: def.cypherLine, where: `cypher/saved/${def.name}.cypher`, fresh: true });
          } catch (error) {
            if (error instanceof QueryRefusedError) failures.push(error);
            else throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(2, builtins.length) }, worker));
      if (failures.length > 0) throw new CatalogueError(failures);
    }
    return new QueryCatalogue(graph, new SavedQueryStore(store), builtins);
  }

  isBuiltin(name: string): boolean {
    return this.builtins.has(name);
  }

  builtinList(): QueryDefinition[] {
    return [...this.builtins.values()];
  }

  /** Built-ins first, then analysts' queries (current versions, not deleted), each by name. */
  async list(): Promise<QueryDefinition[]> {
    const saved: QueryDefinition[] = [];
    for (const row of await this.store.list()) {
      if (this.builtins.has(row.name)) continue;
      try {
        saved.push(fromStored(row));
      } catch {
        // A stored text that no longer validates (rules tightened) is left out of the list.
      }
    }
    return [...this.builtinList(), ...saved.sort((a, b) => a.name.localeCompare(b.name))];
  }

  /** The query (a given version of a saved one), or undefined. Deleted queries are gone unless a version is asked. */
  async get(name: string, version?: number): Promise<QueryDefinition | undefined> {
    const builtin = this.builtins.get(name);
    if (builtin) return version === undefined || version === 1 ? builtin : undefined;
    const row = await this.store.get(name, version);
    if (!row || (row.deleted && version === undefined)) return undefined;
    return fromStored(row);
  }

  async require(name: string, version?: number): Promise<QueryDefinition> {
    const def = await this.get(name, version);
    if (!def) throw new QueryNotFoundError(version === undefined ? name : `${name} version ${version}`);
    return def;
  }

  /**
   * Validates `text` as the next version of `name` (header, parameters, static check, EXPLAIN) and
   * stores it. Throws QueryDefinitionError, QueryRefusedError, BuiltinQueryError, VersionConflictError
   * or QueryOwnershipError (someone else's query, without `override`).
   */
  async save(name: string, text: string, options: SaveOptions): Promise<{ definition: QueryDefinition; created: boolean }> {
    if (this.builtins.has(name)) throw new BuiltinQueryError(name);
    const def = parseQuery(text, name, { expectedName: name, source: "saved" });
    await assertReadOnly(this.graph, def.cypher, { firstLine: def.cypherLine, where: `query ${name}`, fresh: true });
    const header: QueryHeader = {
      name: def.name,
      title: def.title,
      title_zh: def.title_zh,
      description: def.description,
      schemes: def.schemes,
      graph: def.graph,
      parameters: def.parameters,
    };
    const saved = await this.store.save({
      name,
      text,
      header: JSON.stringify(header),
      title: def.title,
      author: options.author,
      authorName: options.authorName ?? null,
      comment: options.comment ?? null,
      baseVersion: options.baseVersion ?? null,
      override: options.override ?? false,
    });
    if (!saved) throw new VersionConflictError(name, options.baseVersion ?? 0);
    return { definition: { ...def, version: saved.version, author: options.author, updatedAt: saved.at }, created: saved.version === 1 };
  }

  /** Marks a saved query deleted (its versions stay). */
  async delete(name: string, by: string, override = false): Promise<{ name: string; version: number; deletedAt: string }> {
    if (this.builtins.has(name)) throw new BuiltinQueryError(name);
    const row = await this.store.delete(name, by, override);
    if (!row) throw new QueryNotFoundError(name);
    return row;
  }

  /** Every version of a query, newest first (a built-in has one: its file). */
  async versions(name: string): Promise<StoredVersion[]> {
    const builtin = this.builtins.get(name);
    if (builtin) return [{ version: 1, author: "built-in", authorName: null, at: "", comment: `cypher/saved/${name}.cypher`, text: builtin.text, current: true }];
    const list = await this.store.versions(name);
    if (list.length === 0) throw new QueryNotFoundError(name);
    return list;
  }
}

export { QueryDefinitionError };
