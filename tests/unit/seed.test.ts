// Synthetic county generator: determinism, a style drawn per seed, unique ids, resolvable references,
// identity numbers the importer accepts, planted schemes with culprits apart from victims, and every
// look-alike class of issue 8 (small scale, generated once per seed into temp folders).
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureGenerated, generateCounty, isGenerated, type GenerateResult } from "../../seed/generate.ts";
import { isValidIdNumber } from "../../seed/idnumber.ts";
import { BUNDLE_FILES, TYPOLOGIES, type BundleFile } from "../../seed/contract.ts";
import { VICTIM_PARTS } from "../../seed/model.ts";
import { normaliseIdNumber } from "../../services/ingest/normalise.ts";

type Row = Record<string, string>;

/** RFC 4180 parser (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): Row[] {
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (header === undefined) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

function load(dir: string, file: string): Row[] {
  return parseCsv(fs.readFileSync(path.join(dir, file), "utf8"));
}

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const full = path.join(dir, f);
    if (fs.statSync(full).isFile()) out[f] = createHash("sha256").update(fs.readFileSync(full)).digest("hex");
  }
  return out;
}

/** What the importer does to phones, addresses and account numbers. */
function normalise(s: string): string {
  return s.normalize("NFKC").replace(/[\s-]/g, "");
}

const ID_COLUMNS: Partial<Record<BundleFile, string>> = {
  regions: "region_id", persons: "person_id", households: "household_id", companies: "company_id", accounts: "account_id",
  projects: "project_id", programs: "program_id", grants: "grant_id", transfers: "transfer_id", tips: "tip_id", cases: "case_id",
};

let root: string;
let a: GenerateResult;
let b: GenerateResult;
let c: GenerateResult;
const data = {} as Record<BundleFile, Row[]>;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "seed-test-"));
  a = await generateCounty({ scale: "small", seed: 42, out: path.join(root, "a") });
  b = await generateCounty({ scale: "small", seed: 42, out: path.join(root, "b") });
  c = await generateCounty({ scale: "small", seed: 7, out: path.join(root, "c") });
  for (const f of Object.keys(BUNDLE_FILES) as BundleFile[]) data[f] = load(a.bundleDir, `${f}.csv`);
}, 120_000);

afterAll(() => {
  if (root !== undefined) fs.rmSync(root, { recursive: true, force: true });
});

function truth(r: GenerateResult, file: "labels.csv" | "lookalikes.csv" | "parties.csv"): Row[] {
  return load(path.dirname(r.labelsPath), file);
}

/** Every id of the bundle. */
function allIds(): Set<string> {
  const all = new Set<string>();
  for (const [f, col] of Object.entries(ID_COLUMNS) as [BundleFile, string][]) for (const r of data[f]) all.add(r[col] as string);
  return all;
}

