// What the filters let through, as pure predicates the reducers call: entity types, relationship
// types, a minimum risk score, and a year range over the dated ties (grants by their year; awards,
// bids, transfers and moves by their date; posts and company roles by their span). Nothing is
// refetched: a filtered element is only hidden.
import type { GraphNode as Node } from "../shared/api-types.ts";

/** The span of the slider: the years the county data covers. */
export const YEAR_SPAN: readonly [number, number] = [2016, 2021];

/** Entity types that carry a risk score; the others (phones, grants, …) are never cut by minimum risk. */
export const SCORED_TYPES = new Set(["person", "company", "region"]);

export interface Filters {
  /** Entity types not shown. */
  hiddenTypes: string[];
  /** Relationship types not shown. */
  hiddenRels: string[];
  /** Persons, companies and regions scoring below this are not shown (0: all). */
  minRisk: number;
  /** Dated ties and grants outside these years (inclusive) are not shown. */
  years: [number, number];
}

export const DEFAULT_FILTERS: Filters = { hiddenTypes: [], hiddenRels: [], minRisk: 0, years: [YEAR_SPAN[0], YEAR_SPAN[1]] };

/** A tie as the explorer keeps it: one relationship of the API, with its years when it is dated. */
export interface Tie {
  id: string;
  type: string;
  source: string;
  target: string;
  label: string;
  properties: Record<string, unknown>;
  /** First and last year the tie is about, or null for an undated tie (kinship, shared phone, …). */
  years: [number, number] | null;
}

function yearOf(v: unknown): number | null {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string") {
    const m = /^(\d{4})-\d{2}-\d{2}/.exec(v);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * The years a tie is about: a grant's year for the ties of a grant (`grantYear`, from its node);
 * a date for awards, bids, transfers and moves; from–to for posts and company roles (an open end
 * runs to the end of the span).
 */
export function tieYears(properties: Record<string, unknown>, grantYear: number | null = null): [number, number] | null {
  if (grantYear !== null) return [grantYear, grantYear];
  const date = yearOf(properties.date);
  if (date !== null) return [date, date];
  const from = yearOf(properties.from);
  const to = yearOf(properties.to);
  if (from === null && to === null) return null;
  return [from ?? -Infinity, to ?? Infinity];
}

export function yearsFiltered(f: Filters): boolean {
  return f.years[0] > YEAR_SPAN[0] || f.years[1] < YEAR_SPAN[1];
}

export function nodePasses(node: Pick<Node, "type" | "riskScore" | "year">, f: Filters): boolean {
  if (f.hiddenTypes.includes(node.type)) return false;
  if (f.minRisk > 0 && SCORED_TYPES.has(node.type) && (node.riskScore ?? 0) < f.minRisk) return false;
  if (node.year !== null && node.year !== undefined && yearsFiltered(f) && (node.year < f.years[0] || node.year > f.years[1])) return false;
  return true;
}

export function tiePasses(tie: Pick<Tie, "type" | "years">, f: Filters): boolean {
  if (f.hiddenRels.includes(tie.type)) return false;
  if (tie.years && yearsFiltered(f) && (tie.years[1] < f.years[0] || tie.years[0] > f.years[1])) return false;
  return true;
}

/** True when no filter is set. */
export function unfiltered(f: Filters): boolean {
  return f.hiddenTypes.length === 0 && f.hiddenRels.length === 0 && f.minRisk === 0 && !yearsFiltered(f);
}
