// Writes the county as its IT department would export it: some files CSV (a BOM, CRLF, every field
// quoted, columns in the export system's order; on request, columns the contract does not name,
// which the importer ignores with a warning), others JSON
// Lines (amounts as numbers or as strings with cents, empty values as null or left out); phones,
// ID numbers, accounts, names and addresses typed the ways clerks type them (all of which the
// contract's normalisation accepts). Then the ground truth beside the bundle.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BUNDLE_FILES, LABEL_COLUMNS, LOOKALIKE_COLUMNS, PARTY_COLUMNS } from "../contract.ts";
import { exportedPosts } from "./cadres.ts";
import type { County, Entity } from "./county.ts";
import { iso, type Day } from "./dates.ts";
import { isPerson, type KinRow, type Person, type Relation } from "./model.ts";
import type { FileName } from "./profile.ts";
import { Rng } from "./rng.ts";

type Value = string | number | boolean | undefined;
type Row = Record<string, Value>;

/** Marks a value written as an amount (two decimals; a number or a string in JSON Lines). */
class Money {
  constructor(readonly value: number) {}
}
type Cell = Value | Money;

/** Columns the contract does not name, in English or as the export system labels them. */
const EXTRAS: Partial<Record<FileName, [string, string][]>> = {
  persons: [["ethnicity", "民族"], ["education", "文化程度"], ["remark", "备注"]],
  households: [["household_type", "户别"]],
  companies: [["business_scope", "经营范围"], ["legal_rep_name", "法定代表人"]],
  grants: [["batch_no", "发放批次"], ["remark", "备注"]],
  projects: [["funding_source", "资金来源"], ["contract_no", "合同编号"]],
  transfers: [["memo", "摘要"], ["channel", "交易渠道"]],
  posts: [["appointment_doc", "任职文号"]],
};

const CLOSE: readonly Relation[] = ["spouse", "parent", "child", "sibling", "in_law"];

export interface WriteResult {
  rows: Record<FileName, number>;
  persons: number;
  companies: number;
}

export interface WriterOptions {
  /** Also write the export system's own columns (民族, 备注, 摘要 …); the importer warns and ignores them. */
  extraColumns: boolean;
}

export class BundleWriter {
  private readonly rng: Rng;
  private readonly exported = new Set<Person>();
  private readonly chineseExtras: boolean;

  constructor(
    private readonly c: County,
    private readonly options: WriterOptions = { extraColumns: false },
  ) {
    this.rng = new Rng(`thirdparty-writer-${c.profile.seed}`);
    this.chineseExtras = this.rng.chance(0.5);
    for (const p of c.persons) if (!p.gone) this.exported.add(p);
  }

  // ---- typing noise ----

  private fullWidth(s: string): string {
    return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  }

  private phone(v: string | undefined): string | undefined {
    if (!v) return undefined;
    const r = this.rng.next();
    let s = v;
    if (v.length === 11 && v.startsWith("1")) {
      if (r < 0.08) s = `+86 ${v}`;
      else if (r < 0.16) s = `${v.slice(0, 3)}-${v.slice(3, 7)}-${v.slice(7)}`;
      else if (r < 0.22) s = `${v.slice(0, 3)} ${v.slice(3, 7)} ${v.slice(7)}`;
    }
    return this.rng.chance(this.c.profile.noise.fullWidth) ? this.fullWidth(s) : s;
  }

  private idNumber(v: string): string | undefined {
    const n = this.c.profile.noise;
    if (this.rng.chance(n.idNumberMissing)) return undefined;
    let s = v;
    if (s.endsWith("X") && this.rng.chance(0.4)) s = `${s.slice(0, 17)}x`;
    if (this.rng.chance(n.fullWidth)) s = this.fullWidth(s);
    return s;
  }

  private name(v: string): string {
    if (v.length >= 3 && this.rng.chance(this.c.profile.noise.nameSpace)) return `${v[0]} ${v.slice(1)}`;
    return v;
  }

  private account(v: string | undefined): string | undefined {
    if (!v) return undefined;
    if (this.rng.chance(0.12)) return v.replace(/(\d{4})(?=\d)/g, "$1 ");
    if (this.rng.chance(0.04)) return v.replace(/(\d{4})(?=\d)/g, "$1-");
    return v;
  }

