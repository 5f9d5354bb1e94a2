// The API's in-memory risk view: one immutable picture of the risk answers as of one generation of
// the data (services/api/risk/model.ts decides when it is current). Explanations that an analysis
// run stored are parsed once here, given their flag titles and their alerts' current triage
// status, and kept as JSON text ready to send; the ranking is filtered and paged in memory over
// the scored entities; persons and companies without a score or an alert answer from a directory
// of ids, types and names. Whatever the view does not hold (an entity of another kind, one created
// after the view was built, a score without a stored explanation) is left to Neo4j.
import type { Grade } from "../../analytics/grades.ts";
import { flagTitle } from "../flags.ts";
import type { BatchItem, RankingQuery, RankItem } from "./repository.ts";

/** One scored or explained entity, or a community, as cypher/api/risk-view.cypher returns it. */
export interface ViewEntry {
  id: string;
  /** Communities: the numeric id (the ranking's keyset); others null. */
  key: number | null;
  labels: string[];
  type: string;
  name: string;
  score: number | null;
  amount: number;
  grade: Grade | null;
  /** The explanation an analysis run stored, as JSON text (null when none was stored). */
  explanation: string | null;
  alertIds: string[];
  /** Regions the entity is in or under (communities: those of their members). */
  regions: string[];
  /** Flags of the active alerts on it (communities: on their members). */
  flags: string[];
}

/** Persons and companies by id: parallel lists (cypher/api/risk-directory.cypher). */
export interface Directory {
  ids: string[];
  /** 0 person, 1 company. */
  types: number[];
  names: string[];
}

const DIRECTORY_TYPES = ["person", "company"] as const;

interface Entry extends ViewEntry {
  regionSet: ReadonlySet<string>;
  flagSet: ReadonlySet<string>;
  /** The answer to GET /entities/:id/risk, ready to send; undefined when Neo4j must explain it. */
  answer: string | undefined;
  /** The parsed explanation, kept to patch a triage status without a new view. */
  parsed: StoredExplanation | undefined;
}

/** What the view reads of a stored explanation; everything else in it is sent as it is. */
interface StoredExplanation {
  id: string;
  type: string;
  name: string;
  hits?: { alertId: string; flag: string; status?: string; title?: string }[];
  asParty?: { alertId: string; status?: string }[];
  [field: string]: unknown;
}

export interface ViewStats {
  entries: number;
  explained: number;
  directory: number;
}

