// The tie kinds the community projection reads, their default weights, and the shape of one page
// of cypher/communities/project-page.cypher as the readers receive it.
import type { UndirectedGraph } from "graphology";

/** The tie kinds and their default weights (0 leaves a kind out). See cypher/communities/ties.cypher. */
export const DEFAULT_TIE_WEIGHTS = {
  /** Kinship, declared or not. */
  KIN: 3,
  /** A person's role in a company (officer, shareholder, employee…). */
  ROLE_IN: 3,
  /** Two owners of one phone, address or account, tied directly. */
  SHARED_IDENTIFIER: 2,
  /** The cadre who approved a grant, and its beneficiary. */
  APPROVED: 2,
  /** The cadre who approved a project, and the company it was awarded to. */
  AWARDED_TO: 2,
  /** Owners of two accounts with a transfer between them: this weight × (1 + log10(1 + yuan)) per transfer. */
  TRANSFER: 1,
} as const;

export type TieKind = keyof typeof DEFAULT_TIE_WEIGHTS;
export type TieWeights = Record<TieKind, number>;

/** Nodes are entity ids (persons and companies); the one edge between two entities carries the summed weight. */
export type TieGraph = UndirectedGraph<Record<string, never>, { weight: number }>;

/** The tie kinds in the order a page of cypher/communities/project-page.cypher gives them (see `TiePage.counts`). */
export const PAGE_KINDS = ["KIN", "ROLE_IN", "APPROVED", "AWARDED_TO", "SHARED_IDENTIFIER", "TRANSFER"] as const satisfies readonly TieKind[];

/** One page of cypher/communities/project-page.cypher (or one chunk of it). */
export interface TiePage {
  /** The page's entity ids, and their internal node ids in the same order. */
  keys: readonly string[];
  nodes: readonly number[];
  /** One tie each: from page entity `at[k]` (index in the page) to internal node `others[k]`. */
  at: readonly number[];
  others: readonly number[];
  /** How many of the page's ties are of each kind of PAGE_KINDS, in that order (the same in every chunk of a page). */
  counts: readonly number[];
  /** The weight of each TRANSFER tie, in order; the other kinds weigh the collector's weight of their kind. */
  weights: readonly number[];
}