describe("seed generator (small scale)", () => {
  it("is the size of an evaluation county: about 15k persons and companies, about 0.7% of them culprits", () => {
    const entities = data.persons.length + data.companies.length;
    expect(entities).toBeGreaterThan(11_000);
    expect(entities).toBeLessThan(19_000);
    expect(a.rows["persons.csv"]).toBe(data.persons.length);
    const ids = new Set([...data.persons.map((r) => r.person_id), ...data.companies.map((r) => r.company_id)]);
    const culprits = new Set(truth(a, "labels.csv").map((l) => l.entity_id).filter((id) => ids.has(id)));
    expect(culprits.size / entities).toBeGreaterThan(0.004);
    expect(culprits.size / entities).toBeLessThan(0.012);
  });

  it("writes every contract file with the contract's header", () => {
    for (const [f, cols] of Object.entries(BUNDLE_FILES)) {
      const first = fs.readFileSync(path.join(a.bundleDir, `${f}.csv`), "utf8").split("\n")[0];
      expect(first).toBe(cols.join(","));
    }
    expect(fs.existsSync(a.labelsPath)).toBe(true);
    expect(fs.existsSync(a.lookalikesPath)).toBe(true);
    expect(fs.readFileSync(a.partiesPath, "utf8").split("\n")[0]).toBe("scheme_id,entity_id,part");
    expect(path.dirname(a.labelsPath)).not.toBe(a.bundleDir);
    expect(path.dirname(a.partiesPath)).toBe(path.dirname(a.labelsPath));
  });

  it("draws a county style per seed and writes its one-line profile", () => {
    expect(a.profiles).toHaveLength(1);
    expect(fs.readFileSync(a.profilePath, "utf8")).toBe(`${a.profiles[0]}\n`);
    for (const part of ["clan villages", "farmland subsidy", "agent addresses", "tender limit", "colleague signs", "noise:"]) expect(a.profiles[0]).toContain(part);
    expect(b.profiles).toEqual(a.profiles);
    const styles = JSON.parse(fs.readFileSync(path.join(path.dirname(a.labelsPath), "styles.json"), "utf8")) as { tenderLimit: number }[];
    expect(styles[0]?.tenderLimit).toBe(a.styles[0]?.tenderLimit);
    expect(a.profiles[0]).toContain(`tender limit ${(a.styles[0]?.tenderLimit ?? 0) / 1000}k`);
    // Another seed: another county, described differently apart from its seed.
    expect(c.profiles[0]?.replace(/seed \d+/, "")).not.toBe(a.profiles[0]?.replace(/seed \d+/, ""));
  });

  it("is deterministic: same seed gives byte-identical files, another seed does not", () => {
    const ha = hashes(path.dirname(a.labelsPath));
    const hb = hashes(path.dirname(b.labelsPath));
    expect(Object.keys(ha).length).toBe(23);
    expect(hb).toEqual(ha);
    const hc = hashes(path.dirname(c.labelsPath));
    expect(hc["bundle/persons.csv"]).not.toBe(ha["bundle/persons.csv"]);
    expect(hc["labels.csv"]).not.toBe(ha["labels.csv"]);
    expect(hc["profile.txt"]).not.toBe(ha["profile.txt"]);
  });

  it("knows a finished bundle of its own version, scale and seed, and leaves it alone", async () => {
    const out = path.join(root, "a");
    expect(isGenerated({ scale: "small", seed: 42, out })).toBe(true);
    expect(isGenerated({ scale: "small", seed: 43, out })).toBe(false);
    expect(isGenerated({ scale: "small", seed: 42, out: path.join(root, "none") })).toBe(false);
    expect(await ensureGenerated({ scale: "small", seed: 42, out })).toBeUndefined();
  });

  it("keeps every id unique across the whole bundle", () => {
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const [f, col] of Object.entries(ID_COLUMNS) as [BundleFile, string][]) {
      for (const r of data[f]) {
        const id = r[col] as string;
        const before = seen.get(id);
        if (id === "") problems.push(`empty ${f}.${col}`);
        else if (before !== undefined) problems.push(`${id} in ${f} and ${before}`);
        seen.set(id, f);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("resolves every reference", () => {
    const ids = (f: BundleFile): Set<string> => new Set(data[f].map((r) => r[ID_COLUMNS[f] as string] as string));
    const regions = ids("regions"), persons = ids("persons"), households = ids("households"), companies = ids("companies");
    const accounts = ids("accounts"), projects = ids("projects"), programs = ids("programs");
    const all = new Set<string>();
    for (const f of Object.keys(ID_COLUMNS) as BundleFile[]) for (const id of ids(f)) all.add(id);
    const owners = new Set([...persons, ...companies]);
    const missing: string[] = [];
    const check = (f: string, col: string, set: Set<string>, v: string | undefined, optional = true): void => {
      if (v === undefined || (v === "" && optional)) return;
      if (!set.has(v)) missing.push(`${f}.${col}=${v}`);
    };
    for (const r of data.regions) check("regions", "parent_id", regions, r.parent_id);
    for (const r of data.persons) {
      check("persons", "household_id", households, r.household_id);
      check("persons", "region_id", regions, r.region_id);
      if (r.bank_account) check("persons", "bank_account", accounts, normalise(r.bank_account));
    }
    for (const r of data.households) {
      check("households", "region_id", regions, r.region_id, false);
      check("households", "head_person_id", persons, r.head_person_id);
      check("households", "split_from", households, r.split_from);
    }
    for (const r of data.household_moves) {
      check("household_moves", "person_id", persons, r.person_id, false);
      check("household_moves", "household_id", households, r.household_id, false);
      check("household_moves", "from_household_id", households, r.from_household_id);
    }
    for (const r of data.posts) {
      check("posts", "person_id", persons, r.person_id, false);
      check("posts", "region_id", regions, r.region_id, false);
    }
    for (const r of data.kinship) {
      check("kinship", "person_id", persons, r.person_id, false);
      check("kinship", "relative_id", persons, r.relative_id, false);
    }
    for (const r of data.companies) {
      check("companies", "region_id", regions, r.region_id);
      if (r.bank_account) check("companies", "bank_account", accounts, normalise(r.bank_account));
    }
    for (const r of data.company_roles) {
      check("company_roles", "person_id", persons, r.person_id, false);
      check("company_roles", "company_id", companies, r.company_id, false);
    }
    for (const r of data.accounts) check("accounts", "owner_id", owners, r.owner_id, false);
    for (const r of data.projects) {
      check("projects", "region_id", regions, r.region_id, false);
      check("projects", "approved_by", persons, r.approved_by);
      check("projects", "awarded_to", companies, r.awarded_to);
    }
    for (const r of data.bids) {
      check("bids", "project_id", projects, r.project_id, false);
      check("bids", "company_id", companies, r.company_id, false);
      check("bids", "deposit_account", accounts, r.deposit_account);
      check("bids", "preparer", persons, r.preparer);
    }
    for (const r of data.grants) {
      check("grants", "program_id", programs, r.program_id, false);
      check("grants", "beneficiary_id", persons, r.beneficiary_id, false);
      check("grants", "region_id", regions, r.region_id, false);
      check("grants", "approved_by", persons, r.approved_by);
      check("grants", "account", accounts, r.account);
    }
    for (const r of data.transfers) {
      check("transfers", "from_account", accounts, r.from_account, false);
      check("transfers", "to_account", accounts, r.to_account, false);
    }
    for (const r of data.assets) check("assets", "owner_id", owners, r.owner_id, false);
    for (const r of data.tips) for (const s of (r.subject_ids ?? "").split(";")) check("tips", "subject_ids", all, s, false);
    for (const r of data.cases) for (const s of (r.subject_ids ?? "").split(";")) check("cases", "subject_ids", all, s, false);
    expect(missing.slice(0, 20)).toEqual([]);
  });

  it("writes Shanxi identity numbers the importer accepts, some typed messily or left blank, that agree with birth date and gender", () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    let typed = 0;
    for (const r of data.persons) {
      const written = r.id_number as string;
      if (written === "") continue;
      const id = normaliseIdNumber(written);
      if (id !== written) typed++;
      const ok = isValidIdNumber(id) && id.startsWith("14") && id.slice(6, 14) === (r.birth_date as string).replace(/-/g, "")
        && (Number(id[16]) % 2 === 1 ? "M" : "F") === r.gender && !seen.has(id);
      if (!ok) problems.push(`${r.person_id}: ${written}`);
      seen.add(id);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(typed).toBeGreaterThan(0);
    expect(data.persons.some((r) => r.id_number === "")).toBe(true);
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("110105194912310021")).toBe(false);
  });

  it("formats dates, booleans and amounts as the contract says", () => {
    const date = /^\d{4}-\d{2}-\d{2}$/;
    const amount = /^\d+(\.\d{1,2})?$/;
    const bad: string[] = [];
    for (const r of data.grants) if (!date.test(r.paid_date as string) || !amount.test(r.paid_amount as string)) bad.push(`grant ${r.grant_id}`);
    for (const r of data.transfers) if (!amount.test(r.amount as string) || !date.test(r.date as string)) bad.push(`transfer ${r.transfer_id}`);
    for (const r of data.bids) if (!amount.test(r.amount as string)) bad.push(`bid ${r.project_id}`);
    for (const r of data.persons) if (!["true", "false"].includes(r.public_employee as string) || !date.test(r.birth_date as string)) bad.push(`person ${r.person_id}`);
    for (const r of data.kinship) if (!["true", "false"].includes(r.declared as string)) bad.push(`kin ${r.person_id}`);
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it("writes some phones, addresses and accounts in messy forms that normalise to shared values", () => {
    const phones = data.persons.map((r) => r.phone as string).filter((p) => p !== "");
    expect(phones.some((p) => /[\s-]|[０-９]/.test(p))).toBe(true);
    expect(phones.every((p) => /^1\d{10}$/.test(normalise(p)))).toBe(true);
    const accounts = data.persons.map((r) => r.bank_account as string).filter((p) => p !== "");
    expect(accounts.some((p) => /[\s-]|[０-９]/.test(p))).toBe(true);
  });

  it("writes some names another way: a variant surname character or a space between surname and given name", () => {
    expect(data.persons.some((r) => /[\s\u3000]/.test(r.name as string) || /^[阎闫付傅]/.test(r.name as string))).toBe(true);
  });

  it("plants every typology, at least two instances each (a ring at least once), with labelled ids that exist", () => {
    const labels = truth(a, "labels.csv");
    const perTypology = new Map<string, Set<string>>();
    for (const l of labels) {
      let s = perTypology.get(l.typology as string);
      if (s === undefined) perTypology.set(l.typology as string, (s = new Set()));
      s.add(l.scheme_id as string);
    }
    for (const t of TYPOLOGIES) expect(perTypology.get(t)?.size ?? 0, t).toBeGreaterThanOrEqual(t === "COLLUSION_RING" ? 1 : 2);
    const all = allIds();
    const unknown = labels.filter((l) => !all.has(l.entity_id as string)).map((l) => `${l.scheme_id}:${l.entity_id}`);
    expect(unknown).toEqual([]);
    const schemeTypology = new Map<string, string>();
    for (const l of labels) {
      const t = schemeTypology.get(l.scheme_id as string);
      expect(t === undefined || t === l.typology).toBe(true);
      schemeTypology.set(l.scheme_id as string, l.typology as string);
    }
    // Every instance names at least one culprit: a person or a company.
    const people = new Set([...data.persons.map((r) => r.person_id), ...data.companies.map((r) => r.company_id)]);
    const withCulprit = new Set(labels.filter((l) => people.has(l.entity_id)).map((l) => l.scheme_id));
    expect([...schemeTypology.keys()].filter((s) => !withCulprit.has(s))).toEqual([]);
  });

  it("writes victims and unwitting parties to parties.csv, never to labels.csv", () => {
    for (const r of [a, c]) {
      const parties = truth(r, "parties.csv");
      const labelled = new Set(truth(r, "labels.csv").map((l) => l.entity_id));
      const victims = parties.filter((p) => (VICTIM_PARTS as readonly string[]).includes(p.part as string));
      expect(new Set(victims.map((p) => p.part)).size).toBeGreaterThanOrEqual(3);
      expect(victims.filter((p) => labelled.has(p.entity_id)).map((p) => `${p.scheme_id}:${p.entity_id}:${p.part}`)).toEqual([]);
      const schemes = new Set(truth(r, "labels.csv").map((l) => l.scheme_id));
      expect(parties.filter((p) => !schemes.has(p.scheme_id))).toEqual([]);
    }
    const all = allIds();
    expect(truth(a, "parties.csv").filter((p) => !all.has(p.entity_id as string))).toEqual([]);
    // A skimmed beneficiary was paid less than approved; a dead payee was paid after death.
    const grants = data.grants;
    const skimmed = new Set(truth(a, "parties.csv").filter((p) => p.part === "skimmed").map((p) => p.entity_id));
    expect(grants.some((g) => skimmed.has(g.beneficiary_id) && Number(g.paid_amount) < Number(g.approved_amount))).toBe(true);
    const death = new Map(data.persons.filter((p) => p.death_date !== "").map((p) => [p.person_id, p.death_date as string]));
    const dead = new Set(truth(a, "parties.csv").filter((p) => p.part === "dead_payee").map((p) => p.entity_id));
    expect(grants.some((g) => dead.has(g.beneficiary_id) && (g.paid_date as string) > (death.get(g.beneficiary_id as string) ?? "9999"))).toBe(true);
  });

  it("lists every look-alike class of issue 8, with entities that exist and are not labelled", () => {
    const look = truth(a, "lookalikes.csv");
    const kinds = new Set(look.map((l) => l.kind));
    for (const kind of [
      "universal_kin", "agent_address", "accountant_phone", "busy_firm", "dead_payee", "skimmed", "clan_kin", "declared_recused",
      "declared_kin_fair", "relative_firm_fair_win", "kin_other_region", "kin_not_in_post", "shared_address_block", "family_transfer",
      "young_company_fair_win", "deceased_paid_before_death", "guardian_account", "moved_beneficiary", "competitor",
    ]) expect(kinds, kind).toContain(kind);
    const all = allIds();
    for (const l of look) expect(all.has(l.entity_id as string), l.entity_id).toBe(true);
    const labelled = new Set(truth(a, "labels.csv").map((l) => l.entity_id));
    const overlap = look.filter((l) => labelled.has(l.entity_id));
    expect(overlap.length).toBeLessThan(look.length * 0.05);
  });

  it("plants confounders that look like the schemes", () => {
    const look = truth(a, "lookalikes.csv");
    const members = (kind: string): Map<string, Set<string>> => {
      const out = new Map<string, Set<string>>();
      for (const l of look.filter((x) => x.kind === kind)) out.set(l.lookalike_id as string, (out.get(l.lookalike_id as string) ?? new Set()).add(l.entity_id as string));
      return out;
    };
    const companies = new Map(data.companies.map((r) => [r.company_id as string, r]));
    // An agent's address: a dozen firms, one normalised address, and two of them bidding on one project.
    for (const ids of members("agent_address").values()) {
      const firms = [...ids].filter((id) => companies.has(id));
      expect(firms.length).toBeGreaterThanOrEqual(6);
      expect(new Set(firms.map((id) => normalise(companies.get(id)?.address ?? ""))).size).toBe(1);
      const bidders = new Map<string, number>();
      for (const b of data.bids) if (ids.has(b.company_id as string)) bidders.set(b.project_id as string, (bidders.get(b.project_id as string) ?? 0) + 1);
      expect([...bidders.values()].some((n) => n >= 2)).toBe(true);
    }
    // A bookkeeper's phone given by many firms.
    for (const ids of members("accountant_phone").values()) {
      const firms = [...ids].filter((id) => companies.has(id));
      expect(firms.length).toBeGreaterThanOrEqual(4);
      expect(new Set(firms.map((id) => normalise(companies.get(id)?.phone ?? ""))).size).toBe(1);
    }
    // A busy honest firm wins often, each time with the lowest of three or more valid bids.
    for (const ids of members("busy_firm").values()) {
      const firm = [...ids].find((id) => companies.has(id)) as string;
      const won = data.projects.filter((p) => p.awarded_to === firm);
      expect(won.length).toBeGreaterThanOrEqual(5);
      for (const p of won) {
        const bids = data.bids.filter((b) => b.project_id === p.project_id && b.disqualified === "false");
        expect(bids.length).toBeGreaterThanOrEqual(3);
        expect(Math.min(...bids.map((b) => Number(b.amount)))).toBe(Number(bids.find((b) => b.company_id === firm)?.amount));
      }
    }
    // A cadre's relative paid an entitlement (not means-tested) three years or more.
    const universal = new Set(data.programs.filter((p) => p.means_tested === "false").map((p) => p.program_id));
    for (const ids of members("universal_kin").values()) {
      const grants = data.grants.filter((g) => ids.has(g.grant_id as string));
      expect(grants.length).toBeGreaterThanOrEqual(3);
      expect(grants.every((g) => universal.has(g.program_id as string))).toBe(true);
    }
    // Almost every farming household draws the farmland subsidy: far more than the means-tested programmes.
    const perProgram = (name: string): number => {
      const id = data.programs.find((p) => p.name === name)?.program_id;
      return data.grants.filter((g) => g.program_id === id).length;
    };
    expect(perProgram("耕地地力保护补贴")).toBeGreaterThan(3 * perProgram("农村最低生活保障金"));
  });

  it("keeps the background dominant", () => {
    const labels = load(path.dirname(a.labelsPath), "labels.csv");
    const labelled = new Set(labels.map((l) => l.entity_id));
    const share = (f: BundleFile): number => data[f].filter((r) => labelled.has(r[ID_COLUMNS[f] as string] as string)).length / data[f].length;
    expect(share("grants")).toBeLessThan(0.3);
    expect(share("projects")).toBeLessThan(0.7);
    expect(share("transfers")).toBeLessThan(0.1);
  });
});
