// The investigator explorer (/) in a real Chromium against the real app and Neo4j on the small
// seeded county, analysed: sign in, switch to Chinese, search → open → expand (double-click) →
// "N more" → why this score → its evidence drawn → path finder → a community → a saved query onto
// the canvas → triage with history → filters → export (GEXF parses and holds the nodes on screen,
// CSV, a PNG that is not blank) → the URL reopens the same view. Each step leaves a screenshot in
// DATA_DIR/artifacts/e2e/explorer/. What the page shows is checked against the API's answers.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Loose } from "../support/api.ts";
import { type ExplorerHarness, startExplorer } from "../support/explorer-page.ts";

/** Runs an expression in the page (a string: the tests' tsconfig has no DOM types). */
const inPage = <T = Loose>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;

/** Waits until no request of the explorer is in flight and the layout has stopped. */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const ex = (globalThis as Loose).explorer;
    return ex !== undefined && ex.busy === 0 && !ex.layout.running;
  });
}

/** Waits until the highlight is of this kind. */
async function highlighted(page: Page, kind: string): Promise<void> {
  await page.waitForFunction((k) => (globalThis as Loose).explorer.store.get().highlight?.kind === k, kind);
}

const state = (page: Page) => inPage(page, "JSON.parse(JSON.stringify(window.explorer.store.get()))");
const nodesOnCanvas = (page: Page) => inPage<string[]>(page, "window.explorer.graph.nodes().sort()");
const attrs = (page: Page, id: string) => inPage(page, `(() => { const a = window.explorer.graph.getNodeAttributes(${JSON.stringify(id)}); return { expanded: !!a.expanded, more: a.more ?? 0, nextOffset: a.nextOffset ?? null }; })()`);
/** Ids of the nodes drawn (not hidden by a filter). */
const drawn = (page: Page) => inPage<string[]>(page, "window.explorer.graph.nodes().filter((n) => !window.explorer.sigma.getNodeDisplayData(n).hidden).sort()");

/**
 * Brings a node into view and returns a point of the page where it is the node under the pointer
 * (its centre, or another point of its disc when a neighbour is drawn over the centre).
 */
async function pointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  await inPage(page, `window.explorer.frame([${JSON.stringify(id)}])`);
  await page.waitForFunction(() => !(globalThis as Loose).explorer.sigma.getCamera().isAnimated());
  return inPage(
    page,
    `(() => {
      const s = window.explorer.sigma;
      const d = s.getNodeDisplayData(${JSON.stringify(id)});
      const c = s.framedGraphToViewport(d);
      const r = s.getContainer().getBoundingClientRect();
      const radius = s.scaleSize(d.size);
      for (const f of [0, 0.5, 0.8]) for (let a = 0; a < (f === 0 ? 1 : 8); a++) {
        const p = { x: c.x + f * radius * Math.cos((a * Math.PI) / 4), y: c.y + f * radius * Math.sin((a * Math.PI) / 4) };
        if (s.getNodeAtPosition(p) === ${JSON.stringify(id)}) return { x: p.x + r.left, y: p.y + r.top };
      }
      return { x: c.x + r.left, y: c.y + r.top };
    })()`,
  );
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; data: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), data: await readFile((await file.path())!) };
}

