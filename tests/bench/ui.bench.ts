// `npm run bench:ui -- [--frames 40] [--samples 30] [--skip-county]` (the county steps, 3, left out): the explorer in headless
// Chromium (Debian's, SwiftShader: no GPU) next to a bare sigma page in the same run.
//  1. Render time while panning and zooming at 1k/3k, 10k/30k and 30k/100k nodes/ties: each frame
//     moves the camera, renders in full and waits for the GPU (a pixel read), so a frame is
//     counted as drawn; the same seeded graph and positions in both pages. Frame rate = 1000 / mean.
//  2. ForceAtlas2 iterations per second in its worker, both pages, at 1k/3k and 10k/30k.
//  3. County scale (the analysis bench's database, DATA_DIR/bench-county): time from a double-click
//     on a node to its neighbourhood drawn (p50, p95), and a 5,000-tie node expanded in full
//     ("Show all"), its worst frame (rAF gaps) beside bare sigma adding the same answer at once.
// Prints Markdown tables with the machine and the load average for BENCHMARKS.md.
import express from "express";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { pino } from "pino";
import type { Page } from "playwright-core";
import { build } from "vite";
import { recoverInterruptedRuns, runAnalysis } from "../../services/analytics/run.ts";
import { createApp } from "../../services/api/app.ts";
import { ensureUiBuilt } from "../../services/cli/build-ui.mjs";
import { config } from "../../services/config/index.ts";
import { launchChromium } from "../support/browser.ts";
import { closeServer, listenLocally } from "../support/http.ts";
import { benchDatabase } from "./bench-database.ts";
import { machine } from "./machine.ts";
import { markdownTable } from "./markdown.ts";
import { benchGraph } from "./ui-graphs.ts";

const { values } = parseArgs({
  options: {
    frames: { type: "string", default: "40" },
    samples: { type: "string", default: "30" },
    "skip-county": { type: "boolean", default: false },
  },
});
const FRAMES = Number(values.frames);
const SAMPLES = Number(values.samples);
const SIZES: [number, number][] = [
  [1_000, 3_000],
  [10_000, 30_000],
  [30_000, 100_000],
];
const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line: string) => console.error(line);
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(" / ");
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const r1 = (x: number) => Math.round(x * 10) / 10;

/** In the page: render `frames` full frames while the camera pans and zooms; milliseconds each. */
const RENDER_FRAMES = `async (renderer, frames) => {
  const cam = renderer.getCamera();
  const canvas = renderer.getCanvases().nodes;
  const gl = canvas.getContext("webgl2") || canvas.getContext("webgl");
  const px = new Uint8Array(4);
  const frame = (i) => {
    cam.setState({ x: 0.5 + 0.2 * Math.sin(i * 0.7), y: 0.5 + 0.2 * Math.cos(i * 0.5), ratio: 0.3 + 0.8 * Math.abs(Math.sin(i * 0.3)), angle: 0 });
    renderer.render();
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
  };
  for (let i = 0; i < 3; i++) frame(i);
  const times = [];
  for (let i = 0; i < frames; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const t0 = performance.now();
    frame(i + 3);
    times.push(performance.now() - t0);
  }
  return times;
}`;

async function loadExplorer(page: Page, g: ReturnType<typeof benchGraph>): Promise<void> {
  await page.evaluate(
    `(async (g) => {
      const ex = window.explorer;
      ex.layout.stop();
      ex.store.dispatch({ type: "highlight", highlight: null });
      ex.store.dispatch({ type: "select", node: null });
      ex.graph.clear();
      await ex.addPiece(g, undefined, { settle: false });
      const at = new Map(g.nodes.map((n) => [n.id, n]));
      ex.graph.updateEachNodeAttributes((id, a) => ({ ...a, x: at.get(id).x, y: at.get(id).y }));
      ex.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      ex.sigma.refresh();
    })(${JSON.stringify(g)})`,
  );
}

