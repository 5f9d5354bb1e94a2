// Real Chromium for the end-to-end tests: Debian's /usr/bin/chromium (installed by `npm test`, see
// services/cli/ensure-deps.mjs) driven by playwright-core, launched as STACK.md says: a fresh
// profile folder and no GPU, so WebGL runs on SwiftShader. Nothing is downloaded by Playwright.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export class ChromiumMissingError extends Error {
  override name = "ChromiumMissingError";
  constructor(readonly executable: string) {
    super(`${executable} is missing: run \`npm test\` as root (it installs Debian's chromium), or \`sudo apt-get update && sudo apt-get install -y chromium\``);
  }
}

export interface Browser {
  context: BrowserContext;
  /** A new tab whose uncaught script errors are collected in `errors` (failed requests are the page's to show). */
  newPage(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function launchChromium(executable = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executable)) throw new ChromiumMissingError(executable);
  const profile = await mkdtemp(path.join(os.tmpdir(), "e2e-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: executable, headless: true, args: CHROMIUM_ARGS, acceptDownloads: true });
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      return { page, errors };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