  private address(v: string | undefined): string | undefined {
    if (!v) return undefined;
    if (this.rng.chance(0.08)) return v.replace(/组/, " 组 ");
    if (this.rng.chance(this.c.profile.noise.fullWidth)) return this.fullWidth(v);
    return v;
  }

  private out(p: Entity | undefined): string | undefined {
    if (!p) return undefined;
    if (isPerson(p) && !this.exported.has(p)) throw new Error(`generator bug: a row refers to ${p.name}, who is not in persons`);
    return p.id;
  }

  private d(x: Day | undefined): string | undefined {
    return x === undefined ? undefined : iso(x);
  }

  private money(x: number | undefined): Money | undefined {
    return x === undefined ? undefined : new Money(x);
  }

  // ---- tables ----

  private tables(): Record<FileName, Row[] | Record<string, Cell>[]> {
    const { c } = this;
    const rng = this.rng;
    const persons = c.persons.filter((p) => this.exported.has(p));
    const kinRows = this.kinship();
    return {
      regions: [c.county, ...c.townships, ...c.villages].map((r) => ({ region_id: r.id, name: r.name, level: r.level, parent_id: r.parent?.id })),
      programs: [...c.programs.values()].map((p) => ({ program_id: p.id, name: p.name, field: p.field, means_tested: p.meansTested })),
      persons: persons.map((p) => ({
        person_id: p.id,
        name: this.name(p.name),
        gender: rng.chance(0.98) ? (p.male ? "M" : "F") : undefined,
        birth_date: this.d(p.born),
        death_date: this.d(p.died),
        id_number: this.idNumber(p.idNumber),
        household_id: p.household?.id,
        region_id: p.village.id,
        phone: this.phone(p.phone),
        address: this.address(p.address ?? p.household?.address),
        bank_account: this.account(p.accounts[0]),
        public_employee: p.publicEmployee ? true : rng.chance(0.3) ? false : undefined,
        employer: p.employer,
        ethnicity: p.ethnicity,
        education: rng.chance(0.7) ? p.education : undefined,
        remark: p.needy && rng.chance(0.3) ? rng.pick(["脱贫户,监测对象", "低保户", "五保户\n(分散供养)", "残疾,二级"]) : undefined,
      })),
      households: c.households.map((h) => ({
        household_id: h.id,
        region_id: h.village.id,
        address: this.address(h.address),
        head_person_id: h.head && this.exported.has(h.head) ? h.head.id : undefined,
        split_from: h.splitFrom?.id,
        created_date: this.d(h.created),
        household_type: rng.chance(0.6) ? "农业家庭户" : undefined,
      })),
      household_moves: c.moves.filter((m) => this.exported.has(m.person)).map((m) => ({ person_id: this.out(m.person), household_id: m.household.id, date: this.d(m.date), from_household_id: m.from?.id })),
      posts: exportedPosts(c).map((p) => ({
        person_id: this.out(p.person),
        region_id: p.region.id,
        role: p.role,
        title: p.title,
        start_date: this.d(p.start),
        end_date: this.d(p.end),
        appointment_doc: rng.chance(0.3) ? `${c.county.name.slice(0, 2)}组字〔${iso(p.start).slice(0, 4)}〕${rng.int(1, 60)}号` : undefined,
      })),
      kinship: kinRows.map((k) => ({ person_id: this.out(k.person), relative_id: this.out(k.relative), relation: k.relation, declared: k.declared })),
      companies: c.companies.map((x) => ({
        company_id: x.id,
        name: x.name,
        region_id: x.region?.id,
        registered_date: this.d(x.registered),
        status: x.status === "active" && rng.chance(0.1) ? undefined : x.status,
        address: this.address(x.address),
        phone: this.phone(x.phone),
        bank_account: this.account(x.account),
        business_scope: rng.chance(0.7) ? x.scope : undefined,
        legal_rep_name: rng.chance(0.5) ? c.roles.find((r) => r.company === x && r.role === "legal_rep")?.person.name : undefined,
      })),
      company_roles: c.roles.map((r) => ({ person_id: this.out(r.person), company_id: r.company.id, role: r.role, share: r.share === undefined ? undefined : r.share.toFixed(2), start_date: this.d(r.start), end_date: this.d(r.end) })),
      accounts: [...c.accounts.values()].filter((a) => isPerson(a.owner) ? this.exported.has(a.owner) : true).map((a) => ({ account_id: this.account(a.id), owner_id: a.owner.id, bank: rng.chance(0.9) ? a.bank : undefined, opened_date: this.d(a.opened) })),
      projects: c.projects.map((p) => ({
        project_id: p.id,
        name: p.name,
        region_id: p.region.id,
        field: p.field,
        budget: this.money(p.budget),
        method: p.method,
        announce_date: this.d(p.announce),
        deadline_date: this.d(p.deadline),
        award_date: this.d(p.award),
        approved_by: this.out(p.approver),
        awarded_to: p.winner?.id,
        award_amount: this.money(p.awardAmount),
        funding_source: p.fundingSource,
        contract_no: p.contractNo,
      })),
      bids: c.bids.map((b) => ({
        project_id: b.project.id,
        company_id: b.company.id,
        amount: this.money(b.amount),
        submitted_date: this.d(b.submitted),
        deposit_account: this.account(b.depositAccount),
        preparer: b.preparer,
        disqualified: b.disqualified ? true : rng.chance(0.5) ? false : undefined,
      })),
      grants: c.grants.map((g) => ({
        grant_id: g.id,
        program_id: g.program.id,
        beneficiary_id: this.out(g.beneficiary),
        region_id: g.region.id,
        year: g.year,
        approved_amount: this.money(g.approved),
        paid_amount: this.money(g.paid),
        paid_date: this.d(g.paidOn),
        approved_by: this.out(g.approver),
        account: this.account(g.account),
        batch_no: g.batch,
        remark: g.remark,
      })),
      transfers: c.transfers.map((t) => ({ transfer_id: t.id, from_account: t.from, to_account: t.to, amount: this.money(t.amount), date: this.d(t.date), memo: t.memo, channel: rng.chance(0.5) ? rng.pick(["柜面", "手机银行", "网上银行", "ATM"]) : undefined })),
      assets: c.assets.map((a) => ({ owner_id: this.out(a.owner), kind: a.kind, value: this.money(a.value), registered_date: this.d(a.registered), description: a.description })),
      tips: c.tips.map((t) => ({ tip_id: t.id, received_date: this.d(t.received), channel: t.channel, subject_ids: t.subjects.map((e) => this.out(e)).join(";"), summary: t.summary })),
      cases: c.cases.map((x) => ({
        case_id: x.id,
        opened_date: this.d(x.opened),
        closed_date: this.d(x.closed),
        subject_ids: x.subjects.map((e) => this.out(e)).join(";"),
        typology: x.typology,
        field: x.field,
        amount: this.money(x.amount),
        outcome: x.outcome,
      })),
    };
  }

