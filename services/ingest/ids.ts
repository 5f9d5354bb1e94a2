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

export class IdRegistry {
  private readonly slots = new Map<string, number>();
  private readonly source: number[] = [];
  private readonly line: number[] = [];
  private readonly kind: Kind[] = [];
  private readonly state: number[] = [];
  /** Deferred references per slot: [column, target, column, target, ...]. */
  private readonly refs: (string[] | undefined)[] = [];

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
    this.refs.push(undefined);
    return slot;
  }

  /** Marks a registered row as rejected (before `settle`, which spreads the rejection). */
  invalidate(slot: number): void {
    this.state[slot] = INVALID;
  }

  /** Notes a reference to check once every referenced file has been read. */
  defer(slot: number, column: string, target: string): void {
    let list = this.refs[slot];
    if (!list) this.refs[slot] = list = [];
    list.push(column, own(target));
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
    const wanted = allowed.length >= ENTITY_KINDS.length ? "entity" : allowed.join(" or ");
    if (slot === undefined) return `no such ${wanted} (${target})`;
    const kind = this.kind[slot] as Kind;
    if (!allowed.includes(kind)) return `${target} is ${ARTICLE[kind]}, not ${allowed.length >= ENTITY_KINDS.length ? "an entity" : allowed.map((k) => ARTICLE[k]).join(" or ")}`;
    if (this.state[slot] !== VALID) return this.rejected(slot, target);
    return undefined;
  }

  private rejected(slot: number, target: string): string {
    return `refers to rejected row ${this.describe(this.source[slot] as number, this.line[slot] as number)} (${target})`;
  }

  /**
   * Checks every deferred reference, then rejects, transitively, each row that references a row that
   * is not valid. `report(source, line, column, reason)` receives each reason a row is rejected.
   */
  settle(kindsOf: (source: number, column: string) => readonly Kind[], report: (source: number, line: number, column: string, reason: string) => void): void {
    const dependents = new Map<number, string[]>();
    const referrers: number[][] = [];
    const queue: number[] = [];
    const reject = (slot: number, column: string, reason: string) => {
      report(this.source[slot] as number, this.line[slot] as number, column, reason);
      if (this.state[slot] === VALID) {
        this.state[slot] = REJECTED;
        queue.push(slot);
      }
    };
    for (let slot = 0; slot < this.state.length; slot++) if (this.state[slot] !== VALID) queue.push(slot);
    for (let slot = 0; slot < this.refs.length; slot++) {
      const list = this.refs[slot];
      if (list === undefined) continue;
      this.refs[slot] = undefined;
      for (let i = 0; i < list.length; i += 2) {
        const column = list[i] as string;
        const target = list[i + 1] as string;
        const t = this.slots.get(target);
        const allowed = kindsOf(this.source[slot] as number, column);
        if (t === undefined || !allowed.includes(this.kind[t] as Kind)) {
          reject(slot, column, this.problem(target, allowed) as string);
          continue;
        }
        let deps = dependents.get(t);
        if (!deps) dependents.set(t, (deps = []));
        deps.push(column, target);
        (referrers[t] ??= []).push(slot);
      }
    }
    while (queue.length > 0) {
      const t = queue.pop() as number;
      const deps = dependents.get(t);
      const from = referrers[t];
      if (!deps || !from) continue;
      for (let i = 0; i < from.length; i++) {
        const slot = from[i] as number;
        if (this.state[slot] !== VALID) continue;
        reject(slot, deps[2 * i] as string, this.rejected(t, deps[2 * i + 1] as string));
      }
    }
  }
}
