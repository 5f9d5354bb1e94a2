// The path finder: two entities (typed with suggestions, or chosen from a node's panel), the
// shortest path or all shortest paths drawn on the canvas and highlighted, each with its text
// (王军 —spouse→ 李华 —legal_rep→ 恒达建筑); a click on a path's text highlights that one.
import { api } from "../../shared/api.ts";
import type { Path } from "../../shared/api-types.ts";
import { $, h } from "../../shared/dom.ts";
import { t } from "../../shared/i18n.ts";
import type { App } from "../app.ts";

export function mountPaths(app: App, showTab: (tab: string) => void): void {
  const from = $<HTMLInputElement>("path-from");
  const to = $<HTMLInputElement>("path-to");
  const list = $("paths-list");

  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const input of [from, to]) {
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 1) return;
      timer = setTimeout(async () => {
        try {
          const { items } = await api.search(q, { limit: 10 });
          $("path-options").replaceChildren(...items.map((x) => h("option", { value: x.id, label: `${x.name} · ${x.type}` })));
        } catch (e) {
          app.fail(e);
        }
      }, 200);
    });
  }

  const highlight = (p: Path) =>
    app.store.dispatch({ type: "highlight", highlight: { label: p.text, kind: "path", nodes: p.nodes.map((n) => n.id), ties: p.relationships.map((r) => r.id) } });

  $("paths-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const hops = Number($<HTMLInputElement>("path-hops").value) || 6;
    app.busy += 1;
    try {
      app.status(t("status.loading"));
      const r = await api.paths(from.value.trim(), to.value.trim(), { maxHops: hops, all: $<HTMLInputElement>("path-all").checked });
      if (!r.found) {
        list.replaceChildren(h("li", { className: "muted" }, t("paths.none", { hops })));
        app.status(t("paths.none", { hops }));
        return;
      }
      for (const p of r.paths) await app.addPiece({ nodes: p.nodes, edges: p.relationships }, p.nodes[0]?.id);
      list.replaceChildren(...r.paths.map((p, i) => h("li", {}, h("button", { type: "button", className: "path", dataset: { path: String(i) }, onclick: () => highlight(p) }, h("span", {}, p.text), h("span", { className: "score" }, String(p.length))))));
      highlight(r.paths[0]!);
      app.frame(r.paths.flatMap((p) => p.nodes.map((n) => n.id)));
    } catch (err) {
      app.fail(err);
    } finally {
      app.busy -= 1;
    }
  });

  app.setPathEnd = (end, id) => {
    (end === "from" ? from : to).value = id;
    showTab("paths");
    if (from.value && to.value) $<HTMLButtonElement>("path-find").click();
  };
}
