// The details panel: a clicked node's properties (identity numbers as the API masks them), its
// score, grade and money at stake, and each hit behind the score with its weight, summary and
// status; a hit draws its evidence on the graph and is triaged here with its history. Also an
// alert opened from the alerts list, and a community's summary. Fields the API adds to a hit are
// shown as they come.
import { api, type TriageStatus } from "../../shared/api.ts";
import type { AlertDetail, CommunityDetail, EntityDetail, RiskExplanation, RiskHit } from "../../shared/api-types.ts";
import { $, h, kids } from "../../shared/dom.ts";
import { fieldName, t, termName, typeName } from "../../shared/i18n.ts";
import type { App } from "../app.ts";
import { describeFields, type Field, formatValue, type Wording } from "../explain.ts";
import { SCORED_TYPES } from "../filters.ts";

const STATUSES: TriageStatus[] = ["new", "investigating", "confirmed", "dismissed"];
/** What the hit view shows in its fixed places; every other field is described by its shape (explain.ts). */
const KNOWN_HIT_KEYS = new Set(["alertId", "flag", "title", "weight", "confidence", "score", "amount", "grade", "summary", "status", "evidence"]);
/** An alert's own fields the alert view shows elsewhere or not at all. */
const ALERT_KEYS = new Set([...KNOWN_HIT_KEYS, "id", "active", "runId", "history", "subjects"]);
/** The explanation's fields shown in the score box and the hits. */
const KNOWN_RISK_KEYS = new Set(["id", "type", "name", "score", "grade", "amount", "hitCount", "hits"]);
const yuan = (n: number) => n.toLocaleString("zh-CN", { maximumFractionDigits: 0 });

const WORDING: Wording = { field: fieldName, term: termName };

/** Properties as a definition list; values are shown as the API sends them (masked for roles without clearance). */
function dl(entries: [string, unknown][]): HTMLDListElement {
  return h("dl", {}, ...entries.flatMap(([k, v]) => [h("dt", {}, fieldName(k)), h("dd", {}, formatValue(v, WORDING))]));
}

