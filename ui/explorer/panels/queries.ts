// The saved-query page as a panel of the explorer: pick a query, fill the form generated from its
// header, run it; the rows show as a table and the nodes and ties they hold are added to the canvas
// and highlighted. Writing queries (the Cypher editor) lives on the query page, linked from here.
import { api, ApiError, type QuerySummary } from "../../shared/api.ts";
import { $, h } from "../../shared/dom.ts";
import { currentLang, t } from "../../shared/i18n.ts";
import { clearFieldErrors, parameterField, parameterValues, showFieldErrors } from "../../queries/form.ts";
import { resultTable } from "../../queries/table.ts";
import type { App } from "../app.ts";

const PREFIX = "xq-";

export function mountQueries(app: App): { load(): Promise<void> } {
  const select = $<HTMLSelectElement>("xq-select");
  const form = $("xq-form");
  let queries: QuerySummary[] = [];
  let current: QuerySummary | undefined;

  function choose(name: string): void {
    current = queries.find((q) => q.name === name);
    if (!current) return;
    $("xq-description").textContent = current.description;
    $("xq-fields").replaceChildren(...Object.entries(current.parameters).map(([n, p]) => parameterField(n, p, PREFIX)));
    $("xq-result").replaceChildren();
    $("xq-summary").textContent = "";
    $<HTMLAnchorElement>("xq-page").href = `/queries/#${encodeURIComponent(current.name)}`;
  }

  select.addEventListener("change", () => choose(select.value));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!current) return;
    const q = current;
    clearFieldErrors(form);
    const button = $<HTMLButtonElement>("xq-run");
    button.disabled = true;
    app.busy += 1;
    try {
      const r = await api.runQuery(q.name, parameterValues(q.parameters, PREFIX));
      $("xq-result").replaceChildren(resultTable(r));
      const added = await app.addPiece(r.graph);
      $("xq-summary").textContent = `${t("queries.rows", { n: r.rowCount, ms: Math.round(r.ms) })}${r.truncated ? ` · ${t("queries.truncated")}` : ""} · ${t("queries.toCanvas", { n: r.graph.nodes.length })}`;
      if (r.graph.nodes.length > 0) {
        app.store.dispatch({ type: "highlight", highlight: { label: currentLang() === "zh" ? q.title_zh : q.title, kind: "query", nodes: r.graph.nodes.map((n) => n.id), ties: r.graph.edges.map((x) => x.id) } });
        app.frame(added.addedNodes.length ? added.addedNodes : r.graph.nodes.map((n) => n.id));
      }
    } catch (err) {
      if (err instanceof ApiError) showFieldErrors(form, err.problem, PREFIX);
      app.fail(err);
    } finally {
      button.disabled = false;
      app.busy -= 1;
    }
  });

  return {
    async load() {
      try {
        queries = (await api.queries()).items;
        select.replaceChildren(...queries.map((q) => h("option", { value: q.name }, currentLang() === "zh" ? q.title_zh : q.title)));
        if (queries[0]) choose(current?.name ?? queries.find((q) => q.graph)?.name ?? queries[0].name);
        if (current) select.value = current.name;
      } catch (e) {
        app.fail(e);
      }
    },
  };
}
