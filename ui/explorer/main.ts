// The investigator explorer at /: wires the graphology model, the state store, the sigma renderer
// (drawing through the pure reducers), ForceAtlas2 in its worker, the panels, the toolbar, the
// keyboard, the URL (the view is kept in the hash, so a link reopens it) and the sign-in.
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { EdgeArrowProgram, EdgeRectangleProgram } from "sigma/rendering";
import { api, ApiError, session, type SessionInfo } from "../shared/api.ts";
import { $, h, saveFile } from "../shared/dom.ts";
import { applyI18n, currentLang, onLangChange, setLang, t } from "../shared/i18n.ts";
import { createApp, SETTLE_ITERATIONS } from "./app.ts";
import { toCsv, toGexf } from "./export.ts";
import { createGraph, type EdgeAttrs, type NodeAttrs } from "./graph.ts";
import { snapshot } from "./image.ts";
import { LayoutController } from "./layout.ts";
import { mountDetails } from "./panels/details.ts";
import { mountFilters } from "./panels/filters.ts";
import { mountHelp } from "./panels/help.ts";
import { mountLists } from "./panels/lists.ts";
import { mountPaths } from "./panels/paths.ts";
import { mountQueries } from "./panels/queries.ts";
import { mountSearch } from "./panels/search.ts";
import { edgeReducer, nodeReducer, type ReducerContext, reducerContext } from "./reducers.ts";
import { createStore, INITIAL_STATE } from "./state.ts";
import { fromHash, toHash, type UrlView } from "./url.ts";

const graph = createGraph();
const store = createStore(INITIAL_STATE);
let ctx: ReducerContext = reducerContext(store.get(), graph);

const sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, $("sigma"), {
  renderEdgeLabels: true,
  defaultEdgeType: "arrow",
  // The programs are typed for any attributes; ours are a narrower kind of the same.
  edgeProgramClasses: { arrow: EdgeArrowProgram, line: EdgeRectangleProgram } as unknown as Settings<NodeAttrs, EdgeAttrs>["edgeProgramClasses"],
  labelFont: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  edgeLabelFont: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  labelSize: 13,
  edgeLabelSize: 11,
  labelRenderedSizeThreshold: 5,
  zIndex: true,
  // A busy machine can hold the second click back: a generous double-click window.
  doubleClickTimeout: 500,
  minCameraRatio: 0.02,
  maxCameraRatio: 20,
  nodeReducer: (node, attrs) => nodeReducer(ctx, node, attrs),
  edgeReducer: (edge, attrs) => edgeReducer(ctx, edge, attrs),
});
const layout = new LayoutController(graph);

function status(text: string, error = false): void {
  const el = $("status");
  el.textContent = text;
  el.className = error ? "error" : "";
}

const app = createApp({ graph, store, sigma, layout, status });

function counts(): void {
  $("empty").hidden = graph.order > 0;
  if (!$("status").classList.contains("error")) status(t("status.counts", { nodes: graph.order, edges: graph.size }));
}

// State → picture: the reducers read the new context; hover only needs the node programs redrawn.
store.subscribe((s, prev) => {
  ctx = reducerContext(s, graph);
  const hoverOnly = s.hovered !== prev.hovered && s.filters === prev.filters && s.highlight === prev.highlight && s.colourBy === prev.colourBy && s.selected === prev.selected;
  sigma.refresh(hoverOnly ? { skipIndexation: true, schedule: true } : { schedule: true });
  if (s.selected !== prev.selected) for (const l of app.onSelect) l(s.selected);
  if (s.highlight !== prev.highlight && s.highlight) status(t("status.highlight", { label: s.highlight.label }));
  saveViewSoon();
});
graph.on("nodeAdded", () => counts());
graph.on("nodeDropped", () => counts());
graph.on("edgeAdded", () => counts());
graph.on("cleared", () => counts());
graph.on("nodeAdded", () => saveViewSoon());
graph.on("nodeDropped", () => saveViewSoon());
// A node's data changes ("N more") change its label.
graph.on("nodeAttributesUpdated", () => {
  ctx = reducerContext(store.get(), graph);
});

