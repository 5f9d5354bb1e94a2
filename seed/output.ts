// The bundle's CSV files (one streaming writer each) and the rows written for a township or a county.
import fs from "node:fs";
import path from "node:path";
import { W1, fmt, type Day } from "./dates.ts";
import { BUNDLE_FILES, LABEL_COLUMNS, LOOKALIKE_COLUMNS, PARTY_COLUMNS, type BundleFile } from "./contract.ts";
import { CsvWriter, yuan } from "./writer.ts";
import type { CountyPlan, Region } from "./geography.ts";
import type { Account, Asset, Company, LookalikeRow, RoleRow } from "./model.ts";
import { fullName } from "./model.ts";
import type { Program } from "./programs.ts";
import type { CountyState, TownshipState } from "./world.ts";
import { pairKey } from "./world.ts";

function d(x: Day | undefined): string {
  return x === undefined ? "" : fmt(x);
}

function money(x: number | undefined): string {
  return x === undefined ? "" : yuan(x);
}

export class Output {
  readonly files: Record<BundleFile, CsvWriter>;
  readonly labels: CsvWriter;
  readonly lookalikes: CsvWriter;
  readonly parties: CsvWriter;

  /** The bundle goes to `bundleDir`; labels.csv, lookalikes.csv and parties.csv beside it, in `truthDir`. */
  constructor(readonly bundleDir: string, readonly truthDir: string) {
    fs.mkdirSync(bundleDir, { recursive: true });
    const files = {} as Record<BundleFile, CsvWriter>;
    for (const [name, cols] of Object.entries(BUNDLE_FILES) as [BundleFile, readonly string[]][]) {
      files[name] = new CsvWriter(path.join(bundleDir, `${name}.csv`), cols);
    }
    this.files = files;
    this.labels = new CsvWriter(path.join(truthDir, "labels.csv"), LABEL_COLUMNS);
    this.lookalikes = new CsvWriter(path.join(truthDir, "lookalikes.csv"), LOOKALIKE_COLUMNS);
    this.parties = new CsvWriter(path.join(truthDir, "parties.csv"), PARTY_COLUMNS);
  }

  rows(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, w] of Object.entries(this.files)) out[`${name}.csv`] = w.rows;
    out["labels.csv"] = this.labels.rows;
    out["lookalikes.csv"] = this.lookalikes.rows;
    out["parties.csv"] = this.parties.rows;
    return out;
  }

  close(): void {
    for (const w of Object.values(this.files)) w.close();
    this.labels.close();
    this.lookalikes.close();
    this.parties.close();
  }

  programs(list: readonly Program[]): void {
    for (const p of list) this.files.programs.write([p.id, p.name, p.field, p.meansTested]);
  }

  regions(county: CountyPlan): void {
    const w = this.files.regions;
    const row = (r: Region): void => w.write([r.id, r.name, r.level, r.parentId]);
    row(county);
    for (const t of county.townships) {
      row(t);
      for (const v of t.villages) row(v);
    }
  }

  private accounts(list: readonly Account[]): void {
    for (const a of list) this.files.accounts.write([a.id, a.ownerId, a.bank, fmt(a.opened)]);
  }

  private roles(list: readonly RoleRow[]): void {
    for (const r of list) {
      this.files.company_roles.write([r.personId, r.companyId, r.role, r.share === undefined ? "" : String(r.share), d(r.start), d(r.end)]);
    }
  }

  private companies(list: readonly Company[]): void {
    for (const c of list) {
      this.files.companies.write([c.id, c.name, c.regionId, fmt(c.regDay), c.status, c.addressText, c.phoneText, c.bankAccountText]);
      this.accounts(c.accounts);
    }
  }

  township(tw: TownshipState): void {
    const f = this.files;
    for (const p of tw.emitted) {
      f.persons.write([
        p.id, p.nameText || fullName(p), p.gender, fmt(p.birth), p.death <= W1 ? fmt(p.death) : "", p.idNumber, p.hh?.id ?? "",
        p.hh?.village.id ?? "", p.phoneText, p.addressText, p.bankAccountText, p.publicEmployee, p.employer,
      ]);
    }
    for (const h of tw.households) {
      if (!h.emitted) continue;
      f.households.write([h.id, h.village.id, h.addressText, h.head?.id ?? "", h.splitFrom?.emitted ? h.splitFrom.id : "", fmt(h.created)]);
    }
    for (const m of tw.moves) f.household_moves.write([m.person.id, m.to.id, fmt(m.day), m.from?.emitted ? m.from.id : ""]);
    for (const p of tw.posts) f.posts.write([p.ref.id, p.regionId, p.role, p.title, fmt(p.start), d(p.end)]);
    this.kinship(tw);
    this.companies(tw.companies);
    this.roles(tw.roles);
    this.accounts(tw.accounts);
    for (const p of tw.projects) {
      f.projects.write([
        p.id, p.name, p.regionId, p.field, money(p.budget), p.method, d(p.announce), d(p.deadline), fmt(p.award),
        p.approvedBy ?? "", p.winner.id, money(p.awardAmount),
      ]);
      for (const b of p.bids) f.bids.write([p.id, b.company.id, money(b.amount), fmt(b.submitted), b.deposit, b.preparer ?? "", b.disqualified]);
    }
    for (const g of tw.grants) {
      f.grants.write([g.id, g.programId, g.beneficiaryId, g.regionId, g.year, money(g.approved), money(g.paid), fmt(g.paidDay), g.approvedBy ?? "", g.account]);
    }
    for (const t of tw.transfers) f.transfers.write([t.id, t.from, t.to, money(t.amount), fmt(t.day)]);
    this.assets(tw.assets);
    for (const t of tw.tips) f.tips.write([t.id, fmt(t.received), t.channel, t.subjects.join(";"), t.summary]);
    for (const c of tw.cases) f.cases.write([c.id, fmt(c.opened), d(c.closed), c.subjects.join(";"), c.typology, c.field ?? "", money(c.amount), c.outcome]);
    for (const l of tw.labels) this.labels.write([l.schemeId, l.typology, l.entityId, l.role]);
    this.lookalikeRows(tw.lookalikes);
    for (const p of tw.parties) this.parties.write([p.schemeId, p.entityId, p.part]);
  }

  private assets(list: readonly Asset[]): void {
    for (const a of list) this.files.assets.write([a.ownerId, a.kind, money(a.value), d(a.registered), a.description]);
  }

  private lookalikeRows(rows: readonly LookalikeRow[]): void {
    for (const l of rows) this.lookalikes.write([l.lookalikeId, l.kind, l.entityId]);
  }

  /** One row per kin pair, stated from the earlier-created person; cadres declare some relations. */
  private kinship(tw: TownshipState): void {
    const w = this.files.kinship;
    const rng = tw.rng.fork("declared");
    for (const p of tw.emitted) {
      for (const k of tw.relatives(p)) {
        const q = k.person;
        if (q.idx < p.idx) continue;
        const forced = tw.declared.get(pairKey(p, q));
        let declared = forced;
        if (declared === undefined) {
          const cadre = p.cadre || q.cadre;
          const share = tw.style.declared;
          declared = cadre && rng.chance(k.relation === "spouse" || k.relation === "child" || k.relation === "parent" ? share : share * 0.4);
        }
        w.write([p.id, q.id, k.relation, declared]);
      }
    }
  }

  county(county: CountyState): void {
    this.companies(county.companies);
    this.roles(county.roles);
    this.assets(county.assets);
    this.lookalikeRows(county.lookalikes);
  }
}
