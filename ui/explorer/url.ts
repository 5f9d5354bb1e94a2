// The view in the URL's hash, so a link reopens it: the entities on the canvas, the focus and the
// selection, the colour mode, the filters and the camera. Pure: `toHash` and `fromHash` are
// inverse for every valid view, and anything unknown or out of range in a hash is dropped.
import { DEFAULT_FILTERS, type Filters, YEAR_SPAN } from "./filters.ts";
import { type ColourBy, ENTITY_TYPES, REL_TYPES } from "./style.ts";

export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

export interface UrlView {
  nodes: string[];
  focus: string | null;
  selected: string | null;
  colourBy: ColourBy;
  filters: Filters;
  camera: Camera | null;
}

export const EMPTY_VIEW: UrlView = { nodes: [], focus: null, selected: null, colourBy: "type", filters: DEFAULT_FILTERS, camera: null };

const COLOUR_MODES: readonly ColourBy[] = ["type", "community", "risk"];
const list = (xs: readonly string[]) => xs.map(encodeURIComponent).join(",");
const round = (v: number) => Number(v.toFixed(4));

export function toHash(view: UrlView): string {
  const parts: string[] = [];
  if (view.nodes.length) parts.push(`n=${list(view.nodes)}`);
  if (view.focus) parts.push(`f=${encodeURIComponent(view.focus)}`);
  if (view.selected) parts.push(`s=${encodeURIComponent(view.selected)}`);
  if (view.colourBy !== "type") parts.push(`c=${view.colourBy}`);
  const f = view.filters;
  if (f.hiddenTypes.length) parts.push(`xt=${list(f.hiddenTypes)}`);
  if (f.hiddenRels.length) parts.push(`xr=${list(f.hiddenRels)}`);
  if (f.minRisk > 0) parts.push(`r=${f.minRisk}`);
  if (f.years[0] !== YEAR_SPAN[0] || f.years[1] !== YEAR_SPAN[1]) parts.push(`y=${f.years[0]}-${f.years[1]}`);
  if (view.camera) parts.push(`cam=${[view.camera.x, view.camera.y, view.camera.ratio].map(round).join(",")}`);
  return parts.length ? `#${parts.join("&")}` : "";
}

function items(v: string | undefined): string[] {
  if (!v) return [];
  return v.split(",").flatMap((x) => {
    try {
      const d = decodeURIComponent(x);
      return d ? [d] : [];
    } catch {
      return [];
    }
  });
}

export function fromHash(hash: string): UrlView {
  const fields = new Map<string, string>();
  for (const part of hash.replace(/^#/, "").split("&")) {
    const at = part.indexOf("=");
    if (at > 0) fields.set(part.slice(0, at), part.slice(at + 1));
  }
  const one = (k: string) => items(fields.get(k))[0] ?? null;
  const colour = fields.get("c") as ColourBy | undefined;
  const types = new Set<string>(ENTITY_TYPES);
  const rels = new Set<string>(REL_TYPES);
  const minRisk = Number(fields.get("r") ?? 0);
  const years = /^(\d{4})-(\d{4})$/.exec(fields.get("y") ?? "");
  const from = years ? Number(years[1]) : YEAR_SPAN[0];
  const to = years ? Number(years[2]) : YEAR_SPAN[1];
  const validYears = from >= YEAR_SPAN[0] && to <= YEAR_SPAN[1] && from <= to;
  const cam = (fields.get("cam") ?? "").split(",").map(Number);
  return {
    nodes: [...new Set(items(fields.get("n")))],
    focus: one("f"),
    selected: one("s"),
    colourBy: colour && COLOUR_MODES.includes(colour) ? colour : "type",
    filters: {
      hiddenTypes: items(fields.get("xt")).filter((t) => types.has(t)).sort(),
      hiddenRels: items(fields.get("xr")).filter((t) => rels.has(t)).sort(),
      minRisk: Number.isFinite(minRisk) && minRisk >= 0 && minRisk <= 100 ? Math.round(minRisk) : 0,
      years: validYears ? [from, to] : [YEAR_SPAN[0], YEAR_SPAN[1]],
    },
    camera: cam.length === 3 && cam.every(Number.isFinite) && cam[2]! > 0 ? { x: cam[0]!, y: cam[1]!, ratio: cam[2]! } : null,
  };
}