sigma.on("clickNode", ({ node }) => store.dispatch({ type: "select", node }));
sigma.on("doubleClickNode", (e) => {
  e.preventSigmaDefault();
  const a = graph.getNodeAttributes(e.node);
  void (a.expanded && (a.more ?? 0) > 0 ? app.more(e.node) : app.expand(e.node));
});
sigma.on("enterNode", ({ node }) => store.dispatch({ type: "hover", node }));
sigma.on("leaveNode", () => store.dispatch({ type: "hover", node: null }));
sigma.on("clickStage", () => {
  if (store.get().highlight) store.dispatch({ type: "highlight", highlight: null });
  else store.dispatch({ type: "select", node: null });
});
sigma.getCamera().on("updated", () => saveViewSoon());

// The view in the URL.
let viewTimer: ReturnType<typeof setTimeout> | undefined;
let restoring = false;
function currentView(): UrlView {
  const s = store.get();
  const cam = sigma.getCamera().getState();
  return { nodes: graph.nodes(), focus: s.focus, selected: s.selected, colourBy: s.colourBy, filters: s.filters, camera: graph.order > 0 ? { x: cam.x, y: cam.y, ratio: cam.ratio } : null };
}
/** Writes the view into the URL once changes pause. */
function saveViewSoon(): void {
  if (restoring) return;
  app.urlPending = true;
  clearTimeout(viewTimer);
  viewTimer = setTimeout(() => {
    app.urlPending = false;
    history.replaceState(null, "", `${location.pathname}${location.search}${toHash(currentView())}`);
  }, 250);
}
async function restoreView(hash: string): Promise<void> {
  const view = fromHash(hash);
  restoring = true;
  app.busy += 1;
  try {
    store.dispatch({ type: "restore", state: { colourBy: view.colourBy, filters: view.filters, focus: view.focus } });
    if (view.nodes.length > 0) {
      const piece = await api.subgraph(view.nodes);
      await app.addPiece(piece, undefined, { settle: false });
      layout.start(SETTLE_ITERATIONS);
      await new Promise<void>((resolve) => {
        const stop = layout.onChange((running) => {
          if (!running) {
            stop();
            resolve();
          }
        });
        if (!layout.running) resolve();
      });
    }
    if (view.camera) sigma.getCamera().setState(view.camera);
    if (view.selected && graph.hasNode(view.selected)) store.dispatch({ type: "select", node: view.selected });
  } catch (e) {
    app.fail(e);
  } finally {
    restoring = false;
    app.busy -= 1;
    saveViewSoon();
  }
}

// Panels.
function showTab(tab: string): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>("#tabs button")) b.setAttribute("aria-selected", String(b.dataset.tab === tab));
  for (const s of document.querySelectorAll<HTMLElement>("#side > section")) s.hidden = s.id !== `tab-${tab}`;
}
for (const b of document.querySelectorAll<HTMLButtonElement>("#tabs button")) b.addEventListener("click", () => showTab(b.dataset.tab!));
showTab("leads");
mountSearch(app);
mountDetails(app);
const lists = mountLists(app);
mountPaths(app, showTab);
const queries = mountQueries(app);
const filters = mountFilters(app);
const help = mountHelp();

// Toolbar.
const layoutButton = $<HTMLButtonElement>("layout-toggle");
const layoutLabel = (running: boolean) => {
  layoutButton.dataset.i18n = running ? "tool.layoutStop" : "tool.layoutStart";
  layoutButton.textContent = t(running ? "tool.layoutStop" : "tool.layoutStart");
};
layout.onChange(layoutLabel);
layoutButton.addEventListener("click", () => layout.toggle());
const fit = () => void sigma.getCamera().animatedReset({ duration: 300 });
$("fit").addEventListener("click", fit);
$("zoom-in").addEventListener("click", () => void sigma.getCamera().animatedZoom({ duration: 200 }));
$("zoom-out").addEventListener("click", () => void sigma.getCamera().animatedUnzoom({ duration: 200 }));
const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
$("export-png").addEventListener("click", async () => {
  try {
    saveFile(await snapshot(sigma), `explorer-${stamp()}.png`);
  } catch (e) {
    app.fail(e);
  }
  ($("export-menu") as HTMLDetailsElement).open = false;
});
$("export-gexf").addEventListener("click", () => {
  saveFile(toGexf(graph, store.get()), `explorer-${stamp()}.gexf`, "application/gexf+xml;charset=utf-8");
  ($("export-menu") as HTMLDetailsElement).open = false;
});
$("export-csv").addEventListener("click", () => {
  const { nodes, edges } = toCsv(graph, store.get());
  saveFile(nodes, `explorer-${stamp()}-nodes.csv`, "text/csv;charset=utf-8");
  saveFile(edges, `explorer-${stamp()}-edges.csv`, "text/csv;charset=utf-8");
  ($("export-menu") as HTMLDetailsElement).open = false;
});
$("clear").addEventListener("click", () => {
  layout.stop();
  store.dispatch({ type: "forget", nodes: graph.nodes() });
  store.dispatch({ type: "highlight", highlight: null });
  graph.clear();
  counts();
});
$("lang").addEventListener("click", () => setLang(currentLang() === "zh" ? "en" : "zh"));
onLangChange(() => {
  filters.render();
  layoutLabel(layout.running);
  help.render();
  counts();
  void queries.load();
  const selected = store.get().selected;
  if (selected) for (const l of app.onSelect) l(selected);
});

