// The saved-query page (/queries) in a real Chromium against the real app and Neo4j: the API
// fixture plus grants to a cadre's relatives and 1,001 tipped persons, an analyst's key typed into
// the page, a query picked from the list, its generated form filled in and run; the table, the
// row count, a field-level error for a bad parameter, the truncation notice and the CSV download
// are checked against the data inserted here.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRows } from "../integration/queries/support.ts";
import type { Harness } from "../support/api.ts";
import { startQueriesPage } from "../support/queries-page.ts";

/** Grants added to the fixture: 王军 (P1, secretary of 石桥村 R11 since 2015) and his family. */
const GRANTS = [
  { id: "G5", to: "P5", relation: "child", year: 2018, paidDate: "2018-03-01", amount: 1200, region: "R11", approver: "P1" },
  { id: "G6", to: "P5", relation: "child", year: 2019, paidDate: "2019-04-01", amount: 1500, region: "R11", approver: "P1" },
  { id: "G7", to: "P5", relation: "child", year: 2021, paidDate: "2021-02-01", amount: 1800, region: "R11", approver: null },
  { id: "G8", to: "P6", relation: "in-law through 李华", year: 2019, paidDate: "2019-09-01", amount: 2100, region: "R12", approver: null },
  { id: "G9", to: "N01", relation: null, year: 2019, paidDate: "2019-05-01", amount: 900, region: "R12", approver: "P1" },
];
/** The fixture's own grant to 李华 (P2), 王军's spouse. */
const FIXTURE_GRANT = { id: "G2", to: "P2", relation: "spouse", year: 2020, paidDate: "2020-06-01", amount: 3000, region: "R11", approver: "P1" };
const TIPPED = 1001;

async function seed(api: Harness): Promise<void> {
  await api.graph.write(
    `MATCH (wj:Person {id: 'P1'}), (lh:Person {id: 'P2'})
     CREATE (son:Entity:Person {id: 'P5', name: '王小明', gender: 'M'}), (father:Entity:Person {id: 'P6', name: '李父', gender: 'M'})
     CREATE (wj)-[:KIN {relation: 'child', declared: false}]->(son), (lh)-[:KIN {relation: 'parent', declared: false}]->(father)`,
  );
  await api.graph.write(
    `UNWIND $grants AS g
     MATCH (p:Person {id: g.to}), (r:Region {id: g.region}), (pg:Program {id: 'PG1'})
     CREATE (x:Entity:Grant {id: g.id, year: g.year, paidAmount: toFloat(g.amount), paidDate: date(g.paidDate)})
     CREATE (x)-[:PAID_TO]->(p), (x)-[:IN]->(r), (x)-[:UNDER]->(pg)
     WITH x, g
     MATCH (a:Person {id: g.approver})
     CREATE (a)-[:APPROVED]->(x)`,
    { grants: GRANTS },
  );
  // More tipped entities than the runner's row cap (1,000), for the truncation notice.
  await api.graph.write(
    `UNWIND range(1, $n) AS i
     CREATE (p:Entity:Person {id: 'T' + right('000' + toString(i), 4), name: '举报对象' + toString(i)})
     CREATE (t:Tip {id: 'TIP' + toString(i), receivedDate: date('2019-01-01') + duration({days: i % 300}), channel: 'letter'})-[:CONCERNS]->(p)`,
    { n: TIPPED },
  );
}

/** The table the page shows: one record per row, keyed by the header cells. */
function tableRows(page: Page): Promise<Record<string, string>[]> {
  return page.$$eval("#result table", ([table]) => {
    if (!table) return [];
    const head = [...table.querySelectorAll("thead th")].map((th) => th.textContent ?? "");
    return [...table.querySelectorAll("tbody tr")].map((tr) => Object.fromEntries([...tr.querySelectorAll("td")].map((td, i) => [head[i] ?? String(i), td.textContent ?? ""])));
  });
}