  /** Household-register links (parents, spouses), written one way or both, plus the explicit rows. */
  private kinship(): KinRow[] {
    const { c } = this;
    const rng = this.rng;
    const style = c.profile.kin;
    const rows: KinRow[] = [];
    const seen = new Map<string, KinRow>();
    const add = (r: KinRow) => {
      if (!this.exported.has(r.person) || !this.exported.has(r.relative) || r.person === r.relative) return;
      const key = `${r.person.id}|${r.relative.id}|${r.relation}`;
      const had = seen.get(key);
      if (had) {
        if (r.declared !== undefined) had.declared = r.declared;
        return;
      }
      seen.set(key, r);
      rows.push(r);
    };
    for (const p of c.persons) {
      if (!this.exported.has(p)) continue;
      for (const parent of [p.father, p.mother]) {
        if (!parent) continue;
        add({ person: p, relative: parent, relation: "parent" });
        if (style !== "registry") add({ person: parent, relative: p, relation: "child" });
      }
      if (p.spouse && p.male) {
        add({ person: p, relative: p.spouse, relation: "spouse" });
        if (style !== "registry") add({ person: p.spouse, relative: p, relation: "spouse" });
      }
      if (style === "extended") {
        for (const s of p.father?.children ?? []) if (s.born > p.born && rng.chance(0.7)) add({ person: p, relative: s, relation: "sibling" });
        const gp = p.father?.father;
        if (gp && rng.chance(0.5)) add({ person: p, relative: gp, relation: "grandparent" });
        for (const u of p.father?.father?.children ?? []) if (u !== p.father && rng.chance(0.3)) add({ person: p, relative: u, relation: "uncle_aunt" });
      }
    }
    for (const k of c.kin) add({ ...k });
    // Cadres file their close relatives with the party; some are filed, some not.
    const cadres = new Set(c.posts.map((p) => p.person));
    for (const r of rows) {
      if (r.declared !== undefined || !CLOSE.includes(r.relation)) continue;
      if (!cadres.has(r.person) && !cadres.has(r.relative)) continue;
      if (c.culprits.has(r.person) && c.culprits.has(r.relative)) continue;
      r.declared = rng.chance(c.profile.declaredShare) ? true : rng.chance(0.5) ? false : undefined;
    }
    return rows;
  }

