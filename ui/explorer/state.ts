// The explorer's one state object: what is selected, hovered and in focus, how nodes are coloured,
// the filters, and the highlight (a hit's evidence or a path) the picture is drawn around. Changed
// only through `update` (a pure function of the state and an action); the store tells subscribers,
// and the reducers read it on every render.
import type { ColourBy } from "./style.ts";
import { DEFAULT_FILTERS, type Filters, YEAR_SPAN } from "./filters.ts";

export interface Highlight {
  /** What is highlighted, for the status line (a hit's title, a path's text). */
  label: string;
  kind: "evidence" | "path" | "community" | "query";
  nodes: string[];
  /** Tie ids (relationship element ids). */
  ties: string[];
}

export interface State {
  selected: string | null;
  hovered: string | null;
  /** The entity the view is about (the first opened, or the one last asked for). */
  focus: string | null;
  colourBy: ColourBy;
  filters: Filters;
  highlight: Highlight | null;
}

export const INITIAL_STATE: State = { selected: null, hovered: null, focus: null, colourBy: "type", filters: DEFAULT_FILTERS, highlight: null };

export type Action =
  | { type: "select"; node: string | null }
  | { type: "hover"; node: string | null }
  | { type: "focus"; node: string | null }
  | { type: "colourBy"; by: ColourBy }
  | { type: "toggleType"; entityType: string }
  | { type: "toggleRel"; rel: string }
  | { type: "minRisk"; value: number }
  | { type: "years"; from: number; to: number }
  | { type: "resetFilters" }
  | { type: "highlight"; highlight: Highlight | null }
  | { type: "forget"; nodes: string[] }
  | { type: "restore"; state: Partial<State> };

function toggle(list: string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item].sort();
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

export function update(state: State, action: Action): State {
  switch (action.type) {
    case "select":
      return state.selected === action.node ? state : { ...state, selected: action.node };
    case "hover":
      return state.hovered === action.node ? state : { ...state, hovered: action.node };
    case "focus":
      return { ...state, focus: action.node };
    case "colourBy":
      return { ...state, colourBy: action.by };
    case "toggleType":
      return { ...state, filters: { ...state.filters, hiddenTypes: toggle(state.filters.hiddenTypes, action.entityType) } };
    case "toggleRel":
      return { ...state, filters: { ...state.filters, hiddenRels: toggle(state.filters.hiddenRels, action.rel) } };
    case "minRisk":
      return { ...state, filters: { ...state.filters, minRisk: clamp(Math.round(action.value), 0, 100) } };
    case "years": {
      const from = clamp(Math.round(Math.min(action.from, action.to)), YEAR_SPAN[0], YEAR_SPAN[1]);
      const to = clamp(Math.round(Math.max(action.from, action.to)), YEAR_SPAN[0], YEAR_SPAN[1]);
      return { ...state, filters: { ...state.filters, years: [from, to] } };
    }
    case "resetFilters":
      return { ...state, filters: DEFAULT_FILTERS };
    case "highlight":
      return { ...state, highlight: action.highlight };
    case "forget": {
      // Nodes taken off the canvas: nothing may still point at them.
      const gone = new Set(action.nodes);
      const keep = (id: string | null) => (id !== null && gone.has(id) ? null : id);
      const highlight = state.highlight && { ...state.highlight, nodes: state.highlight.nodes.filter((n) => !gone.has(n)) };
      return { ...state, selected: keep(state.selected), hovered: keep(state.hovered), focus: keep(state.focus), highlight };
    }
    case "restore":
      return { ...state, ...action.state, filters: { ...state.filters, ...action.state.filters } };
  }
}

export type Listener = (state: State, previous: State) => void;

export interface Store {
  get(): State;
  dispatch(action: Action): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: State = INITIAL_STATE): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    dispatch(action) {
      const previous = state;
      state = update(state, action);
      if (state !== previous) for (const l of [...listeners]) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