describe("saved-query page in Chromium", () => {
  let api: Harness;
  let page: Page;
  let errors: string[];
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ api, page, errors, close } = await startQueriesPage(seed));
  });

  afterAll(() => close?.());

  it("asks for the API key and then lists the catalogue", async () => {
    await page.goto(`${api.url}/queries`);
    expect(page.url()).toBe(`${api.url}/queries/`);
    await page.fill("#api-key", "cg_not-a-key");
    await page.press("#api-key", "Enter");
    await page.waitForSelector("#status.error");
    expect(await page.textContent("#status")).toContain("401");
    expect(await page.locator("#list button").count()).toBe(0);

    await page.fill("#api-key", api.keys.analyst);
    await page.click("#key button[type=submit]");
    await page.waitForSelector("#list button[data-query='kin-subsidies-of-cadre']");
    const listed = await api.call("GET", "/api/v1/queries", { as: "analyst" });
    expect(await page.locator("#list button").count()).toBe(listed.body.items.length);
    expect(await page.textContent("#status")).toBe(`${listed.body.items.length} queries`);
  });

  it("generates the form from the query's header", async () => {
    await page.click("#list button[data-query='kin-subsidies-of-cadre']");
    await page.waitForSelector("#p-cadreId");
    expect(await page.textContent("#title")).toContain("干部亲属享受补贴情况");
    expect(page.url()).toBe(`${api.url}/queries/#kin-subsidies-of-cadre`);
    const fields = await page.$$eval("#fields input, #fields select", (els) =>
      els.map((el) => {
        // The test's tsconfig has no DOM types: the fields read, as the page's inputs and selects have them.
        const input = el as unknown as { name: string; type: string; required: boolean; value: string; min?: string; max?: string };
        return { name: input.name, type: input.type, required: input.required, value: input.value, min: input.min ?? "", max: input.max ?? "" };
      }),
    );
    expect(fields).toEqual([
      { name: "cadreId", type: "text", required: true, value: "", min: "", max: "" },
      { name: "fromYear", type: "number", required: false, value: "2016", min: "1990", max: "2100" },
      { name: "toYear", type: "number", required: false, value: "2021", min: "1990", max: "2100" },
      { name: "limit", type: "number", required: false, value: "200", min: "1", max: "1000" },
    ]);
    expect(await page.textContent("#r-cadreId")).toBe("string · required");
    expect(await page.textContent("#r-fromYear")).toBe("integer · 1990–2100 · default 2016");
  });

  it("runs the query and shows the rows of the inserted grants", async () => {
    await page.fill("#p-cadreId", "P1");
    await page.fill("#p-fromYear", "2019");
    await page.click("#run");
    await page.waitForSelector("#result table");

    // 王军's spouse, son and father-in-law from 2019 on; not the son's 2018 grant, not a neighbour's grant he signed.
    const expected = [FIXTURE_GRANT, ...GRANTS]
      .filter((g) => g.relation !== null && g.year >= 2019)
      // ORDER BY signedByCadre DESC, cadreInPost DESC (he holds a post in R11 only), paidDate.
      .sort((a, b) => Number(b.approver === "P1") - Number(a.approver === "P1") || Number(b.region === "R11") - Number(a.region === "R11") || a.paidDate.localeCompare(b.paidDate));
    const rows = await tableRows(page);
    expect(rows.map((r) => r.grantId)).toEqual(expected.map((g) => g.id));
    expect(rows.map((r) => [r.personId, r.relation, Number(r.paidAmount), r.year, r.signedByCadre])).toEqual(
      expected.map((g) => [g.to, g.relation, g.amount, String(g.year), String(g.approver === "P1")]),
    );
    expect(await page.textContent("#summary")).toMatch(new RegExp(`^${expected.length} rows · \\d+ ms$`));
    expect(await page.isHidden("#truncated")).toBe(true);
  });

  it("shows a bad parameter's error at the field it names, without rows", async () => {
    await page.fill("#p-fromYear", "1800");
    await page.press("#p-fromYear", "Enter");
    await page.waitForSelector("#p-fromYear[aria-invalid='true']");
    expect(await page.textContent("#e-fromYear")).toMatch(/^fromYear: .*1990/);
    expect(await page.textContent("#status")).toContain("400");
    expect(await page.textContent("#status")).toContain("body.params.fromYear");
    expect(await page.getAttribute("#p-cadreId", "aria-invalid")).toBeNull();
    expect(await page.locator("#result table").count()).toBe(0);

    // Correcting it clears the mark.
    await page.fill("#p-fromYear", "2019");
    await page.click("#run");
    await page.waitForSelector("#result table");
    expect(await page.getAttribute("#p-fromYear", "aria-invalid")).toBeNull();
    expect(await page.textContent("#e-fromYear")).toBe("");
  });

  it("exports the same rows as CSV", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#csv")]);
    expect(download.suggestedFilename()).toBe("kin-subsidies-of-cadre.csv");
    const file = (await download.path())!;
    expect((await readFile(file)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // Read back with the importer's RFC 4180 reader.
    const records = await readRows(file);
    expect(records.map((r) => r.grantId)).toEqual((await tableRows(page)).map((r) => r.grantId));
    expect(records.map((r) => r.personId)).toEqual((await tableRows(page)).map((r) => r.personId));
  });

  it("says when the row cap truncated the result", async () => {
    await page.click("#list button[data-query='tipped-entities']");
    await page.waitForSelector("#p-minTips");
    await page.fill("#p-limit", "2000");
    await page.click("#run");
    await page.waitForSelector("#result table");
    const rows = await tableRows(page);
    expect(rows).toHaveLength(1000);
    expect(rows.every((r) => /^T\d{4}$/.test(r.entityId ?? ""))).toBe(true);
    expect(await page.textContent("#summary")).toMatch(/^1000 rows · \d+ ms$/);
    expect(await page.isVisible("#truncated")).toBe(true);
    expect(await page.textContent("#truncated")).toContain("Truncated");
    expect(errors).toEqual([]);
  });
});
