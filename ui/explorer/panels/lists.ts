// The starting points on the left: the risk ranking (filter by type, region, flag, minimum score),
// the alerts (flag, status) and the communities (minimum score), each keyset-paged with "More".
// A lead opens the entity on the canvas; an alert opens in the details with its evidence drawn; a
// community is laid out with its members.
import { api, type AlertsQuery, type RankingQuery } from "../../shared/api.ts";
import { $, h } from "../../shared/dom.ts";
import { t, typeName } from "../../shared/i18n.ts";
import type { App } from "../app.ts";

interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list filled page by page from `load`; `item` draws one entry. */
function pagedList<T>(app: App, listId: string, moreId: string, load: (cursor?: string) => Promise<Paged<T>>, item: (x: T) => HTMLElement): { reload(): Promise<void> } {
  const list = $(listId);
  const more = $<HTMLButtonElement>(moreId);
  let cursor: string | null = null;
  let generation = 0;
  async function page(first: boolean): Promise<void> {
    const mine = first ? ++generation : generation;
    app.busy += 1;
    try {
      const r = await load(first ? undefined : (cursor ?? undefined));
      if (mine !== generation) return;
      if (first) list.replaceChildren();
      list.append(...r.items.map((x) => h("li", {}, item(x))));
      cursor = r.nextCursor;
      more.hidden = cursor === null;
    } catch (e) {
      app.fail(e);
    } finally {
      app.busy -= 1;
    }
  }
  more.onclick = () => void page(false);
  return { reload: () => page(true) };
}

const score = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(Math.round(n * 10) / 10));

const alertSub = (a: { flag: string; status: string; subjects: readonly { name: string }[] }) =>
  h("span", { className: "sub" }, `${a.flag} · ${t(`status.${a.status}` as "status.new")} · ${a.subjects.map((s) => s.name).join("、")}`);

export function mountLists(app: App): { loadAll(): void } {
  const leadsQuery = (): RankingQuery => ({
    type: ($<HTMLSelectElement>("leads-type").value || undefined) as RankingQuery["type"],
    region: $<HTMLInputElement>("leads-region").value.trim() || undefined,
    flag: $<HTMLInputElement>("leads-flag").value.trim().toUpperCase() || undefined,
    minScore: Number($<HTMLInputElement>("leads-min").value) || undefined,
    limit: 50,
  });
  const leads = pagedList(
    app,
    "leads-list",
    "leads-more",
    (cursor) => api.ranking({ ...leadsQuery(), cursor }),
    (r) =>
      h(
        "button",
        { type: "button", dataset: { id: r.id }, onclick: () => void app.open(r.id) },
        h("span", {}, r.name),
        h("span", { className: "score" }, score(r.score)),
        h("span", { className: "sub" }, `${typeName(r.type)} · ${r.id}${r.grade ? ` · ${r.grade}` : ""}${r.amount ? ` · ¥${Math.round(r.amount).toLocaleString("zh-CN")}` : ""}`),
      ),
  );
  $("leads-form").addEventListener("submit", (e) => {
    e.preventDefault();
    void leads.reload();
  });
  // Region ids are suggested as one types.
  const region = $<HTMLInputElement>("leads-region");
  let regionTimer: ReturnType<typeof setTimeout> | undefined;
  region.addEventListener("input", () => {
    clearTimeout(regionTimer);
    const q = region.value.trim();
    if (!q) return;
    regionTimer = setTimeout(async () => {
      try {
        const { items } = await api.search(q, { type: "region", limit: 10 });
        $("region-options").replaceChildren(...items.map((r) => h("option", { value: r.id, label: r.name })));
      } catch (e) {
        app.fail(e);
      }
    }, 200);
  });

  const alertsQuery = (): AlertsQuery => ({
    flag: $<HTMLInputElement>("alerts-flag").value.trim().toUpperCase() || undefined,
    status: ($<HTMLSelectElement>("alerts-status").value || undefined) as AlertsQuery["status"],
    limit: 50,
  });
  const alerts = pagedList(
    app,
    "alerts-list",
    "alerts-more",
    (cursor) => api.alerts({ ...alertsQuery(), cursor }),
    (a) =>
      h(
        "button",
        { type: "button", dataset: { alert: a.id }, onclick: () => app.showAlert?.(a.id) },
        h("span", {}, a.title),
        h("span", { className: "score" }, score(a.score)),
        alertSub(a),
      ),
  );
  // A triage in the details panel shows in the list at once.
  app.onTriaged.add((a) => {
    for (const b of $("alerts-list").querySelectorAll<HTMLElement>("button[data-alert]")) if (b.dataset.alert === a.id) b.querySelector(".sub")?.replaceWith(alertSub(a));
  });
  $("alerts-form").addEventListener("submit", (e) => {
    e.preventDefault();
    void alerts.reload();
  });

  const networks = pagedList(
    app,
    "networks-list",
    "networks-more",
    (cursor) => api.communities({ minScore: Number($<HTMLInputElement>("networks-min").value) || undefined, limit: 30, cursor }),
    (c) =>
      h(
        "button",
        { type: "button", dataset: { community: String(c.id) }, onclick: () => void app.openCommunity(c.id) },
        h("span", {}, c.name),
        h("span", { className: "score" }, score(c.score)),
        h("span", { className: "sub" }, `${t("networks.members", { n: c.size ?? 0 })} · ${c.topMembers.slice(0, 3).map((m) => m.name).join("、")}${c.flags.length ? ` · ${c.flags.map((f) => f.flag).join(", ")}` : ""}`),
      ),
  );
  $("networks-form").addEventListener("submit", (e) => {
    e.preventDefault();
    void networks.reload();
  });

  return {
    loadAll() {
      void leads.reload();
      void alerts.reload();
      void networks.reload();
    },
  };
}
