// Colours and sizes of the picture: one colour per entity type, per relationship type, per risk
// grade and per community (a fixed palette), and node size from the risk score. Plain data, so the
// legend and the reducers read the same table.

export const ENTITY_TYPES = ["person", "company", "region", "household", "account", "project", "program", "grant", "asset", "tip", "case", "phone", "address"] as const;

export const TYPE_COLOURS: Record<string, string> = {
  person: "#3b6fd4",
  company: "#d9822b",
  region: "#7a8794",
  household: "#8e6cc8",
  account: "#2a9d8f",
  project: "#c0392b",
  program: "#6d8f3a",
  grant: "#e0b000",
  asset: "#8d5a3b",
  tip: "#d6336c",
  case: "#5c2d91",
  phone: "#17a2b8",
  address: "#6c757d",
};

export const REL_COLOURS: Record<string, string> = {
  KIN: "#d6336c",
  ROLE_IN: "#d9822b",
  HAS: "#17a2b8",
  APPROVED: "#c0392b",
  AWARDED_TO: "#e8590c",
  BID: "#f08c00",
  PAID_TO: "#e0b000",
  PAID_INTO: "#b8860b",
  TRANSFER: "#2a9d8f",
  HOLDS_POST: "#5c2d91",
  LIVES_IN: "#adb5bd",
  MEMBER_OF: "#8e6cc8",
  HEAD_OF: "#7048b8",
  IN: "#ced4da",
  PART_OF: "#ced4da",
  UNDER: "#c5d08a",
  REGISTERED_IN: "#adb5bd",
  OWNS: "#8d5a3b",
  MOVED_TO: "#9775fa",
  SPLIT_FROM: "#b197fc",
  CONCERNS: "#e64980",
  INVOLVES: "#862e9c",
};

export const REL_TYPES = Object.keys(REL_COLOURS);

/** Grades of the 2016 judicial interpretation, lowest first, and a colour from cool to hot. */
export const GRADE_COLOURS: Record<string, string> = {
  none: "#cbd3dc",
  discipline: "#f4c542",
  relief_funds: "#f08c00",
  large: "#e8590c",
  huge: "#c92a2a",
  especially_huge: "#7b0d0d",
};

/** Twelve colours that stay apart from each other for communities; a community's is fixed by its id. */
export const COMMUNITY_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79", "#637939", "#843c39"];

export const FADED_NODE = "#e3e7ec";
export const FADED_EDGE = "#eef0f3";
export const UNKNOWN = "#9aa5b1";
export const HIGHLIGHT_EDGE = "#111827";

export type ColourBy = "type" | "community" | "risk";

export function typeColour(type: string): string {
  return TYPE_COLOURS[type] ?? UNKNOWN;
}

export function relColour(type: string): string {
  return REL_COLOURS[type] ?? UNKNOWN;
}

export function communityColour(id: number | null | undefined): string {
  return id === null || id === undefined ? UNKNOWN : COMMUNITY_PALETTE[((id % COMMUNITY_PALETTE.length) + COMMUNITY_PALETTE.length) % COMMUNITY_PALETTE.length]!;
}

/** By grade when the entity has one, else by score (a scored entity without money at stake). */
export function riskColour(score: number | null, grade: string | null): string {
  if (grade && GRADE_COLOURS[grade]) return GRADE_COLOURS[grade];
  if (score === null || score <= 0) return GRADE_COLOURS.none!;
  return score >= 60 ? GRADE_COLOURS.huge! : score >= 30 ? GRADE_COLOURS.large! : GRADE_COLOURS.discipline!;
}

/** Node size from the risk score: 4 for none, up to 18 at 100. */
export function nodeSize(score: number | null): number {
  const s = Math.max(0, Math.min(100, score ?? 0));
  return 4 + Math.sqrt(s / 100) * 14;
}
