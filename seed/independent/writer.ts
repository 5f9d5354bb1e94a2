// Writes the county: the bundle (CSV, or JSON Lines for the files the seed picks) in the import
// contract's columns, dirty where the contract allows it; then the evaluation files beside it:
// labels.csv (culprits), parties.csv (victims and other parties), lookalikes.csv, county.json.
// Rows are sorted by their text so that file order says nothing about how a row came to be.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BUNDLE_FILES } from "../contract.ts";
import { bankName } from "./accounts.ts";
import { cadreSet } from "./cadres.ts";
import { END, iso, START, type Day } from "./dates.ts";
import { kinshipRows } from "./kin.ts";
import type { Company, Household, Owner, Person, Region, World } from "./model.ts";
import { Noise } from "./noise.ts";
import { headAt, regionAt } from "./population.ts";

type Cell = string | number | boolean | undefined;
type Row = Cell[];

const COLUMNS: Record<string, readonly string[]> = BUNDLE_FILES;

/** Columns that hold amounts (written as numbers in JSON Lines, sometimes). */
const NUMERIC = new Set(["budget", "award_amount", "amount", "approved_amount", "paid_amount", "value", "share", "year"]);

function csvCell(v: string, quoteAll: boolean): string {
  if (quoteAll || /[",\r\n]/.test(v)) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

class Bundle {
  readonly files = new Map<string, string[][]>();
  constructor(private readonly world: World) {}

  add(file: string, row: Row): void {
    const cols = COLUMNS[file] as readonly string[];
    if (row.length !== cols.length) throw new Error(`${file}: ${row.length} cells for ${cols.length} columns`);
    let rows = this.files.get(file);
    if (!rows) {
      rows = [];
      this.files.set(file, rows);
    }
    rows.push(row.map((c) => (c === undefined ? "" : typeof c === "boolean" ? (c ? "true" : "false") : String(c))));
  }

  write(dir: string): Record<string, number> {
    const { style } = this.world;
    const rng = this.world.rng.fork("writer-format");
    const counts: Record<string, number> = {};
    const eol = style.crlf ? "\r\n" : "\n";
    for (const [file, rows] of this.files) {
      const cols = COLUMNS[file] as readonly string[];
      const lines = rows.map((r) => ({ r, key: r.map((v) => v.trim()).join("\u0001") }));
      lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      counts[file] = rows.length;
      if (style.jsonl.includes(file)) {
        const nulls = rng.chance(0.5);
        const out = lines.map(({ r }) => {
          const o: Record<string, string | number | null> = {};
          cols.forEach((c, i) => {
            const v = r[i] as string;
            if (v === "") {
              if (nulls) o[c] = null;
              return;
            }
            o[c] = NUMERIC.has(c) && /^\d+(\.\d+)?$/.test(v) && !/\.\d*0$/.test(v) && rng.chance(0.6) ? Number(v) : v;
          });
          return JSON.stringify(o);
        });
        writeFileSync(path.join(dir, `${file}.jsonl`), out.join("\n") + "\n");
      } else {
        const quoteAll = rng.chance(0.15);
        const body = [cols.join(","), ...lines.map(({ r }) => r.map((v) => csvCell(v, quoteAll && v !== "")).join(","))].join(eol) + eol;
        writeFileSync(path.join(dir, `${file}.csv`), (style.bom && rng.chance(0.6) ? "\ufeff" : "") + body);
      }
    }
    return counts;
  }
}

/** Writes everything; returns the row counts per bundle file. */
export function writeCounty(world: World, out: string): Record<string, number> {
  const { style } = world;
  const rng = world.rng.fork("writer");
  const noise = new Noise(rng, style.noise);
  const bundleDir = path.join(out, "bundle");
  rmSync(bundleDir, { recursive: true, force: true });
  mkdirSync(bundleDir, { recursive: true });
  const b = new Bundle(world);
  const d = (x: Day | undefined) => (x === undefined ? undefined : iso(x));
  const people = world.persons.filter((p) => p.inData);
  const personIds = new Set(people.map((p) => p.id));
  const P = (k: number | undefined) => (k === undefined ? undefined : (world.persons[k] as Person));
  const pid = (k: number | undefined) => {
    const p = P(k);
    if (!p) return undefined;
    if (!personIds.has(p.id)) throw new Error(`reference to a person not on file: ${p.id}`);
    return p.id;
  };
  const ownerId = (o: Owner) => (o.type === "person" ? pid(o.k) : (world.companies[o.k] as Company).id);
  const accountNo = (k: number | undefined) => (k === undefined ? undefined : world.accounts[k]?.number);
  const pad = (v: string | undefined) => (v === undefined ? undefined : noise.pad(v));

  for (const r of world.regions) b.add("regions", [pad(r.id), r.name, r.level, pad(r.parent === undefined ? undefined : (world.regions[r.parent] as Region).id)]);

  const householdsUsed = new Set<number>();
  for (const p of people) {
    const last = p.households.at(-1)?.[1];
    if (last !== undefined && !p.noHousehold) householdsUsed.add(last);
    for (const [, h] of p.households) householdsUsed.add(h);
    const at = p.death ?? END;
    const region = (world.regions[p.fictitious ? p.home : regionAt(world, p, at)] as Region).id;
    const hh = p.noHousehold || last === undefined ? undefined : (world.households[last] as Household).id;
    b.add("persons", [
      pad(p.id),
      p.written,
      noise.keep(style.noise * 0.04) ? p.gender : undefined,
      noise.keep(style.noise * 0.03) ? d(p.birth) : undefined,
      d(p.death),
      p.idNumber ? noise.idNumber(p.idNumber) : undefined,
      hh !== undefined && noise.keep(style.noise * 0.02) ? pad(hh) : undefined,
      noise.keep(style.noise * 0.02) ? pad(region) : undefined,
      p.phone ? noise.phone(p.phone) : undefined,
      p.address ? noise.address(p.address) : undefined,
      p.account !== undefined && (world.showAccount.has(p.k) || world.accounts[p.account]?.unlisted || noise.keep(0.15)) ? noise.account(accountNo(p.account) as string) : undefined,
      p.publicEmployee ? true : noise.keep(0.4) ? false : undefined,
      p.employer && noise.keep(0.2) ? p.employer : undefined,
    ]);
  }
  for (const h of world.households) {
    if (!householdsUsed.has(h.k)) continue;
    const head = headAt(h, END);
    const headOk = head !== undefined && (world.persons[head] as Person).inData;
    b.add("households", [
      pad(h.id),
      pad((world.regions[h.region] as Region).id),
      noise.keep(0.08) ? noise.address(h.address) : undefined,
      headOk && noise.keep(style.noise * 0.1) ? pid(head) : undefined,
      h.splitFrom !== undefined && householdsUsed.has(h.splitFrom) ? (world.households[h.splitFrom] as Household).id : undefined,
      h.created !== undefined && (h.created >= START || noise.keep(0.4)) ? d(h.created) : undefined,
    ]);
  }
  for (const m of world.moves) {
    if (!P(m.person)?.inData || !householdsUsed.has(m.household)) continue;
    b.add("household_moves", [pid(m.person), (world.households[m.household] as Household).id, d(m.date), m.from !== undefined && householdsUsed.has(m.from) ? (world.households[m.from] as Household).id : undefined]);
  }
  for (const p of world.posts) b.add("posts", [pid(p.person), (world.regions[p.region] as Region).id, p.role, noise.keep(0.1) ? p.title : undefined, d(p.start), d(p.end)]);
  for (const k of kinshipRows(world, cadreSet(world))) {
    if (!personIds.has(k.person) || !personIds.has(k.relative)) throw new Error(`kinship with a person not on file: ${k.person} ${k.relative}`);
    b.add("kinship", [k.person, k.relative, k.relation, k.declared]);
  }
  for (const c of world.companies) {
    b.add("companies", [
      pad(c.id),
      c.name,
      c.region !== undefined && noise.keep(0.05) ? (world.regions[c.region] as Region).id : undefined,
      d(c.registered),
      noise.keep(0.05) || c.status !== "active" ? c.status : undefined,
      c.address ? noise.address(c.address) : undefined,
      c.phone ? noise.phone(c.phone) : undefined,
      c.account !== undefined ? noise.account(accountNo(c.account) as string) : undefined,
    ]);
  }
  for (const r of world.roles) b.add("company_roles", [pid(r.person), (world.companies[r.company] as Company).id, r.role, r.share, d(r.start), d(r.end)]);
  const usedAccounts = new Set<number>();
  for (const t of world.transfers) {
    usedAccounts.add(t.from);
    usedAccounts.add(t.to);
  }
  for (const a of world.accounts) {
    if (a.unlisted && !usedAccounts.has(a.k)) continue;
    if (a.owner.type === "person" && !P(a.owner.k)?.inData) continue;
    b.add("accounts", [noise.account(a.number), ownerId(a.owner), noise.keep(0.05) ? bankName(rng, a.bank, style.noise) : undefined, a.opened !== undefined && noise.keep(0.2) ? d(a.opened) : undefined]);
  }
  for (const p of world.projects) {
    b.add("projects", [pad(p.id), p.name, (world.regions[p.region] as Region).id, p.field, noise.amount(p.budget), p.method, d(p.announce), d(p.deadline), d(p.award), pid(p.approvedBy), p.awardedTo === undefined ? undefined : (world.companies[p.awardedTo] as Company).id, p.awardAmount === undefined ? undefined : noise.amount(p.awardAmount)]);
  }
  for (const x of world.bids) {
    b.add("bids", [(world.projects[x.project] as { id: string }).id, (world.companies[x.company] as Company).id, noise.amount(x.amount), d(x.submitted), x.deposit === undefined ? undefined : noise.account(accountNo(x.deposit) as string), x.preparer, x.disqualified]);
  }
  for (const p of world.programs) b.add("programs", [p.id, p.name, p.field, p.meansTested]);
  for (const g of world.grants) {
    b.add("grants", [pad(g.id), world.programs[g.program]?.id, pid(g.beneficiary), (world.regions[g.region] as Region).id, g.year, g.approved === undefined ? undefined : noise.amount(g.approved), noise.amount(g.paid), d(g.paidDate), pid(g.approvedBy), g.account === undefined ? undefined : noise.account(accountNo(g.account) as string)]);
  }
  for (const t of world.transfers) b.add("transfers", [t.id, noise.account(accountNo(t.from) as string), noise.account(accountNo(t.to) as string), noise.amount(t.amount), d(t.date)]);
  for (const a of world.assets) {
    if (a.owner.type === "person" && !P(a.owner.k)?.inData) continue;
    b.add("assets", [ownerId(a.owner), a.kind, a.value === undefined ? undefined : noise.amount(a.value), d(a.registered), a.description]);
  }
  for (const t of world.tips) b.add("tips", [t.id, d(t.received), t.channel, t.subjects.join(rng.chance(0.2) ? "; " : ";"), t.summary]);
  for (const c of world.cases) b.add("cases", [c.id, d(c.opened), d(c.closed), c.subjects.join(";"), c.typology, c.field, c.amount, c.outcome]);
  const counts = b.write(bundleDir);

  const labels = ["scheme_id,typology,entity_id,role", ...world.schemes.flatMap((s) => s.culprits.map((c) => `${s.id},${s.typology},${c.entity},${c.role}`))];
  writeFileSync(path.join(out, "labels.csv"), labels.join("\n") + "\n");
  const parties = ["scheme_id,entity_id,part", ...world.schemes.flatMap((s) => s.parties.filter((p) => !world.culpritIds.has(p.entity)).map((p) => `${s.id},${p.entity},${p.part}`))];
  writeFileSync(path.join(out, "parties.csv"), parties.join("\n") + "\n");
  const look = ["lookalike_id,kind,entity_id", ...world.lookalikes.flatMap((l) => l.entities.map((e) => `${l.id},${l.kind},${e}`))];
  writeFileSync(path.join(out, "lookalikes.csv"), look.join("\n") + "\n");
  const schemes = world.schemes.map((s) => ({ id: s.id, typology: s.typology, variant: s.variant, culprits: s.culprits.length, parties: s.parties.length }));
  writeFileSync(path.join(out, "county.json"), JSON.stringify({ style, rows: counts, schemes }, null, 2) + "\n");
  return counts;
}
