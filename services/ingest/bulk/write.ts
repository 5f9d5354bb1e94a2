// Writes valid bundle rows as the offline importer's input: one CSV per node label group and per
// relationship type, nodes numbered densely (the importer's `actual` ids, so it keeps no id map),
// relationships merged the way the online loader's MERGE merges them (see model.ts), and the
// importer's arguments naming the files. Rows come straight from validation (ImporterWriter.add) or
// from its spill files (writeImporterFiles).
import { rename, rm, mkdir } from "node:fs/promises";
import path from "node:path";
import { readCsvBatches } from "../csv.ts";
import type { ImportProgress } from "../report.ts";
import type { FileName } from "../schemas/index.ts";
import { readSpill } from "../spill.ts";
import type { Validation } from "../validate.ts";
import { ImporterCsv, type Cell } from "./csv-file.ts";
import { EMIT, NODES, RELS, type Emitter, type NodeTable, type RelTable } from "./model.ts";
import { PairKeys } from "./pairs.ts";

export interface ImporterFiles {
  /** Arguments of `neo4j-admin database import full` after the command words. */
  args: string[];
  nodes: number;
  relationships: number;
  /** Node rows per node file and relationship rows per type. */
  tables: Record<string, number>;
  /** Bundle rows written. */
  rows: number;
}

type Row = Record<string, unknown>;

const NO_CELLS: readonly Cell[] = [];

/** What is known of a numbered entity: only referenced so far, defined by its row, or named as an account. */
const REFERENCED = 0;
const DEFINED = 1;
const ACCOUNT = 2;

/** A copy of `s` that does not keep alive the chunk of text it was sliced from (as kept keys are). */
function own(s: string): string {
  return s.length > 12 ? (" " + s).slice(1) : s;
}

/** Numbers nodes and writes the rows the emitters make; one instance per bundle and folder. */
export class ImporterWriter implements Emitter {
  private readonly ids = new Map<string, number>();
  private readonly phones = new Map<string, number>();
  private readonly addresses = new Map<string, number>();
  /** Per node number: REFERENCED, DEFINED or ACCOUNT (phones and addresses are DEFINED). */
  private state = new Uint8Array(1 << 16);
  private readonly nodeFiles = new Map<NodeTable, ImporterCsv>();
  private readonly relFiles = new Map<RelTable, ImporterCsv>();
  private readonly keys = new Map<RelTable, PairKeys>();
  /** Per `key`-merged type: row of the file → the properties of a later row with the same key. */
  private readonly overrides = new Map<RelTable, Map<number, readonly Cell[]>>();
  private waits: Promise<void>[] = [];
  private next = 0;
  rows = 0;

  private constructor(readonly dir: string) {}

  /** A writer into `dir`, emptied first. */
  static async create(dir: string): Promise<ImporterWriter> {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    return new ImporterWriter(dir);
  }

  /** Writes one valid row of a bundle file; the promise, when there is one, is back-pressure. */
  add(file: FileName, row: Row): Promise<void> | undefined {
    EMIT[file](row, this);
    this.rows++;
    if (this.waits.length === 0) return undefined;
    const waits = this.waits;
    this.waits = [];
    return Promise.all(waits).then(() => undefined);
  }

  private number(state: number): number {
    const n = this.next++;
    if (n >= this.state.length) {
      const grown = new Uint8Array(this.state.length * 2);
      grown.set(this.state);
      this.state = grown;
    }
    this.state[n] = state;
    return n;
  }

  entity(id: string): number {
    let n = this.ids.get(id);
    if (n === undefined) this.ids.set(own(id), (n = this.number(REFERENCED)));
    return n;
  }

  account(id: string): number {
    const n = this.entity(id);
    if (this.state[n] === REFERENCED) this.state[n] = ACCOUNT;
    return n;
  }

  phone(value: string): number {
    return this.shared(this.phones, NODES.phones, value);
  }

  address(value: string): number {
    return this.shared(this.addresses, NODES.addresses, value);
  }

  private shared(map: Map<string, number>, table: NodeTable, value: string): number {
    let n = map.get(value);
    if (n === undefined) {
      map.set(own(value), (n = this.number(DEFINED)));
      this.write(this.nodeFile(table), n, value);
    }
    return n;
  }

  node(table: NodeTable, id: string, cells: readonly Cell[]): number {
    let n = this.ids.get(id);
    if (n === undefined) this.ids.set(own(id), (n = this.number(DEFINED)));
    else if (this.state[n] === DEFINED) return n; // a repeated asset row: one node
    else this.state[n] = DEFINED;
    this.write(this.nodeFile(table), n, id, cells);
    return n;
  }

