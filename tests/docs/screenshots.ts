// `npm run docs:screenshots -- [--url http://127.0.0.1:3000] [--key-file .data/keys/admin.key] [--out docs/screenshots]`:
// the README's pictures, taken in Debian's Chromium (tests/support/browser.ts) from a running demo
// (`npm start`), in Chinese and in English: the explorer with the riskiest lead open, its explanation
// and the first hit's evidence drawn (1280×800 and 1920×1080), a network opened, and the saved-query page with a result.
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { config } from "../../services/config/index.ts";
import { launchChromium } from "../support/browser.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: `http://127.0.0.1:${config().port}` },
    "key-file": { type: "string", default: path.join(config().dataDir, "keys", "admin.key") },
    out: { type: "string", default: "docs/screenshots" },
  },
});
const base = values.url.replace(/\/$/, "");
const key = readFileSync(values["key-file"], "utf8").trim();
const out = path.resolve(values.out);

/** Waits until no request of the explorer is in flight and the layout has stopped. */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const ex = (globalThis as { explorer?: { busy: number; layout: { running: boolean } } }).explorer;
    return ex !== undefined && ex.busy === 0 && !ex.layout.running;
  });
  // The camera's framing animation.
  await page.waitForTimeout(600);
}

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.fill("#api-key", key);
  await page.press("#api-key", "Enter");
}

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  const browser = await launchChromium();
  const files: string[] = [];
  try {
    for (const lang of ["zh", "en"] as const) {
      for (const [width, height] of [
        [1280, 800],
        [1920, 1080],
      ] as const) {
        const { page, errors } = await browser.newPage();
        page.setDefaultTimeout(120_000);
        await page.setViewportSize({ width, height });
        // The language the explorer keeps in localStorage (a string: the tests' tsconfig has no DOM types).
        await page.addInitScript(`localStorage.setItem("lang", ${JSON.stringify(lang)})`);
        const shot = async (name: string) => {
          const file = path.join(out, `${name}-${lang}${width === 1280 ? "" : `-${width}`}.png`);
          await page.screenshot({ path: file });
          files.push(path.relative(process.cwd(), file));
        };
        await signIn(page, `${base}/`);
        await page.click("#leads-list button[data-id]");
        await page.waitForSelector("#risk-score");
        await idle(page);
        await page.click("#details .hit .evidence");
        await idle(page);
        await shot("explorer");
        if (width === 1280) {
          await page.click("#tabs button[data-tab=networks]");
          await page.click("#networks-list button[data-community]");
          await page.waitForSelector("#details h2");
          await idle(page);
          await shot("network");
        }
        if (width === 1280 && lang === "zh") {
          // The saved-query page speaks both languages at once: one picture.
          await signIn(page, `${base}/queries/`);
          await page.click("#list button[data-query='tipped-entities']");
          await page.click("#run");
          await page.waitForSelector("#result table");
          await shot("queries");
        }
        if (errors.length) throw new Error(`the page reported errors: ${errors.join("; ")}`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`screenshots:\n  ${files.join("\n  ")}`);
}

await main();