// Keyboard (not while typing in a field).
const typing = (e: KeyboardEvent) => {
  const el = e.target as HTMLElement;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
};
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") {
    if (!$("help").hidden) return help.close();
    if (store.get().highlight) return store.dispatch({ type: "highlight", highlight: null });
    return store.dispatch({ type: "select", node: null });
  }
  if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
  const selected = store.get().selected;
  const keys: Record<string, () => void> = {
    "/": () => $("search").focus(),
    "?": () => help.open(),
    f: fit,
    l: () => layout.toggle(),
    "+": () => void sigma.getCamera().animatedZoom({ duration: 200 }),
    "=": () => void sigma.getCamera().animatedZoom({ duration: 200 }),
    "-": () => void sigma.getCamera().animatedUnzoom({ duration: 200 }),
    "1": () => store.dispatch({ type: "colourBy", by: "type" }),
    "2": () => store.dispatch({ type: "colourBy", by: "community" }),
    "3": () => store.dispatch({ type: "colourBy", by: "risk" }),
    e: () => selected && void app.expand(selected),
    m: () => selected && void app.more(selected),
    M: () => selected && void app.more(selected, true),
    Delete: () => selected && app.remove([selected]),
    Backspace: () => selected && app.remove([selected]),
  };
  const action = keys[e.key];
  if (action) {
    e.preventDefault();
    action();
  }
});

// Sign-in: a browser session (ui/shared/api.ts), resumed after a reload, else the log-in form.
function showSignedIn(info: SessionInfo): void {
  $("who").replaceChildren(
    h("span", { title: t("login.signedIn", { name: info.name, role: info.role }) }, info.role),
    h("button", { type: "button", id: "sign-out", onclick: () => void signOut() }, t("login.signOut")),
  );
  $("login").hidden = true;
}
function showLogin(error = ""): void {
  $("who").replaceChildren();
  $("login").hidden = false;
  $("login-error").textContent = error;
  $("api-key").focus();
}
async function signOut(): Promise<void> {
  try {
    await session.logOut();
  } finally {
    // A fresh page: nothing of the last user's graph stays on screen.
    location.reload();
  }
}
async function load(): Promise<void> {
  lists.loadAll();
  void queries.load();
  if (location.hash.length > 1) await restoreView(location.hash);
  counts();
}
async function start(): Promise<void> {
  let info: SessionInfo | undefined;
  try {
    info = await session.resume();
  } catch (e) {
    return showLogin(e instanceof ApiError ? e.describe() : String(e));
  }
  if (!info) return showLogin();
  showSignedIn(info);
  await load();
}
$("login-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const input = $<HTMLInputElement>("api-key");
  session.logIn(input.value).then(
    async (info) => {
      input.value = "";
      showSignedIn(info);
      await load();
    },
    (error: unknown) => showLogin(error instanceof ApiError ? error.describe() : String(error)),
  );
});
session.onLoggedOut(() => showLogin(t("login.expired")));

applyI18n();
counts();
void start();

/** For the end-to-end tests and the benchmark: the running explorer's parts. */
declare global {
  interface Window {
    explorer: typeof app;
  }
}
window.explorer = app;
