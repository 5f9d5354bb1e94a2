// The saved-query page's editor in a real Chromium against the real app and Neo4j: an analyst saves
// a new read-only query from the template and runs it (rows from persons inserted here), sees why
// a hidden write and a bad header are refused (line and column) with nothing stored, saves a second
// version and sees both in the history, cannot overwrite a built-in, deletes the query keeping its
// versions; an investigator's key (role from GET /keys/me) gets no controls to write with.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/api.ts";
import { startQueriesPage } from "../support/queries-page.ts";

/** Persons whose names contain 赵, in id order (the fixture has none). */
const ZHAO = [
  { id: "Z1", name: "赵一" },
  { id: "Z2", name: "赵二" },
  { id: "Z3", name: "钱赵" },
];
const NAME = "persons-by-name";

/** The result table's rows as [id, name]. */
function resultRows(page: Page): Promise<string[][]> {
  return page.$$eval("#result tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
}

/** Replaces the query text in the Cypher editor as a paste would (the textarea under it follows). */
async function setText(page: Page, text: string): Promise<void> {
  await page.click("#q-editor .cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
  expect(await page.inputValue("#q-text")).toBe(text);
}

/** The text of the list entry for a query (title and source · version). */
function listEntry(page: Page, name: string): Promise<string | null> {
  return page.textContent(`#list button[data-query='${name}'] small`);
}

describe("saved-query editor in Chromium", () => {
  let api: Harness;
  let page: Page;
  let errors: string[];
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ api, page, errors, close } = await startQueriesPage(async (h) => {
      await h.graph.write("UNWIND $persons AS p CREATE (:Entity:Person {id: p.id, name: p.name})", { persons: ZHAO });
    }));
    await page.goto(`${api.url}/queries/`);
    await page.fill("#api-key", api.keys.analyst);
    await page.press("#api-key", "Enter");
    await page.waitForSelector("#list button[data-query='tipped-entities']");
  });

  afterAll(() => close?.());

  it("saves a new query from the template, lists it as saved version 1 and runs it", async () => {
    await page.click("#new");
    await page.waitForSelector("#editor:not([hidden])");
    expect(await page.inputValue("#q-text")).toContain("LIMIT $limit");
    await page.fill("#q-name", NAME);
    await page.fill("#q-comment", "first");
    await page.click("#save");
    await page.waitForSelector(`#list button[data-query='${NAME}']`);
    expect(await page.textContent("#status")).toBe(`saved ${NAME} version 1 · 已保存`);
    expect(await listEntry(page, NAME)).toBe("Persons by name · saved · v1");
    expect(await page.isHidden("#editor")).toBe(true);
    // The saved query is open, with its generated form.
    expect(page.url()).toBe(`${api.url}/queries/#${NAME}`);
    expect(await page.textContent("#meta")).toContain("Saved · version 1");
    expect(await page.isVisible("#edit")).toBe(true);
    expect(await page.isVisible("#delete")).toBe(true);

    await page.fill("#p-name", "赵");
    await page.click("#run");
    await page.waitForSelector("#result table");
    expect(await resultRows(page)).toEqual(ZHAO.map((p) => [p.id, p.name]));
    expect(await page.textContent("#summary")).toMatch(/^3 rows · \d+ ms$/);
  });

  it("shows why a hidden write after WITH is refused, at its line and column, and stores nothing", async () => {
    const text = (await api.call("GET", `/api/v1/queries/${NAME}`, { as: "analyst" })).body.text as string;
    const lines = text.split("\n");
    const at = lines.indexOf("WHERE p.name CONTAINS $name");
    expect(at).toBeGreaterThan(0);
    // WITH p / SET p.flagged = true: the write sits on line at+3 of the file, column 1.
    const sneaky = [...lines.slice(0, at + 1), "WITH p", "SET p.flagged = true", ...lines.slice(at + 1)].join("\n");
    await page.click("#new");
    await page.fill("#q-name", "sneaky");
    await setText(page, sneaky);
    await page.click("#save");
    await page.waitForSelector("#refusals li");
    expect(await page.textContent("#save-problem")).toMatch(/^422 /);
    const refusals = await page.$$eval("#refusals li", (lis) => lis.map((li) => li.textContent ?? ""));
    expect(refusals[0]).toMatch(new RegExp(`^line ${at + 3}, column 1 \\(write\\): `));
    expect(await page.textContent("#status")).toBe("not saved · 未保存");
    expect(await page.isVisible("#editor")).toBe(true);
    // The caret is put on the refused clause.
    expect(await page.$eval("#q-text", (el) => {
      const t = el as unknown as { value: string; selectionStart: number };
      return t.value.slice(t.selectionStart, t.selectionStart + 3);
    })).toBe("SET");

    // A header without title_zh: refused, naming the field.
    await setText(page, text.replace(/^\/\/ title_zh:.*\n/m, ""));
    await page.click("#save");
    await page.waitForSelector("#refusals li:has-text('title_zh')");

    expect((await api.call("GET", "/api/v1/queries/sneaky", { as: "analyst" })).status).toBe(404);
    expect((await api.call("GET", "/api/v1/queries/sneaky/versions", { as: "analyst" })).status).toBe(404);
    expect(await api.graph.read("MATCH (p:Person) WHERE p.flagged IS NOT NULL RETURN p")).toEqual([]);
    expect(await page.locator("#list button[data-query='sneaky']").count()).toBe(0);
    await page.click("#cancel");
    expect(await page.isHidden("#editor")).toBe(true);
  });

  it("highlights Cypher, completes labels from the live schema and marks a syntax error inline", async () => {
    await page.click("#new");
    await page.waitForSelector("#q-editor .cm-content");
    await page.click("#q-editor .cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText("\nMATCH (x:Per");
    await page.keyboard.press("Control+Space");
    await page.waitForSelector(".cm-tooltip-autocomplete li");
    const offered = await page.$$eval(".cm-tooltip-autocomplete li", (lis) => lis.map((li) => li.textContent ?? ""));
    expect(offered).toContain("Person");
    // Never the service's own records.
    expect(offered).not.toContain("ApiKey");
    await page.keyboard.press("Escape");
    await page.keyboard.insertText("son) RETURN x x");
    await page.waitForSelector("#q-editor .cm-lintRange-error");
    expect(await page.$$eval("#q-editor .cm-keyword", (els) => els.map((el) => el.textContent))).toEqual(expect.arrayContaining(["MATCH", "WHERE", "RETURN"]));
    await page.click("#cancel");
  });

  it("saves a second version from the edit panel and shows both in the history", async () => {
    await page.click(`#list button[data-query='${NAME}']`);
    await page.click("#edit");
    await page.waitForSelector("#editor:not([hidden])");
    expect(await page.inputValue("#q-name")).toBe(NAME);
    expect(await page.getAttribute("#q-name", "readonly")).not.toBeNull();
    const text = await page.inputValue("#q-text");
    expect(text).toContain("ORDER BY id\n");
    await setText(page, text.replace("ORDER BY id\n", "ORDER BY id DESC\n"));
    await page.fill("#q-comment", "newest first");
    await page.click("#save");
    await page.waitForSelector(`#list button[data-query='${NAME}'] small:has-text('saved · v2')`);
    expect(await page.textContent("#status")).toBe(`saved ${NAME} version 2 · 已保存`);

    await page.fill("#p-name", "赵");
    await page.click("#run");
    await page.waitForSelector("#result table");
    expect(await resultRows(page)).toEqual(ZHAO.map((p) => [p.id, p.name]).reverse());

    await page.click("#show-history");
    await page.waitForSelector("#versions tr");
    const history = await page.$$eval("#versions tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    expect(history.map((r) => [r[0], r[3], r[4]])).toEqual([
      ["2", "newest first", "current"],
      ["1", "first", ""],
    ]);
    expect(history.every((r) => r[1]?.includes(api.keyIds.analyst))).toBe(true);
    expect(history.every((r) => !Number.isNaN(Date.parse(r[2] ?? "")))).toBe(true);
  });

  it("shows built-ins read-only and refuses a copy saved under a built-in's name", async () => {
    await page.click("#list button[data-query='tipped-entities']");
    await page.waitForSelector("#p-minTips");
    expect(await page.textContent("#meta")).toContain("read-only");
    expect(await listEntry(page, "tipped-entities")).toContain("built-in");
    expect(await page.isHidden("#edit")).toBe(true);
    expect(await page.isHidden("#delete")).toBe(true);
    await page.click("#copy");
    await page.waitForSelector("#editor:not([hidden])");
    expect(await page.inputValue("#q-name")).toBe("");
    expect(await page.inputValue("#q-text")).not.toMatch(/^\/\/ name:/m);
    await page.fill("#q-name", "tipped-entities");
    await page.click("#save");
    await page.waitForSelector("#save-problem:has-text('409')");
    expect(await page.textContent("#save-problem")).toContain("cannot be overwritten");
    const builtin = await api.call("GET", "/api/v1/queries/tipped-entities", { as: "analyst" });
    expect(builtin.body).toMatchObject({ source: "builtin", author: "built-in" });
    const versions = await api.call("GET", "/api/v1/queries/tipped-entities/versions", { as: "analyst" });
    expect(versions.body.items.map((v: { version: number; author: string }) => [v.version, v.author])).toEqual([[1, "built-in"]]);
    await page.click("#cancel");
  });

  it("deletes the saved query after a confirm, keeping its versions", async () => {
    await page.click(`#list button[data-query='${NAME}']`);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.click("#delete");
    await page.waitForSelector(`#list button[data-query='${NAME}']`, { state: "detached" });
    expect(await page.textContent("#status")).toBe(`deleted ${NAME} (its versions are kept) · 已删除`);
    expect(await page.isHidden("#query")).toBe(true);
    expect((await api.call("GET", `/api/v1/queries/${NAME}`, { as: "analyst" })).status).toBe(404);
    expect((await api.call("GET", `/api/v1/queries/${NAME}/versions`, { as: "analyst" })).body.items).toHaveLength(2);
  });

  it("shows an investigator's key no way to save, edit, copy or delete, but lets it run", async () => {
    expect((await api.get("/api/v1/keys/me", "investigator")).body.role).toBe("investigator");
    await page.fill("#api-key", api.keys.investigator);
    await page.press("#api-key", "Enter");
    // The list is reloaded for the new key (the status said "deleted …" before).
    await page.locator("#status", { hasText: /^\d+ queries$/ }).waitFor();
    expect(await page.isHidden("#new")).toBe(true);
    await page.click("#list button[data-query='tipped-entities']");
    await page.waitForSelector("#p-minTips");
    for (const control of ["#new", "#edit", "#copy", "#delete", "#editor"]) expect(await page.isHidden(control), control).toBe(true);
    expect(await page.isVisible("#show-history")).toBe(true);
    await page.click("#run");
    await page.locator("#summary", { hasText: /^\d+ rows? · \d+ ms$/ }).waitFor();
    expect(errors).toEqual([]);
  });
});
