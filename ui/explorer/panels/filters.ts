// The filters and style panel and the legend. Filters (entity types, relationship types, minimum
// risk, a 2016–2021 year range) only change the state: the reducers hide what they leave out,
// nothing is refetched. The legend lists the colours of what is on the canvas.
import { $, h } from "../../shared/dom.ts";
import { t, typeName } from "../../shared/i18n.ts";
import type { App } from "../app.ts";
import { YEAR_SPAN } from "../filters.ts";
import type { State } from "../state.ts";
import { type ColourBy, communityColour, ENTITY_TYPES, GRADE_COLOURS, REL_TYPES, relColour, typeColour } from "../style.ts";

const COLOUR_MODES: ColourBy[] = ["type", "community", "risk"];

export function mountFilters(app: App): { render(): void } {
  const { store, graph } = app;

  function chip(name: string, checked: boolean, colour: string, onChange: () => void, type: "checkbox" | "radio" = "checkbox", group = ""): HTMLLabelElement {
    const input = h("input", { type, checked, name: group, value: name, onchange: onChange });
    return h("label", { dataset: { value: name } }, input, h("span", { className: type === "radio" ? "" : "swatch", style: type === "radio" ? "" : `background:${colour}` }), typeName(name));
  }

  function render(): void {
    const s = store.get();
    $("colour-modes").replaceChildren(
      ...COLOUR_MODES.map((m) => {
        const label = chip(m, s.colourBy === m, "", () => store.dispatch({ type: "colourBy", by: m }), "radio", "colour-mode");
        label.lastChild!.textContent = t(`colour.${m}` as "colour.type");
        return label;
      }),
    );
    $("filter-types").replaceChildren(...ENTITY_TYPES.map((ty) => chip(ty, !s.filters.hiddenTypes.includes(ty), typeColour(ty), () => store.dispatch({ type: "toggleType", entityType: ty }))));
    $("filter-rels").replaceChildren(...REL_TYPES.map((r) => chip(r, !s.filters.hiddenRels.includes(r), relColour(r), () => store.dispatch({ type: "toggleRel", rel: r }))));
    $<HTMLInputElement>("min-risk").value = String(s.filters.minRisk);
    $("min-risk-label").textContent = t("filters.minRisk", { n: s.filters.minRisk });
    $<HTMLInputElement>("year-from").value = String(s.filters.years[0]);
    $<HTMLInputElement>("year-to").value = String(s.filters.years[1]);
    $("years-label").textContent = t("filters.years", { from: s.filters.years[0], to: s.filters.years[1] });
    $<HTMLSelectElement>("colour-by").value = s.colourBy;
    renderLegend(s);
  }

  function renderLegend(s: State): void {
    const types = new Set<string>();
    const communities = new Map<number, number>();
    const rels = new Set<string>();
    graph.forEachNode((_, a) => {
      types.add(a.data.type);
      if (a.data.communityId !== null) communities.set(a.data.communityId, (communities.get(a.data.communityId) ?? 0) + 1);
    });
    graph.forEachEdge((_, a) => a.ties.forEach((tie) => rels.add(tie.type)));
    const item = (colour: string, text: string, line = false) => h("li", {}, h("span", { className: line ? "swatch line" : "swatch", style: `background:${colour}` }), text);
    let nodes: HTMLElement[];
    if (s.colourBy === "type") nodes = ENTITY_TYPES.filter((x) => types.has(x)).map((x) => item(typeColour(x), typeName(x)));
    else if (s.colourBy === "community")
      nodes = [...communities]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([id, n]) => item(communityColour(id), `#${id} (${n})`));
    else nodes = Object.entries(GRADE_COLOURS).map(([g, c]) => item(c, g));
    $("legend").hidden = graph.order === 0;
    $("legend").replaceChildren(
      h("h4", {}, `${t("legend.title")} · ${t(`colour.${s.colourBy}` as "colour.type")}`),
      h("ul", { id: "legend-nodes" }, ...nodes),
      h("h4", {}, t("filters.rels")),
      h("ul", { id: "legend-edges" }, ...REL_TYPES.filter((r) => rels.has(r)).map((r) => item(relColour(r), typeName(r), true))),
      h("p", { className: "muted", style: "margin:0" }, t("legend.parallel")),
    );
  }

  $<HTMLInputElement>("min-risk").addEventListener("input", (e) => store.dispatch({ type: "minRisk", value: Number((e.target as HTMLInputElement).value) }));
  const years = () => store.dispatch({ type: "years", from: Number($<HTMLInputElement>("year-from").value), to: Number($<HTMLInputElement>("year-to").value) });
  $<HTMLInputElement>("year-from").addEventListener("input", years);
  $<HTMLInputElement>("year-to").addEventListener("input", years);
  for (const id of ["year-from", "year-to"]) {
    const input = $<HTMLInputElement>(id);
    input.min = String(YEAR_SPAN[0]);
    input.max = String(YEAR_SPAN[1]);
  }
  $("filters-reset").addEventListener("click", () => store.dispatch({ type: "resetFilters" }));
  $<HTMLSelectElement>("colour-by").addEventListener("change", (e) => store.dispatch({ type: "colourBy", by: (e.target as HTMLSelectElement).value as ColourBy }));

  let legendFrame = 0;
  const legendSoon = () => {
    cancelAnimationFrame(legendFrame);
    legendFrame = requestAnimationFrame(() => renderLegend(store.get()));
  };
  graph.on("nodeAdded", legendSoon);
  graph.on("nodeDropped", legendSoon);
  graph.on("edgeAdded", legendSoon);
  graph.on("cleared", legendSoon);
  store.subscribe((s, prev) => {
    if (s.filters !== prev.filters || s.colourBy !== prev.colourBy) render();
  });
  render();
  return { render };
}