describe("investigator explorer in Chromium", () => {
  let h: ExplorerHarness;
  let page: Page;
  const shots: string[] = [];
  /** Chosen from the API: the riskiest person, a neighbour of theirs, their village. */
  let top: { id: string; name: string; score: number };
  let neighbour: string;
  let village: { id: string; name: string };

  beforeAll(async () => {
    h = await startExplorer();
    page = h.page;
    const ranking = await h.api.get("/api/v1/risk/ranking?type=person&limit=1");
    top = ranking.body.items[0];
    expect(top.score).toBeGreaterThan(0);
    const around = await h.api.get(`/api/v1/entities/${top.id}/neighbourhood?perNode=50&limit=51`);
    neighbour = around.body.nodes.find((n: Loose) => n.id !== top.id && (n.type === "person" || n.type === "company"))!.id;
    const region = around.body.nodes.find((n: Loose) => n.type === "region")!;
    village = { id: region.id, name: region.name };
    // Generating, importing and analysing the county takes about a minute on a quiet 2-core machine.
  }, 900_000);

  afterAll(async () => {
    console.log(`explorer screenshots:\n  ${shots.join("\n  ")}`);
    await h?.close();
  });

  it("asks for the API key, signs in and speaks Chinese at the switch", async () => {
    await page.goto(`${h.api.url}/`);
    await page.waitForSelector("#login:not([hidden])");
    await page.fill("#api-key", h.api.keys.investigator);
    await page.press("#api-key", "Enter");
    await page.waitForSelector("#login[hidden]", { state: "attached" });
    expect(await page.textContent("#who")).toContain("investigator");
    if ((await page.getAttribute("html", "lang")) !== "zh-CN") await page.click("#lang");
    expect(await page.textContent("h1")).toBe("县域关系图谱 · 调查工作台");
    await page.waitForSelector("#leads-list li");
    shots.push(await h.shot("signed-in"));
  });

  it("finds the riskiest person by name with suggestions and opens them with their neighbourhood", async () => {
    await page.click("#search");
    await page.keyboard.type(top.name);
    await page.waitForSelector(`#suggestions li[data-id="${top.id}"]`);
    shots.push(await h.shot("search"));
    await page.click(`#suggestions li[data-id="${top.id}"]`);
    await idle(page);
    const s = await state(page);
    expect([s.selected, s.focus]).toEqual([top.id, top.id]);
    expect(await page.textContent("#details-title")).toContain(top.name);
    const around = await h.api.get(`/api/v1/entities/${top.id}/neighbourhood?perNode=50&limit=51`);
    expect(await nodesOnCanvas(page)).toEqual(around.body.nodes.map((n: Loose) => n.id).sort());
    shots.push(await h.shot("open"));
  });

  it("expands a neighbour on double-click", async () => {
    const before = (await nodesOnCanvas(page)).length;
    const at = await pointOf(page, neighbour);
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForFunction((id) => (globalThis as Loose).explorer.graph.getNodeAttribute(id, "expanded") === true, neighbour);
    await idle(page);
    const around = await h.api.get(`/api/v1/entities/${neighbour}/neighbourhood?perNode=50&limit=51`);
    const onCanvas = new Set(await nodesOnCanvas(page));
    for (const n of around.body.nodes) expect(onCanvas.has(n.id)).toBe(true);
    expect(onCanvas.size).toBeGreaterThanOrEqual(before);
    shots.push(await h.shot("expand"));
  });

  it("caps a very connected village and pages through N more", async () => {
    await page.fill("#search", "");
    await page.click("#search");
    await page.keyboard.type(village.id);
    await page.waitForSelector(`#suggestions li[data-id="${village.id}"]`);
    await page.keyboard.press("Enter");
    await idle(page);
    const first = await attrs(page, village.id);
    expect(first.expanded).toBe(true);
    expect(first.more).toBeGreaterThan(50);
    expect(first.nextOffset).toBe(50);
    const label = await inPage<string>(page, `window.explorer.sigma.getNodeDisplayData(${JSON.stringify(village.id)}).label`);
    expect(label).toContain(`(+${first.more})`);
    await page.click("#act-more");
    await page.waitForFunction((id) => {
      const g = (globalThis as Loose).explorer.graph;
      return g.getNodeAttribute(id, "nextOffset") === 100 || g.getNodeAttribute(id, "more") === 0;
    }, village.id);
    await idle(page);
    const second = await attrs(page, village.id);
    const page2 = await h.api.get(`/api/v1/entities/${village.id}/neighbourhood?perNode=50&limit=51&offset=50`);
    expect(second.more).toBe(page2.body.truncated.find((t: Loose) => t.id === village.id)?.more ?? 0);
    const onCanvas = new Set(await nodesOnCanvas(page));
    for (const n of page2.body.nodes) expect(onCanvas.has(n.id)).toBe(true);
    shots.push(await h.shot("n-more"));
  });

  it("explains the score of a clicked node, and draws a hit's evidence with the rest faded", async () => {
    const at = await pointOf(page, top.id);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((id) => (globalThis as Loose).explorer.store.get().selected === id, top.id);
    await page.waitForSelector("#risk-score");
    await idle(page);
    const risk = (await h.api.get(`/api/v1/entities/${top.id}/risk`)).body;
    expect(Number(await page.textContent("#risk-score"))).toBeCloseTo(risk.score, 1);
    expect(await page.locator("#details .hit").count()).toBe(risk.hits.length);
    expect(await page.textContent("#details .hit h4")).toContain(risk.hits[0].title);
    // The scorer's fields with no fixed place: each hit's parties (with their part) and county
    // discounts, the groups behind the score.
    const hits = page.locator("#details .hit");
    for (const [i, hit] of (risk.hits as Loose[]).entries()) {
      expect(await hits.nth(i).locator('[data-field="parties"] li').count()).toBe(hit.parties?.length ?? 0);
      expect(await hits.nth(i).locator('[data-field="discounts"] tbody tr').count()).toBe(hit.discounts?.length ?? 0);
    }
    expect(await page.locator('#details .risk-extra [data-field="groups"] tbody tr').count()).toBe(risk.groups?.length ?? 0);
    shots.push(await h.shot("explanation"));

    await page.click("#details .hit .evidence");
    await highlighted(page, "evidence");
    await idle(page);
    const s = await state(page);
    const evidence = risk.hits[0].evidence;
    expect(s.highlight.nodes.sort()).toEqual(evidence.nodes.map((n: Loose) => n.id).sort());
    const onCanvas = new Set(await nodesOnCanvas(page));
    for (const n of evidence.nodes) expect(onCanvas.has(n.id)).toBe(true);
    const other = [...onCanvas].find((n) => !s.highlight.nodes.includes(n))!;
    const colours = await inPage<{ other: string; inside: string }>(page, `({ other: window.explorer.sigma.getNodeDisplayData(${JSON.stringify(other)}).color, inside: window.explorer.sigma.getNodeDisplayData(${JSON.stringify(evidence.nodes[0].id)}).color })`);
    expect(colours.other).toBe("#e3e7ec");
    expect(colours.inside).not.toBe("#e3e7ec");
    shots.push(await h.shot("evidence"));
  });

  it("finds and draws the shortest path between two entities, with its text", async () => {
    const risk = (await h.api.get(`/api/v1/entities/${top.id}/risk`)).body;
    const target = risk.hits[0].evidence.nodes.find((n: Loose) => n.id !== top.id && n.type === "company")?.id ?? neighbour;
    await page.click("#act-path-from");
    await page.fill("#path-to", target);
    await page.click("#path-find");
    await page.waitForSelector("#paths-list .path");
    await idle(page);
    const api = (await h.api.get(`/api/v1/paths?from=${top.id}&to=${encodeURIComponent(target)}&maxHops=6`)).body;
    expect(api.found).toBe(true);
    expect(await page.textContent("#paths-list .path span")).toBe(api.paths[0].text);
    const s = await state(page);
    expect(s.highlight.kind).toBe("path");
    expect(s.highlight.nodes).toEqual(api.paths[0].nodes.map((n: Loose) => n.id));
    shots.push(await h.shot("path"));
  });

  it("opens a community with its members laid out together and its summary", async () => {
    await page.click("#tabs button[data-tab=networks]");
    await page.waitForSelector("#networks-list button");
    const id = await page.getAttribute("#networks-list button", "data-community");
    await page.click("#networks-list button");
    await highlighted(page, "community");
    await idle(page);
    const c = (await h.api.get(`/api/v1/communities/${id}`)).body;
    expect(await page.textContent("#details-title")).toBe(c.name);
    const onCanvas = new Set(await nodesOnCanvas(page));
    for (const m of c.members) expect(onCanvas.has(m.id)).toBe(true);
    expect((await state(page)).highlight.nodes.sort()).toEqual(c.members.map((m: Loose) => m.id).sort());
    shots.push(await h.shot("community"));
  });

  it("runs a saved query and adds its nodes to the canvas, with the rows as a table", async () => {
    const queries = (await h.api.get("/api/v1/queries")).body.items;
    let chosen: { name: string; run: Loose } | undefined;
    for (const q of queries) {
      if (!q.graph || Object.values(q.parameters).some((p: Loose) => p.required)) continue;
      const run = await h.api.call("POST", `/api/v1/queries/${q.name}/run`, { body: { params: {} } });
      if (run.status === 200 && run.body.graph.nodes.length > 0) {
        chosen = { name: q.name, run: run.body };
        break;
      }
    }
    expect(chosen).toBeDefined();
    await page.click("#tabs button[data-tab=queries]");
    await page.selectOption("#xq-select", chosen!.name);
    await page.click("#xq-run");
    await page.waitForSelector("#xq-result table");
    await highlighted(page, "query");
    await idle(page);
    expect(await page.locator("#xq-result tbody tr").count()).toBe(chosen!.run.rowCount);
    const onCanvas = new Set(await nodesOnCanvas(page));
    for (const n of chosen!.run.graph.nodes) expect(onCanvas.has(n.id)).toBe(true);
    shots.push(await h.shot("saved-query"));
  });

  it("triages an alert from the alerts list and shows its history", async () => {
    await page.click("#tabs button[data-tab=alerts]");
    await page.waitForSelector("#alerts-list button");
    const id = (await page.getAttribute("#alerts-list button", "data-alert"))!;
    await page.click("#alerts-list button");
    await page.waitForSelector("#details .triage-box");
    await idle(page);
    await page.click("#details .triage-box summary");
    await page.waitForSelector("#details .history li");
    await page.selectOption("#details .triage-status", "investigating");
    await page.fill("#details .triage-note", "e2e: 核实中");
    await page.click("#details .triage-save");
    await page.waitForSelector("#details .history li:has-text('e2e: 核实中')");
    const alert = (await h.api.get(`/api/v1/alerts/${encodeURIComponent(id)}`)).body;
    expect(alert.status).toBe("investigating");
    expect(alert.history.map((e: Loose) => e.note)).toContain("e2e: 核实中");
    shots.push(await h.shot("triage"));
  });

  it("filters by entity type and years without refetching", async () => {
    await page.click("#tabs button[data-tab=filters]");
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.click("#filter-types label[data-value=region] input");
    const regions = await inPage<string[]>(page, "window.explorer.graph.filterNodes((n, a) => a.data.type === 'region')");
    expect(regions.length).toBeGreaterThan(0);
    await page.waitForFunction((id) => (globalThis as Loose).explorer.sigma.getNodeDisplayData(id).hidden === true, regions[0]);
    await page.focus("#year-from");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    const s = await state(page);
    expect(s.filters).toMatchObject({ hiddenTypes: ["region"], years: [2019, 2021] });
    const oldGrants = await inPage<string[]>(page, "window.explorer.graph.filterNodes((n, a) => a.data.type === 'grant' && a.data.year !== null && a.data.year < 2019)");
    for (const g of oldGrants) expect(await inPage(page, `window.explorer.sigma.getNodeDisplayData(${JSON.stringify(g)}).hidden`)).toBe(true);
    expect(requests.filter((u) => u.includes("/api/"))).toEqual([]);
    shots.push(await h.shot("filters"));
  });

  it("exports the view as GEXF holding the nodes on screen, CSV, and a PNG that is not blank", async () => {
    const visible = await drawn(page);
    await page.click("#export-menu summary");
    const gexf = await download(page, () => page.click("#export-gexf"));
    expect(gexf.name).toMatch(/\.gexf$/);
    const parsed = await inPage<{ error: boolean; nodes: string[]; edges: number }>(
      page,
      `(() => { const d = new DOMParser().parseFromString(${JSON.stringify(gexf.data.toString("utf8"))}, "application/xml"); return { error: d.getElementsByTagName("parsererror").length > 0, nodes: [...d.getElementsByTagName("node")].map((n) => n.getAttribute("id")).sort(), edges: d.getElementsByTagName("edge").length }; })()`,
    );
    expect(parsed.error).toBe(false);
    expect(parsed.nodes).toEqual(visible);
    expect(parsed.edges).toBeGreaterThan(0);

    await page.click("#export-menu summary");
    const [nodesCsv, edgesCsv] = await Promise.all([
      new Promise<{ name: string; data: Buffer }>((resolve) => page.once("download", async (d) => resolve({ name: d.suggestedFilename(), data: await readFile((await d.path())!) }))),
      page.waitForEvent("download", (d) => d.suggestedFilename().endsWith("-edges.csv")).then(async (d) => ({ name: d.suggestedFilename(), data: await readFile((await d.path())!) })),
      page.click("#export-csv"),
    ]);
    expect(nodesCsv.name).toMatch(/-nodes\.csv$/);
    expect(nodesCsv.data.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(nodesCsv.data.toString("utf8").trim().split("\r\n")).toHaveLength(visible.length + 1);
    expect(edgesCsv.data.toString("utf8").trim().split("\r\n").length).toBe(parsed.edges + 1);

    // The whole view in the picture.
    await page.click("#fit");
    await page.waitForFunction(() => !(globalThis as Loose).explorer.sigma.getCamera().isAnimated());
    await page.click("#export-menu summary");
    const png = await download(page, () => page.click("#export-png"));
    expect(png.data.subarray(1, 4).toString()).toBe("PNG");
    const inked = await page.evaluate(
      `new Promise((resolve) => { const img = new Image(); img.onload = () => { const c = document.createElement("canvas"); c.width = img.width; c.height = img.height; const x = c.getContext("2d"); x.drawImage(img, 0, 0); const d = x.getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) n++; resolve(n); }; img.src = "data:image/png;base64,${png.data.toString("base64")}"; })`,
    );
    expect(inked).toBeGreaterThan(500);
    shots.push(await h.shot("export"));
  });

  it("reopens the same view from the URL", async () => {
    await idle(page);
    await page.waitForFunction(() => !(globalThis as Loose).explorer.urlPending);
    const before = { nodes: await nodesOnCanvas(page), state: await state(page), url: page.url() };
    expect(before.url).toContain("#n=");
    await page.reload();
    await page.waitForSelector("#login[hidden]", { state: "attached" });
    await page.waitForFunction((n) => (globalThis as Loose).explorer?.graph.order === n, before.nodes.length);
    await idle(page);
    const after = await state(page);
    expect(await nodesOnCanvas(page)).toEqual(before.nodes);
    expect(after.filters).toEqual(before.state.filters);
    expect([after.selected, after.focus, after.colourBy]).toEqual([before.state.selected, before.state.focus, before.state.colourBy]);
    expect(await drawn(page)).toEqual((await drawn(page)).filter((n) => before.nodes.includes(n)));
    shots.push(await h.shot("reopened"));
    expect(h.errors).toEqual([]);
  });

  it("speaks English at the switch, the open panel included", async () => {
    await page.click("#lang");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("h1")).toBe("County graph · Investigator explorer");
    await page.click("#leads-list button[data-id]");
    await page.waitForSelector("#risk-score");
    await idle(page);
    expect(await page.locator("#details h3", { hasText: /^Why this score \(\d+ hits\)$/ }).count()).toBe(1);
    shots.push(await h.shot("english"));
    expect(h.errors).toEqual([]);
  });
});
