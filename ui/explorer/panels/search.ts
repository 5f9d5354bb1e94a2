// Search with suggestions as one types (name, id, identity number, phone or account: the API
// decides which); arrow keys and Enter or a click open the entity.
import { api } from "../../shared/api.ts";
import { $, h } from "../../shared/dom.ts";
import { t, typeName } from "../../shared/i18n.ts";
import type { App } from "../app.ts";

export function mountSearch(app: App): void {
  const input = $<HTMLInputElement>("search");
  const list = $<HTMLUListElement>("suggestions");
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  };
  const pick = (id: string) => {
    close();
    input.blur();
    void app.open(id);
  };
  const mark = (i: number) => {
    const items = [...list.children] as HTMLElement[];
    active = Math.max(-1, Math.min(items.length - 1, i));
    items.forEach((li, j) => li.setAttribute("aria-selected", String(j === active)));
  };

  async function suggest(q: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    try {
      const { items } = await api.search(q, { limit: 10 }, controller.signal);
      if (input.value.trim() !== q) return;
      list.replaceChildren(
        ...(items.length === 0
          ? [h("li", { className: "none" }, t("search.none"))]
          : items.map((it) =>
              h(
                "li",
                { role: "option", dataset: { id: it.id }, onmousedown: (e: MouseEvent) => (e.preventDefault(), pick(it.id)) },
                h("span", {}, it.name, it.cadre ? " ★" : ""),
                h("small", {}, `${typeName(it.type)} · ${it.id}${it.riskScore ? ` · ${Math.round(it.riskScore)}` : ""}`),
              ),
            )),
      );
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      mark(items.length > 0 ? 0 : -1);
    } catch (e) {
      app.fail(e);
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length === 0) return close();
    timer = setTimeout(() => void suggest(q), 180);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") mark(active + 1);
    else if (e.key === "ArrowUp") mark(active - 1);
    else if (e.key === "Escape") close();
    else if (e.key === "Enter") {
      const li = list.children[active] as HTMLElement | undefined;
      if (li?.dataset.id) pick(li.dataset.id);
      return;
    } else return;
    e.preventDefault();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}
