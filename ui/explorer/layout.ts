// Layouts as plain data ({id, parameters, settings}) and the controller that runs ForceAtlas2 in
// its web worker (graphology-layout-forceatlas2/worker), so the page never blocks on it. A run
// started after an expansion stops by itself after a fixed number of iterations, so the same
// graph settles the same way; the user's start runs until stopped. The controller counts
// iterations (each is one position update from the worker), which the benchmark reads.
import FA2Layout from "graphology-layout-forceatlas2/worker";
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import type { ExplorerGraph } from "./graph.ts";

export interface LayoutSpec {
  id: string;
  parameters: ForceAtlas2Settings;
  /** The parameters for a graph of this size (Barnes-Hut beyond a few hundred nodes, as FA2 advises). */
  settings(order: number): ForceAtlas2Settings;
}

export const FORCE_ATLAS_2: LayoutSpec = {
  id: "forceAtlas2",
  parameters: { gravity: 1, scalingRatio: 4, slowDown: 3, strongGravityMode: false, linLogMode: false, adjustSizes: false, edgeWeightInfluence: 1, barnesHutTheta: 0.6 },
  settings(order) {
    return { ...this.parameters, barnesHutOptimize: order > 400, slowDown: this.parameters.slowDown! * (1 + Math.log10(Math.max(order, 1)) / 2) };
  },
};

export class LayoutController {
  /** Iterations since the page opened. */
  iterations = 0;
  private supervisor: FA2Layout | undefined;
  private stopAt = Infinity;
  private readonly listeners = new Set<(running: boolean) => void>();

  constructor(
    private readonly graph: ExplorerGraph,
    private readonly spec: LayoutSpec = FORCE_ATLAS_2,
  ) {
    graph.on("eachNodeAttributesUpdated", () => {
      if (!this.running) return;
      this.iterations += 1;
      if (this.iterations >= this.stopAt) this.stop();
    });
  }

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  onChange(listener: (running: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the layout; with `iterations`, it stops after that many. */
  start(iterations?: number): void {
    if (this.graph.order < 2) return;
    this.stopAt = iterations === undefined ? Infinity : this.iterations + iterations;
    if (this.running) return;
    // A fresh supervisor takes the settings for the graph's present size.
    this.supervisor?.kill();
    this.supervisor = new FA2Layout(this.graph, {
      settings: this.spec.settings(this.graph.order),
      getEdgeWeight: (_edge, attrs) => (attrs as { ties: unknown[] }).ties.length,
    });
    this.supervisor.start();
    this.emit();
  }

  stop(): void {
    if (!this.running) return;
    this.supervisor?.stop();
    this.emit();
  }

  toggle(): void {
    if (this.running) this.stop();
    else this.start();
  }

  kill(): void {
    this.supervisor?.kill();
    this.supervisor = undefined;
  }

  private emit(): void {
    for (const l of this.listeners) l(this.running);
  }
}