  rel(table: RelTable, start: number, end: number, cells: readonly Cell[] = NO_CELLS): void {
    const file = this.relFile(table);
    const { merge } = table;
    if (merge.by !== "unique") {
      let keys = this.keys.get(table);
      if (!keys) this.keys.set(table, (keys = new PairKeys()));
      const extra = merge.by === "pair" ? "" : merge.columns.length === 1 ? String(cells[merge.columns[0] as number]) : merge.columns.map((c) => String(cells[c])).join("\u0000");
      const first = keys.add(start, end, extra, file.rows);
      if (first >= 0) {
        if (merge.by === "key") {
          let changed = this.overrides.get(table);
          if (!changed) this.overrides.set(table, (changed = new Map()));
          changed.set(first, [start, end, ...cells]);
        }
        return;
      }
    }
    this.write(file, start, end, cells);
  }

  private write(file: ImporterCsv, first: Cell, second: Cell, cells: readonly Cell[] = NO_CELLS): void {
    const wait = file.add(first, second, cells);
    if (wait) this.waits.push(wait);
  }

  private nodeFile(table: NodeTable): ImporterCsv {
    let file = this.nodeFiles.get(table);
    if (!file) this.nodeFiles.set(table, (file = new ImporterCsv(path.join(this.dir, `nodes-${table.name}.csv`), [":ID", ...table.columns])));
    return file;
  }

  private relFile(table: RelTable): ImporterCsv {
    let file = this.relFiles.get(table);
    if (!file) this.relFiles.set(table, (file = new ImporterCsv(path.join(this.dir, `rels-${table.type}.csv`), relHeader(table))));
    return file;
  }

  /**
   * Closes the files: account numbers that no accounts.csv row listed become bare Account nodes,
   * repeated relationship keys take their last row's properties. Returns the importer's arguments.
   */
  async finish(database: string): Promise<ImporterFiles> {
    for (const [id, n] of this.ids) {
      if (this.state[n] === REFERENCED) throw new Error(`bulk import: ${id} is referenced but no valid row defines it (validation should have rejected it)`);
      if (this.state[n] === ACCOUNT) this.write(this.nodeFile(NODES.mentionedAccounts), n, id);
    }
    await this.close();
    for (const [table, changed] of this.overrides) await rewrite(table, this.relFile(table).path, changed);
    const files = [...this.nodeFiles.values(), ...this.relFiles.values()];
    const multiline = files.filter((f) => f.multiline).map((f) => f.path);
    const tables = Object.fromEntries([...[...this.nodeFiles].map(([t, f]) => [t.name, f.rows]), ...[...this.relFiles].map(([t, f]) => [t.type, f.rows])]);
    return {
      args: [
        // The database first: the file options take every following word as a file name.
        database,
        "--id-type=actual",
        // Bad entries would be listed here (there are none: the rows were checked); not in the working directory.
        `--report-file=${path.join(this.dir, "import.report")}`,
        ...[...this.nodeFiles].map(([t, f]) => `--nodes=${t.labels}=${f.path}`),
        ...[...this.relFiles].map(([t, f]) => `--relationships=${t.type}=${f.path}`),
        ...(multiline.length > 0 ? ["--multiline-fields-format=v2", `--multiline-fields=${multiline.join(",")}`] : []),
      ],
      nodes: this.next,
      relationships: [...this.relFiles.values()].reduce((n, f) => n + f.rows, 0),
      tables,
      rows: this.rows,
    };
  }

  /** Closes every file (also after a failure). */
  async close(): Promise<void> {
    await Promise.all(this.waits);
    this.waits = [];
    for (const file of [...this.nodeFiles.values(), ...this.relFiles.values()]) await file.close();
  }
}

function relHeader(table: RelTable): string[] {
  return [":START_ID", ":END_ID", ...table.columns];
}

/** Writes a relationship file again with the later rows' properties in place of the first ones. */
async function rewrite(table: RelTable, file: string, changed: Map<number, readonly Cell[]>): Promise<void> {
  const header = relHeader(table);
  const out = new ImporterCsv(`${file}.tmp`, header);
  let index = 0;
  try {
    for await (const batch of readCsvBatches(file)) {
      for (const record of batch) {
        const cells = changed.get(index++) ?? header.map((column) => record.fields[column]);
        const wait = out.add(cells[0], cells[1], cells.slice(2));
        if (wait) await wait;
      }
    }
  } finally {
    await out.close();
  }
  await rename(out.path, file);
}

export interface ImporterFileOptions {
  database: string;
  onProgress?: (progress: ImportProgress) => void;
}

/** Writes the importer files of a validated bundle from its spill files (its valid rows only). */
export async function writeImporterFiles(validation: Validation, dir: string, options: ImporterFileOptions): Promise<ImporterFiles> {
  const writer = await ImporterWriter.create(dir);
  try {
    for (const source of validation.sources) {
      if (!source.spill || source.valid === 0) continue;
      let done = 0;
      for await (const batch of readSpill(source.spill)) {
        for (const row of validation.keep(source, batch)) {
          const wait = writer.add(source.spec.name, row);
          if (wait) await wait;
          done++;
        }
        options.onProgress?.({ stage: "files", file: source.file, rows: done, totalRows: source.valid });
      }
    }
    return await writer.finish(options.database);
  } catch (error) {
    await writer.close().catch(() => {});
    throw error;
  }
}

export { NODES, RELS };