async function loadBare(page: Page, g: ReturnType<typeof benchGraph>): Promise<void> {
  await page.evaluate(`(() => { window.bare.layout.stop(); window.bare.load(${JSON.stringify(g.nodes)}, ${JSON.stringify(g.edges)}); window.bare.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }); window.bare.sigma.refresh(); })()`);
}

async function fa2Rate(page: Page, who: "explorer" | "bare", seconds = 5): Promise<number> {
  return page.evaluate(
    `(async () => {
      const l = window.${who}.layout;
      const start = l.iterations;
      const t0 = performance.now();
      l.start();
      await new Promise((r) => setTimeout(r, ${seconds * 1000}));
      const n = l.iterations - start;
      const s = (performance.now() - t0) / 1000;
      l.stop();
      return n / s;
    })()`,
  ) as Promise<number>;
}

/** Serves the built bare page. */
async function bareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = path.join(config().dataDir, "bench-ui-bare");
  await build({ root: path.join(here, "ui"), logLevel: "warn", build: { outDir, emptyOutDir: true, target: "es2022" } });
  const app = express();
  app.use(express.static(outDir));
  const { server, url } = await listenLocally(app);
  return { url, close: () => closeServer(server) };
}

ensureUiBuilt();
const loadBefore = load();
log(`Load average before: ${loadBefore}`);
const browser = await launchChromium();
const bare = await bareServer();
const county = await benchDatabase({ scale: "county", reuse: false }, log);
if (!county.analysed) {
  await recoverInterruptedRuns(county.graph);
  log("Analysing the county (scores, communities) first…");
  await runAnalysis(county.graph);
}
const db = values["skip-county"] ? undefined : county;
// The explorer over the county database (the synthetic graphs are loaded into it directly).
const app = createApp({ graph: county.graph, logger: pino({ level: "silent" }) });
const { key } = await app.keys.create("bench:ui", "investigator");
const api = await listenLocally(app);
try {
  const { page: ex, errors } = await browser.newPage();
  const { page: bp } = await browser.newPage();
  for (const p of [ex, bp]) {
    await p.setViewportSize({ width: 1280, height: 800 });
    p.setDefaultTimeout(600_000);
  }
  await ex.goto(`${api.url}/`);
  await ex.fill("#api-key", key);
  await ex.press("#api-key", "Enter");
  await ex.waitForSelector("#login[hidden]", { state: "attached" });
  await bp.goto(`${bare.url}/`);
  await bp.waitForFunction("window.bare !== undefined");

  // 1 and 2: the synthetic graphs.
  const frameRows: (string | number)[][] = [];
  const fa2Rows: (string | number)[][] = [];
  for (const [n, m] of SIZES) {
    const g = benchGraph(n, m);
    log(`${n.toLocaleString("en-US")} nodes / ${m.toLocaleString("en-US")} ties: loading…`);
    await loadExplorer(ex, g);
    await loadBare(bp, g);
    const frames = Math.max(8, Math.round((FRAMES * 1000) / n));
    const exTimes = (await ex.evaluate(`(${RENDER_FRAMES})(window.explorer.sigma, ${frames})`)) as number[];
    const bareTimes = (await bp.evaluate(`(${RENDER_FRAMES})(window.bare.sigma, ${frames})`)) as number[];
    const fpsEx = 1000 / mean(exTimes);
    const fpsBare = 1000 / mean(bareTimes);
    frameRows.push([`${n / 1000}k / ${m / 1000}k`, frames, r1(mean(bareTimes)), r1(pct(bareTimes, 95)), r1(fpsBare), r1(mean(exTimes)), r1(pct(exTimes, 95)), r1(fpsEx), `${Math.round((100 * fpsEx) / fpsBare)} %`]);
    log(`  render ms: bare ${r1(mean(bareTimes))}, explorer ${r1(mean(exTimes))}`);
    if (n <= 10_000) {
      const itEx = await fa2Rate(ex, "explorer");
      const itBare = await fa2Rate(bp, "bare");
      fa2Rows.push([`${n / 1000}k / ${m / 1000}k`, r1(itBare), r1(itEx), `${Math.round((100 * itEx) / itBare)} %`]);
      log(`  FA2 it/s: bare ${r1(itBare)}, explorer ${r1(itEx)}`);
    }
  }
  await loadBare(bp, { nodes: [], edges: [] });
  await ex.evaluate("window.explorer.graph.clear()");

  let countyRows: (string | number)[][] = [];
  let bigRows: (string | number)[][] = [];
  if (db) {
    // 3a: click-to-drawn. Start nodes: persons spread over the ranking; each sample double-clicks a
    // person or company next to one, not yet expanded.
    const starts = await db.graph.read<{ id: string }>(
      "MATCH (p:Person) WHERE p.riskScore IS NOT NULL AND COUNT { (p)--() } >= 3 WITH p ORDER BY p.id SKIP 1000 LIMIT 20000 WITH collect(p.id) AS ids RETURN [i IN range(0, $n - 1) | ids[i * 397 % size(ids)]] AS id",
      { n: SAMPLES },
    );
    const ids = (starts[0]?.id as unknown as string[]) ?? [];
    const clicks: number[] = [];
    const added: number[] = [];
    for (const id of ids) {
      const target = await ex.evaluate(
        `(async (id) => {
          const ex = window.explorer;
          ex.layout.stop();
          ex.graph.clear();
          await ex.open(id);
          ex.layout.stop();
          const next = ex.graph.neighbors(id).find((n) => !ex.graph.getNodeAttribute(n, "expanded") && ["person", "company"].includes(ex.graph.getNodeAttribute(n, "data").type));
          if (!next) return null;
          ex.frame([next]);
          while (ex.sigma.getCamera().isAnimated()) await new Promise((r) => setTimeout(r, 20));
          const s = ex.sigma;
          const p = s.framedGraphToViewport(s.getNodeDisplayData(next));
          const rect = s.getContainer().getBoundingClientRect();
          const before = ex.graph.order;
          window.__drawn = new Promise((resolve) => {
            let t0 = 0;
            s.getContainer().addEventListener("dblclick", () => (t0 = performance.now()), { once: true, capture: true });
            const check = () => {
              if (t0 && ex.graph.getNodeAttribute(next, "expanded") && ex.busy === 0) s.once("afterRender", () => resolve({ ms: performance.now() - t0, added: ex.graph.order - before }));
              else setTimeout(check, 2);
            };
            check();
          });
          return { x: p.x + rect.left, y: p.y + rect.top };
        })(${JSON.stringify(id)})`,
      );
      if (!target) continue;
      const { x, y } = target as { x: number; y: number };
      await ex.mouse.dblclick(x, y);
      const r = (await ex.evaluate("window.__drawn")) as { ms: number; added: number };
      clicks.push(r.ms);
      added.push(r.added);
    }
    await ex.evaluate("window.explorer.layout.stop()");
    log(`  click to drawn: ${clicks.length} samples, p50 ${r1(pct(clicks, 50))} ms`);
    countyRows = [[clicks.length, r1(mean(added)), r1(pct(clicks, 50)), r1(pct(clicks, 95)), r1(Math.max(...clicks))]];

    // 3b: a node with at least 5,000 ties, expanded in full.
    const [hub] = await db.graph.read<{ id: string; ties: number }>(
      "MATCH (n:Entity) WHERE n:Region OR n:Program OR n:Company WITH n, COUNT { (n)--(m) WHERE m:Entity OR m:Phone OR m:Address } AS ties WHERE ties >= 5000 RETURN n.id AS id, ties ORDER BY ties ASC, id LIMIT 1",
    );
    if (hub) {
      log(`Expanding ${hub.id} (${hub.ties} ties) in full…`);
      const big = (await ex.evaluate(
        `(async (id) => {
          const ex = window.explorer;
          ex.graph.clear();
          await ex.open(id);
          ex.layout.stop();
          const deltas = [];
          let last = performance.now();
          let running = true;
          const loop = (t) => { deltas.push(t - last); last = t; if (running) requestAnimationFrame(loop); };
          requestAnimationFrame(loop);
          const t0 = performance.now();
          await ex.more(id, true);
          await new Promise((r) => ex.sigma.once("afterRender", r));
          const expandMs = performance.now() - t0;
          const duringExpansion = deltas.length;
          // Then two seconds with the layout settling in its worker.
          await new Promise((r) => setTimeout(r, 2000));
          running = false;
          ex.layout.stop();
          const during = deltas.slice(1, duringExpansion);
          const after = deltas.slice(duringExpansion);
          return { nodes: ex.graph.order, ties: ex.graph.size, expandMs, worst: Math.max(...during), over: during.filter((d) => d > 200).length, frames: during.length, worstSettling: Math.max(...after), overSettling: after.filter((d) => d > 200).length };
        })(${JSON.stringify(hub.id)})`,
      )) as { nodes: number; ties: number; expandMs: number; worst: number; over: number; frames: number; worstSettling: number; overSettling: number };
      // Bare sigma given the same answer in one go.
      const answer = await ex.evaluate(`(() => { const g = window.explorer.graph; return { nodes: g.mapNodes((id, a) => ({ id, type: a.data.type, name: a.data.name, riskScore: a.data.riskScore, x: a.x, y: a.y })), edges: g.mapEdges((e, a, s, t) => ({ source: s, target: t })) }; })()`);
      const bareBig = (await bp.evaluate(
        `(async (g) => {
          const deltas = [];
          let last = performance.now();
          let running = true;
          const loop = (t) => { deltas.push(t - last); last = t; if (running) requestAnimationFrame(loop); };
          requestAnimationFrame(loop);
          await new Promise((r) => setTimeout(r, 50));
          window.bare.load(g.nodes, g.edges);
          await new Promise((r) => window.bare.sigma.once("afterRender", r));
          await new Promise((r) => setTimeout(r, 300));
          running = false;
          const d = deltas.slice(1);
          return { worst: Math.max(...d), over: d.filter((x) => x > 200).length };
        })(${JSON.stringify(answer)})`,
      )) as { worst: number; over: number };
      bigRows = [
        [`explorer (${big.nodes.toLocaleString("en-US")} nodes, ${big.ties.toLocaleString("en-US")} edges; pages of 500, 250 nodes a frame)`, Math.round(big.expandMs), big.frames, Math.round(big.worst), big.over, Math.round(big.worstSettling), big.overSettling],
        ["bare sigma, the same graph added at once", "", "", Math.round(bareBig.worst), bareBig.over, "", ""],
      ];
    } else log("No node with 5,000 ties in the county database.");
  }
  if (errors.length) log(`page errors: ${errors.join("; ")}`);

  console.log(`\n### Explorer (\`npm run bench:ui\`)\n\n${machine()}; Chromium ${browser.context.browser()?.version() ?? "?"} headless, SwiftShader (no GPU), 1280×800. Load average before ${loadBefore}, after ${load()}.\n`);
  console.log("Render time per full frame while panning and zooming (camera moved, rendered, GPU waited for); frames/s = 1000 / mean:\n");
  console.log(markdownTable(["nodes / ties", "frames", "bare ms", "bare p95", "bare frames/s", "explorer ms", "explorer p95", "explorer frames/s", "explorer / bare"], frameRows));
  console.log("\nForceAtlas2 in its web worker, iterations per second over 5 s:\n");
  console.log(markdownTable(["nodes / ties", "bare it/s", "explorer it/s", "explorer / bare"], fa2Rows));
  if (countyRows.length) {
    console.log("\nCounty scale: double-click on a node to its neighbourhood drawn (API request, merge, first render after), ms:\n");
    console.log(markdownTable(["samples", "nodes added (mean)", "p50", "p95", "max"], countyRows));
  }
  if (bigRows.length) {
    console.log("\nA node with at least 5,000 ties expanded in full (\"Show all\"): gaps between animation frames, ms:\n");
    console.log(markdownTable(["page", "expansion ms", "frames", "worst frame", "frames > 200 ms", "worst frame, layout settling 2 s", "> 200 ms settling"], bigRows));
  }
} finally {
  await browser.close();
  await closeServer(api.server);
  await app.shutdown();
  await bare.close();
  await county.close();
}
process.exit(0);