export function mountDetails(app: App): void {
  const panel = $("details");
  let generation = 0;

  const close = () => {
    shown = undefined;
    panel.hidden = true;
    panel.replaceChildren();
  };
  const header = (title: string, kind: string) =>
    h("div", {}, h("button", { type: "button", className: "close", style: "float:right", onclick: () => app.store.dispatch({ type: "select", node: null }) }, t("details.close")), h("h2", { id: "details-title" }, title), h("p", { className: "kind" }, kind));

  /** Fields described by their shape: text in a list, entity references as links, records as a table. */
  function fieldsView(fields: Field[], className: string): HTMLElement | null {
    if (fields.length === 0) return null;
    const cell = (column: string, v: unknown): Node | string =>
      (column === "alertId" || column === "strongest") && typeof v === "string" && v !== ""
        ? h("a", { href: "#", onclick: (e: Event) => (e.preventDefault(), app.showAlert?.(v)) }, v)
        : formatValue(v, WORDING);
    return h(
      "div",
      { className },
      ...fields.map((f) => {
        const title = h("h5", {}, fieldName(f.key));
        if (f.kind === "text") return h("p", { className: "field", dataset: { field: f.key } }, h("span", { className: "muted" }, `${fieldName(f.key)}: `), f.text);
        if (f.kind === "refs") {
          return h(
            "div",
            { className: "field", dataset: { field: f.key } },
            title,
            h("ul", {}, ...f.refs.map((r) => h("li", {}, h("a", { href: "#", onclick: (e: Event) => (e.preventDefault(), void app.open(r.id)) }, `${r.name}`), ` ${typeName(r.type)}${r.note ? ` · ${r.note}` : ""}`))),
          );
        }
        return h(
          "div",
          { className: "field", dataset: { field: f.key } },
          title,
          h("table", {}, h("thead", {}, h("tr", {}, ...f.columns.map((c) => h("th", {}, fieldName(c))))), h("tbody", {}, ...f.rows.map((row) => h("tr", {}, ...row.map((v, i) => h("td", {}, cell(f.columns[i]!, v))))))),
        );
      }),
    );
  }

  /** The alert triaged last: its box stays open (with its history) when the panel is redrawn. */
  let lastTriaged: AlertDetail | undefined;

  /** One hit: its numbers, summary and status, evidence on click, and triage. */
  function hitView(hit: RiskHit & Record<string, unknown>, onTriaged?: (a: AlertDetail) => void, known: ReadonlySet<string> = KNOWN_HIT_KEYS): HTMLElement {
    const box = h("div", { className: "hit", dataset: { alert: hit.alertId } });
    const extras = describeFields(hit, known, WORDING);
    const drawButton = h("button", { type: "button", className: "evidence" }, t("details.evidence"));
    const statusText = h("span", { className: "hit-status" }, t(`status.${hit.status}` as "status.new"));
    drawButton.onclick = async () => {
      for (const other of panel.querySelectorAll(".hit.active")) other.classList.remove("active");
      box.classList.add("active");
      await app.drawEvidence(hit.evidence, hit.title);
      app.frame(hit.evidence.nodes.map((n) => n.id));
    };
    box.append(
      ...kids(
      h("h4", {}, hit.title, " ", h("span", { className: "badge" }, hit.flag)),
      h(
        "p",
        { className: "meta" },
        `${t("details.weight")} ${hit.weight} · ${t("details.confidence")} ${hit.confidence} · ${Math.round(hit.score * 100) / 100}`,
        hit.amount ? ` · ¥${yuan(hit.amount)}` : "",
        hit.grade ? ` · ${hit.grade}` : "",
        " · ",
        statusText,
      ),
      hit.summary ? h("p", {}, hit.summary) : null,
      fieldsView(extras, "extra"),
      h("div", { className: "actions" }, drawButton),
      triageView(hit.alertId, hit.status as TriageStatus, (a) => {
        statusText.textContent = t(`status.${a.status}` as "status.new");
        onTriaged?.(a);
      }),
      ),
    );
    return box;
  }

  /** Status and note for an alert, with its history (loaded when opened). */
  function triageView(alertId: string, status: TriageStatus, onTriaged: (a: AlertDetail) => void): HTMLElement {
    const details = h("details", { className: "triage-box" }, h("summary", {}, t("triage.title")));
    const select = h("select", { className: "triage-status" }, ...STATUSES.map((s) => h("option", { value: s, selected: s === status }, t(`status.${s}` as "status.new"))));
    const note = h("textarea", { className: "triage-note", placeholder: t("triage.note"), maxLength: 4000 });
    const history = h("ol", { className: "history" });
    const save = h("button", { type: "button", className: "triage-save" }, t("triage.save"));
    const showHistory = (items: AlertDetail["history"]) =>
      history.replaceChildren(
        ...(items.length === 0
          ? [h("li", {}, t("triage.none"))]
          : items.map((e) => h("li", {}, `${e.at.slice(0, 16).replace("T", " ")} · ${e.byName ?? e.by} · ${e.previous ?? "—"} → ${t(`status.${e.status}` as "status.new")}${e.note ? ` · ${e.note}` : ""}`))),
      );
    details.addEventListener("toggle", async () => {
      if (!details.open || history.childElementCount > 0) return;
      try {
        showHistory((await api.alert(alertId)).history);
      } catch (e) {
        app.fail(e);
      }
    });
    save.onclick = async () => {
      save.disabled = true;
      try {
        const a = await api.triage(alertId, select.value as TriageStatus, note.value.trim() || undefined);
        note.value = "";
        showHistory(a.history);
        lastTriaged = a;
        app.status(t("triage.saved", { status: t(`status.${a.status}` as "status.new") }));
        for (const l of app.onTriaged) l(a);
        onTriaged(a);
      } catch (e) {
        app.fail(e);
      } finally {
        save.disabled = false;
      }
    };
    details.append(h("div", { className: "triage" }, h("label", {}, t("details.status")), select, note, save), h("h5", {}, t("triage.history")), history);
    if (lastTriaged?.id === alertId) {
      showHistory(lastTriaged.history);
      details.open = true;
    }
    return details;
  }

  /** The score, grade and money at stake, and each hit; a triage redraws this section with the new score. */
  function riskView(id: string, risk: RiskExplanation): HTMLElement {
    const section: HTMLElement = h(
      "section",
      { className: "risk" },
      h(
        "div",
        { className: "risk-box" },
        h("div", {}, h("b", { id: "risk-score" }, String(Math.round(risk.score * 10) / 10)), h("span", {}, t("details.score"))),
        h("div", {}, h("b", {}, risk.grade ?? "—"), h("span", {}, t("details.grade"))),
        h("div", {}, h("b", {}, yuan(risk.amount)), h("span", {}, t("details.amount"))),
      ),
      fieldsView(describeFields(risk, KNOWN_RISK_KEYS, WORDING), "extra risk-extra"),
      h("h3", {}, t("details.hits", { n: risk.hitCount })),
      risk.hits.length === 0 ? h("p", { className: "muted" }, t("details.noHits")) : null,
      ...risk.hits.map((hit) => hitView(hit as RiskHit & Record<string, unknown>, () => void refreshRisk(id, section))),
    );
    return section;
  }

  async function refreshRisk(id: string, section: HTMLElement): Promise<void> {
    const mine = generation;
    app.busy += 1;
    try {
      const risk = await api.risk(id);
      if (mine === generation && section.isConnected) section.replaceWith(riskView(id, risk));
    } catch (e) {
      app.fail(e);
    } finally {
      app.busy -= 1;
    }
  }

  async function showEntity(id: string): Promise<void> {
    const mine = ++generation;
    const attrs = app.graph.hasNode(id) ? app.graph.getNodeAttributes(id) : undefined;
    panel.hidden = false;
    panel.replaceChildren(header(attrs?.label ?? id, `${typeName(attrs?.data.type ?? "")} · ${id}`), h("p", { className: "muted" }, t("status.loading")));
    app.busy += 1;
    try {
      const type = attrs?.data.type ?? "";
      const [entity, risk] = await Promise.all([
        id.startsWith("phone:") || id.startsWith("address:") ? Promise.resolve(undefined) : api.entity(id).catch(() => undefined),
        SCORED_TYPES.has(type) ? api.risk(id).catch(() => undefined) : Promise.resolve(undefined),
      ]);
      if (mine !== generation) return;
      render(id, entity, risk);
    } finally {
      app.busy -= 1;
    }
  }

  /** The buttons of a node, from what the canvas knows of it now ("N more" changes as pages come). */
  function actionsFor(id: string, communityId: number | null | undefined): HTMLElement {
    const more = app.graph.hasNode(id) ? (app.graph.getNodeAttribute(id, "more") ?? 0) : 0;
    return h(
      "div",
      { className: "actions", id: "details-actions" },
      h("button", { type: "button", id: "act-expand", onclick: () => void app.expand(id) }, t("details.expand")),
      more > 0 ? h("button", { type: "button", id: "act-more", onclick: () => void app.more(id) }, t("details.more", { n: Math.min(more, 50) })) : null,
      more > 50 ? h("button", { type: "button", id: "act-all", onclick: () => void app.more(id, true) }, t("details.all", { n: more })) : null,
      h("button", { type: "button", id: "act-path-from", onclick: () => app.setPathEnd?.("from", id) }, t("paths.fromHere")),
      h("button", { type: "button", id: "act-path-to", onclick: () => app.setPathEnd?.("to", id) }, t("paths.toHere")),
      communityId !== null && communityId !== undefined ? h("button", { type: "button", id: "act-community", onclick: () => void app.openCommunity(communityId) }, t("details.community")) : null,
      h("button", { type: "button", id: "act-remove", onclick: () => app.remove([id]) }, t("details.remove")),
    );
  }

  /** The node whose details are shown, and its community, for refreshing its buttons. */
  let shown: { id: string; communityId: number | null | undefined } | undefined;
  app.graph.on("nodeAttributesUpdated", ({ key }) => {
    if (!shown || key !== shown.id) return;
    document.getElementById("details-actions")?.replaceWith(actionsFor(shown.id, shown.communityId));
  });

  function render(id: string, entity: EntityDetail | undefined, risk: RiskExplanation | undefined): void {
    const attrs = app.graph.hasNode(id) ? app.graph.getNodeAttributes(id) : undefined;
    const name = entity?.name ?? attrs?.label ?? id;
    shown = { id, communityId: entity?.communityId };
    const actions = actionsFor(id, entity?.communityId);
    panel.replaceChildren(
      ...kids(
      header(`${name}${entity?.labels.includes("Cadre") ? " ★" : ""}`, `${typeName(entity?.type ?? attrs?.data.type ?? "")} · ${id}`),
      actions,
      risk ? riskView(id, risk) : null,
      entity ? h("h3", {}, t("details.properties")) : null,
      entity ? h("div", { id: "properties" }, dl(Object.entries(entity.properties).sort(([a], [b]) => a.localeCompare(b)))) : null,
      entity ? h("h3", {}, t("details.ties")) : null,
      entity ? dl(entity.relationships.map((r) => [typeName(r.type), `→ ${r.out} · ← ${r.in}`])) : null,
      ),
    );
  }

  async function showAlert(id: string): Promise<void> {
    const mine = ++generation;
    shown = undefined;
    panel.hidden = false;
    app.busy += 1;
    try {
      const a = await api.alert(id);
      if (mine !== generation) return;
      panel.replaceChildren(
        ...kids(
        header(a.title, `${a.flag} · ${a.id}`),
        h(
          "div",
          { className: "risk-box" },
          h("div", {}, h("b", {}, String(Math.round(a.score * 100) / 100)), h("span", {}, "weight × confidence")),
          h("div", {}, h("b", {}, a.grade ?? "—"), h("span", {}, t("details.grade"))),
          h("div", {}, h("b", {}, yuan(a.amount)), h("span", {}, t("details.amount"))),
        ),
        a.summary ? h("p", {}, a.summary) : null,
        h("h3", {}, typeName("person")),
        h("ul", {}, ...a.subjects.map((s) => h("li", {}, h("a", { href: "#", onclick: (e: Event) => (e.preventDefault(), void app.open(s.id)) }, `${s.name} (${typeName(s.type)} ${s.id})`)))),
        hitView({ ...a, alertId: a.id, evidence: a.evidence } as unknown as RiskHit & Record<string, unknown>, undefined, ALERT_KEYS),
        ),
      );
      await app.drawEvidence(a.evidence, a.title);
      app.frame(a.evidence.nodes.map((n) => n.id));
    } catch (e) {
      app.fail(e);
    } finally {
      app.busy -= 1;
    }
  }

  function showCommunity(c: CommunityDetail): void {
    ++generation;
    shown = undefined;
    panel.hidden = false;
    panel.replaceChildren(
      header(c.name, `${t("colour.community")} ${c.id} · ${t("networks.members", { n: c.memberCount })}`),
      h(
        "div",
        { className: "risk-box" },
        h("div", {}, h("b", {}, String(Math.round(c.score * 10) / 10)), h("span", {}, t("details.score"))),
        h("div", {}, h("b", {}, c.grade ?? "—"), h("span", {}, t("details.grade"))),
        h("div", {}, h("b", {}, yuan(c.amount)), h("span", {}, t("details.amount"))),
      ),
      dl([
        ["persons", c.persons],
        ["cadres", c.cadres],
        ["companies", c.companies],
        ["modularity", c.modularity],
      ]),
      h("h3", {}, t("networks.members", { n: c.members.length })),
      h("ol", { className: "members" }, ...c.members.slice(0, 60).map((m) => h("li", {}, h("a", { href: "#", onclick: (e: Event) => (e.preventDefault(), app.store.dispatch({ type: "select", node: m.id })) }, `${m.name} · ${typeName(m.type)}${m.riskScore ? ` · ${Math.round(m.riskScore)}` : ""}`)))),
      h("h3", {}, t("details.hits", { n: c.explanation.length })),
      ...c.explanation.slice(0, 30).map((hit) => hitView(hit as RiskHit & Record<string, unknown>)),
    );
  }

  app.onSelect.add((id) => {
    if (id === null) close();
    else void showEntity(id);
  });
  app.showAlert = (id) => void showAlert(id);
  app.showCommunity = showCommunity;
}
