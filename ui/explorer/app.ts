// What the panels share: the model, the state store, the renderer, the layout, and the actions
// that change the canvas (open, expand, "N more", community, evidence), so every panel adds to the
// graph the same way. Large answers go in chunks, one per frame, so the page never freezes.
import type Sigma from "sigma";
import { type AlertDetail, api, ApiError, type Node } from "../shared/api.ts";
import { t } from "../shared/i18n.ts";
import { chunks, dropNodes, type EdgeAttrs, type ExplorerGraph, type GraphPiece, markTruncation, type MergeResult, mergePiece, nodeFromRef, type NodeAttrs } from "./graph.ts";
import type { LayoutController } from "./layout.ts";
import type { Highlight, Store } from "./state.ts";

/** Neighbours fetched per expansion, and per page of "N more". */
export const PER_NODE = 50;
/** The API's largest page (GET /entities/:id/neighbourhood perNode). */
export const PAGE_MAX = 500;
/** Nodes added per frame. */
export const CHUNK = 250;
/** Layout iterations run after the canvas grows (then it stops, so the same graph settles the same way). */
export const SETTLE_ITERATIONS = 120;

export interface Evidence {
  nodes: readonly { id: string; type: string; name: string }[];
  relationships: readonly { id: string; type: string; source: string; target: string; label: string }[];
}