/** Cypher orders strings by code point; JavaScript's `<` by UTF-16 unit (the same outside astral characters). */
function byScoreThenId(a: { score: number | null; id: string; key: number | null }, b: { score: number | null; id: string; key: number | null }): number {
  const s = (b.score ?? 0) - (a.score ?? 0);
  if (s !== 0) return s;
  if (a.key !== null && b.key !== null) return a.key - b.key;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class RiskView {
  private readonly entries = new Map<string, Entry>();
  /** Persons, companies and regions with a score, riskiest first, then by id. */
  private readonly ranked: Entry[] = [];
  /** Every community, riskiest first (no score counts 0), then by id. */
  private readonly communities: Entry[] = [];
  private readonly directory: Map<string, number> | undefined;
  /** Which entries list an alert, to patch a triage at once. */
  private readonly byAlert = new Map<string, Entry[]>();

  /**
   * `statuses`: the current triage status of every alert the stored explanations list.
   * `directory`: absent when the county is too big to hold it (those answers come from Neo4j).
   */
  constructor(
    readonly generation: string,
    rows: readonly ViewEntry[],
    statuses: ReadonlyMap<string, string>,
    private readonly names: Directory | undefined,
  ) {
    for (const row of rows) {
      const parsed = row.explanation === null ? undefined : (JSON.parse(row.explanation) as StoredExplanation);
      const entry: Entry = { ...row, regionSet: new Set(row.regions), flagSet: new Set(row.flags), parsed, answer: undefined };
      if (parsed) {
        // The view's id, type and name win (an import may have renamed the entity since the run).
        parsed.id = row.id;
        parsed.type = row.type;
        parsed.name = row.name;
        for (const hit of parsed.hits ?? []) hit.title = flagTitle(hit.flag);
        for (const item of [...(parsed.hits ?? []), ...(parsed.asParty ?? [])]) {
          const status = statuses.get(item.alertId);
          if (status !== undefined) item.status = status;
        }
        entry.answer = JSON.stringify(parsed);
        for (const alertId of row.alertIds) {
          const list = this.byAlert.get(alertId);
          if (list) list.push(entry);
          else this.byAlert.set(alertId, [entry]);
        }
      }
      this.entries.set(row.id, entry);
      if (row.key !== null) this.communities.push(entry);
      else if (row.score !== null) this.ranked.push(entry);
    }
    this.ranked.sort(byScoreThenId);
    this.communities.sort(byScoreThenId);
    if (names) {
      this.directory = new Map();
      for (let i = 0; i < names.ids.length; i += 1) this.directory.set(names.ids[i]!, i);
    }
  }

  stats(): ViewStats {
    let explained = 0;
    for (const e of this.entries.values()) if (e.answer !== undefined) explained += 1;
    return { entries: this.entries.size, explained, directory: this.directory?.size ?? 0 };
  }

  /**
   * The answer to GET /entities/:id/risk as JSON text, or undefined when the view cannot give it
   * (then Neo4j does, and may answer 404).
   */
  answer(id: string): string | undefined {
    const entry = this.entries.get(id);
    if (entry) return entry.answer;
    const i = this.directory?.get(id);
    if (i === undefined) return undefined;
    return JSON.stringify({
      id,
      type: DIRECTORY_TYPES[this.names!.types[i]!] ?? "entity",
      name: this.names!.names[i]!,
      score: 0,
      grade: null,
      amount: 0,
      hitCount: 0,
      hits: [],
    });
  }

  /** The first `q.limit` items of the ranking, as risk-ranking.cypher / risk-ranking-communities.cypher give them. */
  ranking(q: RankingQuery): RankItem[] {
    const out: RankItem[] = [];
    const list = q.community ? this.communities : this.ranked;
    const after = q.after;
    for (const e of list) {
      if (out.length >= q.limit) break;
      const score = e.score ?? 0;
      if (score < q.minScore) break; // sorted by score: nothing further qualifies
      if (after) {
        if (score > after.score) continue;
        if (score === after.score) {
          const past = q.community ? e.key! > Number(after.id) : e.id > String(after.id);
          if (!past) continue;
        }
      }
      if (q.label !== null && !e.labels.includes(q.label)) continue;
      if (q.region !== null && !e.regionSet.has(q.region)) continue;
      if (q.flag !== null && !e.flagSet.has(q.flag)) continue;
      out.push({ id: e.id, type: e.type, name: e.name, score, amount: e.amount, grade: e.grade, ...(q.community ? { key: e.key! } : {}) });
    }
    return out;
  }

  /**
   * Scores of the entities and communities the view holds, in the order asked; `unknown` lists the
   * ids it does not hold (to ask Neo4j, which may not know them either).
   */
  batch(ids: readonly string[]): { items: BatchItem[]; unknown: string[] } {
    const items: BatchItem[] = [];
    const unknown: string[] = [];
    for (const id of ids) {
      const e = this.entries.get(id);
      if (e) {
        items.push({ id, type: e.type, score: e.score ?? 0, grade: e.grade, amount: e.amount });
        continue;
      }
      const i = this.directory?.get(id);
      if (i === undefined) unknown.push(id);
      else items.push({ id, type: DIRECTORY_TYPES[this.names!.types[i]!] ?? "entity", score: 0, grade: null, amount: 0 });
    }
    return { items, unknown };
  }

  /** A triage through this process: the explanations listing the alert show its new status at once. */
  triaged(alertId: string, status: string): void {
    for (const entry of this.byAlert.get(alertId) ?? []) {
      if (!entry.parsed) continue;
      for (const item of [...(entry.parsed.hits ?? []), ...(entry.parsed.asParty ?? [])]) if (item.alertId === alertId) item.status = status;
      entry.answer = JSON.stringify(entry.parsed);
    }
  }
}