  // ---- serialisation ----

  private columns(file: FileName, rows: Record<string, Cell>[]): { header: string[]; keys: string[] } {
    const base: string[] = [...BUNDLE_FILES[file]];
    const extras = (this.options.extraColumns ? (EXTRAS[file] ?? []) : []).filter(([key]) => rows.some((r) => r[key] !== undefined && r[key] !== ""));
    const keys = [...base, ...extras.map(([k]) => k)];
    let header = [...base, ...extras.map(([en, zh]) => (this.chineseExtras ? zh : en))];
    if (this.c.profile.shuffleColumns && (file === "persons" || file === "grants" || file === "companies" || file === "projects")) {
      const order = this.rng.shuffle(keys.map((_, i) => i));
      header = order.map((i) => header[i] as string);
      return { header, keys: order.map((i) => keys[i] as string) };
    }
    return { header, keys };
  }

  private csvCell(v: Cell): string {
    const s = v instanceof Money ? v.value.toFixed(2) : v === undefined ? "" : String(v);
    if (this.c.profile.quoteAll || /[",\r\n]/.test(s) || s !== s.trim()) return `"${s.replaceAll('"', '""')}"`;
    return s;
  }

  private csv(file: FileName, rows: Record<string, Cell>[]): string {
    const { header, keys } = this.columns(file, rows);
    const eol = this.c.profile.crlf ? "\r\n" : "\n";
    const lines = [header.map((h) => this.csvCell(h)).join(",")];
    for (const r of rows) lines.push(keys.map((k) => this.csvCell(r[k])).join(","));
    return (this.c.profile.bom ? "\ufeff" : "") + lines.join(eol) + eol;
  }

  private jsonl(file: FileName, rows: Record<string, Cell>[]): string {
    const { header, keys } = this.columns(file, rows);
    const nulls = this.rng.chance(0.5);
    const lines: string[] = [];
    for (const r of rows) {
      const o: Record<string, unknown> = {};
      keys.forEach((k, i) => {
        const v = r[k];
        const name = header[i] as string;
        if (v === undefined) {
          if (nulls) o[name] = null;
        } else if (v instanceof Money) o[name] = this.c.profile.jsonAmounts === "number" ? v.value : v.value.toFixed(2);
        else o[name] = v;
      });
      lines.push(JSON.stringify(o));
    }
    return lines.join("\n") + "\n";
  }

  write(dir: string): WriteResult {
    const bundle = path.join(dir, "bundle");
    rmSync(bundle, { recursive: true, force: true });
    mkdirSync(bundle, { recursive: true });
    const tables = this.tables();
    const rows = {} as Record<FileName, number>;
    for (const [file, data] of Object.entries(tables) as [FileName, Record<string, Cell>[]][]) {
      const format = this.c.profile.formats[file];
      const text = format === "csv" ? this.csv(file, data) : this.jsonl(file, data);
      writeFileSync(path.join(bundle, `${file}.${format}`), text);
      rows[file] = data.length;
    }
    this.truth(dir);
    return { rows, persons: rows.persons, companies: rows.companies };
  }

  /** labels.csv (culprits), parties.csv (victims, unwitting parties), lookalikes.csv (innocent cases). */
  private truth(dir: string): void {
    const { c } = this;
    const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
    const file = (name: string, header: readonly string[], lines: string[][]) => writeFileSync(path.join(dir, name), [header.join(","), ...lines.map((l) => l.map(q).join(","))].join("\n") + "\n");
    file("labels.csv", LABEL_COLUMNS, c.labels.map((l) => [l.scheme, l.typology, l.entity.id, l.role]));
    file("parties.csv", PARTY_COLUMNS, c.parties.filter((p) => !c.culprits.has(p.entity)).map((p) => [p.scheme, p.entity.id, p.part]));
    file("lookalikes.csv", LOOKALIKE_COLUMNS, c.lookalikes.filter((l) => !c.culprits.has(l.entity)).map((l) => [l.id, l.kind, l.entity.id]));
  }
}
