// Harness for the saved-query page's browser tests: the real app over the test Neo4j (API fixture
// plus the test's own data), the catalogue validated, and one Chromium tab with generous waits.
import type { Page } from "playwright-core";
import { type Harness, startApi } from "./api.ts";
import { launchChromium } from "./browser.ts";

export interface QueriesPageHarness {
  api: Harness;
  page: Page;
  /** Uncaught script errors of the tab. */
  errors: string[];
  close(): Promise<void>;
}

export async function startQueriesPage(seed: (api: Harness) => Promise<void>): Promise<QueriesPageHarness> {
  const api = await startApi();
  try {
    await seed(api);
    // The app validates the catalogue (EXPLAINs every built-in) as it starts: wait for that here.
    const listed = await api.call("GET", "/api/v1/queries", { as: "analyst" });
    if (listed.status !== 200) throw new Error(`the catalogue did not load: ${listed.status}`);
    const browser = await launchChromium();
    const { page, errors } = await browser.newPage();
    // Generous waits: the machine may be busy; nothing asserts a duration.
    page.setDefaultTimeout(90_000);
    return {
      api,
      page,
      errors,
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
