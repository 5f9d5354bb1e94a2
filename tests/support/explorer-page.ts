// Harness for the explorer's browser test: the pages built (Vite, when a source changed), the small
// seeded county (seed 42) imported into the test Neo4j and analysed, the real app over it, and one
// Chromium tab at 1280×800. Screenshots go to DATA_DIR/artifacts/e2e/explorer/ (kept after the run).
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { runAnalysis } from "../../services/analytics/run.ts";
import { ensureUiBuilt } from "../../services/cli/build-ui.mjs";
import { config } from "../../services/config/index.ts";
import { loadSmallSeed } from "../integration/queries/support.ts";
import { type Harness, startApi } from "./api.ts";
import { launchChromium } from "./browser.ts";

export const EXPLORER_ARTIFACTS = path.resolve(config().dataDir, "artifacts", "e2e", "explorer");

export interface ExplorerHarness {
  api: Harness;
  page: Page;
  errors: string[];
  /** Saves a screenshot of the tab as NN-name.png and returns its path. */
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startExplorer(): Promise<ExplorerHarness> {
  ensureUiBuilt();
  const api = await startApi({ fixture: false });
  try {
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    const seed = await loadSmallSeed(api.graph);
    await seed.cleanup();
    console.log(`[explorer e2e] small county generated and imported in ${seconds()} s`);
    await runAnalysis(api.graph);
    console.log(`[explorer e2e] analysed at ${seconds()} s`);
    // The app validates the query catalogue as it starts: wait for that here.
    const listed = await api.call("GET", "/api/v1/queries", { as: "investigator" });
    if (listed.status !== 200) throw new Error(`the catalogue did not load: ${listed.status}`);
    await rm(EXPLORER_ARTIFACTS, { recursive: true, force: true });
    await mkdir(EXPLORER_ARTIFACTS, { recursive: true });
    const browser = await launchChromium();
    const { page, errors } = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    // Generous waits: the machine may be busy; nothing asserts a duration.
    page.setDefaultTimeout(90_000);
    let n = 0;
    return {
      api,
      page,
      errors,
      async shot(name) {
        n += 1;
        const file = path.join(EXPLORER_ARTIFACTS, `${String(n).padStart(2, "0")}-${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      async close() {
        await browser.close();
        await api.close();
      },
    };
  } catch (error) {
    await api.close();
    throw error;
  }
}
