// The bundle-wide id registry: where each id is defined, what kind it names, and whether its row is
// still valid. Rows that reference other rows are settled here, rejections spreading to referrers.
import { ENTITY_KINDS, type Kind } from "./files.ts";

export const VALID = 0;
export const INVALID = 1;
export const REJECTED = 2;

export interface IdPlace {
  source: number;
  line: number;
  kind: Kind;
}

/** A copy of `s` that does not keep alive the chunk of text it was sliced from. */
export function own(s: string): string {
  return s.length > 12 ? (" " + s).slice(1) : s;
}

export const ARTICLE: Record<Kind, string> = {
  region: "a region",
  person: "a person",
  household: "a household",
  company: "a company",
  account: "an account",
  project: "a project",
  program: "a program",
  grant: "a grant",
  transfer: "a transfer",
  tip: "a tip",
  case: "a case",
};

/** A reference column of some file: its name and the kinds it may name. */
export interface RefColumn {
  column: string;
  to: readonly Kind[];
}

export class IdRegistry {
  private readonly slots = new Map<string, number>();
  private readonly source: number[] = [];
  private readonly line: number[] = [];
  private readonly kind: Kind[] = [];
  private readonly state: number[] = [];
  /** Deferred references, as parallel arrays: referring slot, reference column, target id. */
  private refFrom: number[] = [];
  private refColumn: number[] = [];
  private refTarget: string[] = [];
  private readonly columns: RefColumn[] = [];
  private readonly columnIds = new Map<RefColumn, number>();

  /** `describe(source, line)` names a row in messages, e.g. `persons.csv:12`. */
  constructor(private readonly describe: (source: number, line: number) => string) {}

  get size(): number {
    return this.source.length;
  }

  place(slot: number): IdPlace {
    return { source: this.source[slot] ?? -1, line: this.line[slot] ?? 0, kind: this.kind[slot] ?? "person" };
  }

  /** Registers an id; returns its new slot, or the place of the row that already holds it. */
  add(id: string, kind: Kind, source: number, line: number, state: number): number | IdPlace {
    const existing = this.slots.get(id);
    if (existing !== undefined) return this.place(existing);
    const slot = this.source.length;
    this.slots.set(own(id), slot);
    this.source.push(source);
    this.line.push(line);
    this.kind.push(kind);
    this.state.push(state);
    return slot;
  }

  /** Marks a registered row as rejected (before `settle`, which spreads the rejection). */
  invalidate(slot: number): void {
    this.state[slot] = INVALID;
  }

  /** Notes a reference to check once every referenced file has been read. */
  defer(slot: number, ref: RefColumn, target: string): void {
    let column = this.columnIds.get(ref);
    if (column === undefined) {
      column = this.columns.length;
      this.columns.push(ref);
      this.columnIds.set(ref, column);
    }
    this.refFrom.push(slot);
    this.refColumn.push(column);
    this.refTarget.push(own(target));
  }

  kindOf(id: string): Kind | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.kind[slot];
  }

  isValid(id: string): boolean {
    const slot = this.slots.get(id);
    return slot !== undefined && this.state[slot] === VALID;
  }

  /** Counts the valid rows defined by each source. */
  validBySource(): Map<number, number> {
    const counts = new Map<number, number>();
    for (let slot = 0; slot < this.state.length; slot++) {
      if (this.state[slot] !== VALID) continue;
      const source = this.source[slot] as number;
      counts.set(source, (counts.get(source) ?? 0) + 1);
    }
    return counts;
  }

  /** Why a reference to `target` (which must name one of `allowed`) does not hold, or undefined when it does. */
  problem(target: string, allowed: readonly Kind[]): string | undefined {
    const slot = this.slots.get(target);
    if (slot !== undefined && this.state[slot] === VALID && allowed.includes(this.kind[slot] as Kind)) return undefined;
    const wanted = allowed.length >= ENTITY_KINDS.length ? "entity" : allowed.join(" or ");
    if (slot === undefined) return `no such ${wanted} (${target})`;
    const kind = this.kind[slot] as Kind;
    if (!allowed.includes(kind)) return `${target} is ${ARTICLE[kind]}, not ${allowed.length >= ENTITY_KINDS.length ? "an entity" : allowed.map((k) => ARTICLE[k]).join(" or ")}`;
    return this.rejected(slot, target);
  }

  private rejected(slot: number, target: string): string {
    return `refers to rejected row ${this.describe(this.source[slot] as number, this.line[slot] as number)} (${target})`;
  }

  /**
   * Checks every deferred reference, then rejects, transitively, each row that references a row that
   * is not valid. `report(source, line, column, reason)` receives each reason a row is rejected.
   */
  settle(report: (source: number, line: number, column: string, reason: string) => void): void {
    const n = this.refFrom.length;
    /** Target slot of each reference, or -1 when it does not resolve. */
    const targets = new Int32Array(n);
    const queue: number[] = [];
    const reject = (slot: number, column: string, reason: string) => {
      report(this.source[slot] as number, this.line[slot] as number, column, reason);
      if (this.state[slot] === VALID) {
        this.state[slot] = REJECTED;
        queue.push(slot);
      }
    };
    for (let slot = 0; slot < this.state.length; slot++) if (this.state[slot] !== VALID) queue.push(slot);
    for (let i = 0; i < n; i++) {
      const target = this.refTarget[i] as string;
      const ref = this.columns[this.refColumn[i] as number] as RefColumn;
      const t = this.slots.get(target);
      if (t === undefined || !ref.to.includes(this.kind[t] as Kind)) {
        targets[i] = -1;
        reject(this.refFrom[i] as number, ref.column, this.problem(target, ref.to) as string);
      } else targets[i] = t;
    }
    if (queue.length > 0) {
      // Referrers of each slot, in compressed rows: refs of slot t are order[start[t] .. start[t + 1]).
      const start = new Int32Array(this.state.length + 1);
      for (let i = 0; i < n; i++) if ((targets[i] as number) >= 0) (start[(targets[i] as number) + 1] as number)++;
      for (let t = 0; t < this.state.length; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
      const fill = start.slice(0, this.state.length);
      const order = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const t = targets[i] as number;
        if (t >= 0) order[(fill[t] as number)++] = i;
      }
      while (queue.length > 0) {
        const t = queue.pop() as number;
        for (let k = start[t] as number; k < (start[t + 1] as number); k++) {
          const i = order[k] as number;
          const slot = this.refFrom[i] as number;
          if (this.state[slot] !== VALID) continue;
          const ref = this.columns[this.refColumn[i] as number] as RefColumn;
          reject(slot, ref.column, this.rejected(t, this.refTarget[i] as string));
        }
      }
    }
    this.refFrom = [];
    this.refColumn = [];
    this.refTarget = [];
  }
}
