// The baseline page of `npm run bench:ui`: sigma 3 with its default settings drawing a graphology
// graph, nothing else (no reducers, no state, no panels), and graphology's ForceAtlas2 worker.
// The benchmark loads the same graphs into it as into the explorer.
import Graph from "graphology";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import Sigma from "sigma";

interface BenchNode {
  id: string;
  type: string;
  name: string;
  riskScore: number | null;
  x: number;
  y: number;
}

const COLOURS: Record<string, string> = { person: "#3b6fd4", company: "#d9822b", region: "#7a8794", grant: "#e0b000", phone: "#17a2b8" };

const graph = new Graph({ multi: false, type: "directed" });
const sigma = new Sigma(graph, document.getElementById("sigma")!);
let layout: FA2Layout | undefined;
let iterations = 0;
graph.on("eachNodeAttributesUpdated", () => (iterations += 1));

function load(nodes: BenchNode[], edges: { source: string; target: string }[]): void {
  graph.clear();
  for (const n of nodes) graph.addNode(n.id, { x: n.x, y: n.y, label: n.name, size: 4 + Math.sqrt((n.riskScore ?? 0) / 100) * 14, color: COLOURS[n.type] ?? "#999" });
  for (const e of edges) if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target, { size: 1, color: "#ccc" });
}

declare global {
  interface Window {
    bare: unknown;
  }
}

window.bare = {
  graph,
  sigma,
  load,
  layout: {
    get iterations() {
      return iterations;
    },
    start() {
      layout?.kill();
      layout = new FA2Layout(graph, { settings: { barnesHutOptimize: graph.order > 400, scalingRatio: 4, slowDown: 3 } });
      layout.start();
    },
    stop() {
      layout?.kill();
      layout = undefined;
    },
  },
};