export interface App {
  graph: ExplorerGraph;
  store: Store;
  sigma: Sigma<NodeAttrs, EdgeAttrs>;
  layout: LayoutController;
  status(text: string, error?: boolean): void;
  fail(error: unknown): void;
  /** Adds an answer to the canvas in chunks; settles the layout. */
  addPiece(piece: GraphPiece, anchor?: string, options?: { partial?: boolean; settle?: boolean }): Promise<MergeResult>;
  /** Puts an entity on the canvas with its neighbourhood, selects it and makes it the focus. */
  open(id: string): Promise<void>;
  expand(id: string): Promise<void>;
  /** The next page of a node's ties ("N more"), or all of them. */
  more(id: string, all?: boolean): Promise<void>;
  remove(ids: string[]): void;
  openCommunity(id: number | string): Promise<void>;
  drawEvidence(evidence: Evidence, label: string, kind?: Highlight["kind"]): Promise<void>;
  /** Moves the camera to show these nodes. */
  frame(ids: readonly string[]): void;
  /** Panels register what to show for a node or an alert. */
  onSelect: Set<(id: string | null) => void>;
  /** Panels that show an alert's status hear of a triage. */
  onTriaged: Set<(alert: AlertDetail) => void>;
  showAlert?: (id: string) => void;
  showCommunity?: (c: Awaited<ReturnType<typeof api.community>>) => void;
  setPathEnd?: (end: "from" | "to", id: string) => void;
  /** Counts of work in flight (the e2e tests wait for 0). */
  busy: number;
  /** A change of the view not yet written into the URL (the e2e tests wait for false). */
  urlPending: boolean;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function createApp(parts: Pick<App, "graph" | "store" | "sigma" | "layout" | "status">): App {
  const { graph, store, layout } = parts;
  const app: App = {
    ...parts,
    busy: 0,
    urlPending: false,
    onSelect: new Set(),
    onTriaged: new Set(),
    fail(error) {
      if ((error as Error).name === "AbortError") return;
      const text = error instanceof ApiError ? error.describe() : (error as Error).message;
      parts.status(`${t("error.prefix")}${text}`, true);
    },

    async addPiece(piece, anchor, options = {}) {
      const total: MergeResult = { addedNodes: [], addedTies: 0 };
      const parts = chunks(piece, CHUNK);
      for (const [i, part] of parts.entries()) {
        const r = mergePiece(graph, part, anchor, options.partial ?? false);
        total.addedNodes.push(...r.addedNodes);
        total.addedTies += r.addedTies;
        // Let the browser draw between chunks.
        if (i < parts.length - 1) await nextFrame();
      }
      if ((options.settle ?? true) && total.addedNodes.length > 0) layout.start(SETTLE_ITERATIONS);
      return total;
    },

    async open(id) {
      app.busy += 1;
      try {
        if (id.startsWith("community:")) return await app.openCommunity(id.slice("community:".length));
        if (!graph.hasNode(id)) {
          const { nodes } = await api.subgraph([id]);
          if (nodes.length === 0) throw new Error(`no entity ${id}`);
          await app.addPiece({ nodes, edges: [] }, undefined, { settle: false });
        }
        store.dispatch({ type: "focus", node: id });
        store.dispatch({ type: "select", node: id });
        if (!graph.getNodeAttribute(id, "expanded")) await app.expand(id);
        app.frame([id, ...graph.neighbors(id)]);
      } catch (e) {
        app.fail(e);
      } finally {
        app.busy -= 1;
      }
    },

    async expand(id) {
      app.busy += 1;
      try {
        parts.status(t("status.loading"));
        const answer = await api.neighbourhood(id, { depth: 1, perNode: PER_NODE, limit: PER_NODE + 1 });
        const r = await app.addPiece(answer, id);
        markTruncation(graph, id, answer.truncated);
        parts.status(t("status.expanded", { name: graph.getNodeAttribute(id, "label"), n: r.addedNodes.length }));
      } catch (e) {
        app.fail(e);
      } finally {
        app.busy -= 1;
      }
    },

    async more(id, all = false) {
      if (!graph.hasNode(id)) return;
      app.busy += 1;
      try {
        let offset = graph.getNodeAttribute(id, "nextOffset");
        if (offset === undefined) return await app.expand(id);
        let added = 0;
        do {
          const perNode = all ? PAGE_MAX : PER_NODE;
          const answer = await api.neighbourhood(id, { depth: 1, perNode, limit: perNode + 1, offset });
          const r = await app.addPiece(answer, id, { settle: false });
          added += r.addedNodes.length;
          markTruncation(graph, id, answer.truncated);
          offset = graph.getNodeAttribute(id, "nextOffset");
          parts.status(t("status.expanded", { name: graph.getNodeAttribute(id, "label"), n: added }));
        } while (all && offset !== undefined);
        layout.start(SETTLE_ITERATIONS);
      } catch (e) {
        app.fail(e);
      } finally {
        app.busy -= 1;
      }
    },

    remove(ids) {
      store.dispatch({ type: "forget", nodes: ids });
      dropNodes(graph, ids);
    },

    async openCommunity(id) {
      app.busy += 1;
      try {
        parts.status(t("status.loading"));
        const c = await api.community(id);
        await app.addPiece(c.subgraph);
        const members = c.members.map((m: Node) => m.id);
        store.dispatch({ type: "highlight", highlight: { label: c.name, kind: "community", nodes: members, ties: c.subgraph.edges.map((e) => e.id) } });
        app.frame(members);
        app.showCommunity?.(c);
      } catch (e) {
        app.fail(e);
      } finally {
        app.busy -= 1;
      }
    },

    async drawEvidence(evidence, label, kind = "evidence") {
      await app.addPiece(
        { nodes: evidence.nodes.map(nodeFromRef), edges: evidence.relationships.map((r) => ({ ...r, properties: {} })) },
        store.get().selected ?? undefined,
        { partial: true },
      );
      store.dispatch({ type: "highlight", highlight: { label, kind, nodes: evidence.nodes.map((n) => n.id), ties: evidence.relationships.map((r) => r.id) } });
    },

    frame(ids) {
      frameNow(ids);
      // The layout moves the nodes (and sigma rescales the view to them): frame again once it settles.
      if (layout.running) {
        const off = layout.onChange((running) => {
          if (running) return;
          off();
          frameNow(ids);
        });
      }
    },
  };

  function frameNow(ids: readonly string[]): void {
    const present = ids.filter((id) => graph.hasNode(id));
    if (present.length === 0) return;
    const sigma = parts.sigma;
    // Display data are those of the last render: a render still scheduled (the layout's last
    // positions, which also change sigma's normalisation) would move every node after the camera
    // aimed. Render now, then aim.
    sigma.refresh();
    if (present.length === 1) {
      const d = sigma.getNodeDisplayData(present[0]!);
      if (d) void sigma.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(sigma.getCamera().ratio, 0.2) }, { duration: 300 });
      return;
    }
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const id of present) {
      const d = sigma.getNodeDisplayData(id);
      if (!d) continue;
      x0 = Math.min(x0, d.x);
      y0 = Math.min(y0, d.y);
      x1 = Math.max(x1, d.x);
      y1 = Math.max(y1, d.y);
    }
    if (!Number.isFinite(x0)) return;
    const ratio = Math.min(1.2, Math.max(0.05, Math.max(x1 - x0, y1 - y0) * 1.3));
    void sigma.getCamera().animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: 300 });
  }
  return app;
}
