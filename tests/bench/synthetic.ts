// A synthetic bundle of any size in the import contract, for measuring the importer when no seeded
// county is at hand: uniform random ties, valid rows only. Deterministic for a given size.
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { idCheckDigit } from "../../services/ingest/normalise.ts";

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Out {
  private readonly stream;
  private buffer: string[] = [];
  constructor(file: string, header: string) {
    this.stream = createWriteStream(file);
    this.buffer.push(header);
  }
  async row(...cells: (string | number | boolean | undefined)[]): Promise<void> {
    this.buffer.push(cells.map((c) => (c === undefined ? "" : String(c))).join(","));
    if (this.buffer.length >= 5000) await this.flush();
  }
  private async flush(): Promise<void> {
    const text = this.buffer.join("\n") + "\n";
    this.buffer = [];
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** Writes a bundle with `persons` persons and proportionate other files; returns the row count. */
export async function writeSyntheticBundle(folder: string, persons: number, seed = 7): Promise<number> {
  await mkdir(folder, { recursive: true });
  const r = rng(seed);
  const pick = (n: number) => Math.floor(r() * n);
  const day = (from: number, span: number) => {
    const d = new Date(Date.UTC(from, 0, 1) + pick(span * 365) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  let rows = 0;
  const file = (name: string, header: string) => new Out(path.join(folder, name), header);

  const townships = Math.max(1, Math.round(persons / 15_000));
  const villages = Math.max(2, Math.round(persons / 750));
  const regions = file("regions.csv", "region_id,name,level,parent_id");
  await regions.row("R0", "县", "county", "");
  for (let t = 1; t <= townships; t++) await regions.row(`RT${t}`, `镇${t}`, "township", "R0");
  for (let v = 1; v <= villages; v++) await regions.row(`RV${v}`, `村${v}`, "village", `RT${1 + (v % townships)}`);
  await regions.close();
  rows += 1 + townships + villages;
  const village = () => `RV${1 + pick(villages)}`;

  const households = Math.ceil(persons / 4);
  const hh = file("households.csv", "household_id,region_id,address,head_person_id,split_from,created_date");
  for (let h = 1; h <= households; h++) await hh.row(`H${h}`, village(), `村${h % villages}组${h}号`, `P${(h - 1) * 4 + 1}`, h > 10 && r() < 0.05 ? `H${1 + pick(h - 1)}` : "", day(1990, 30));
  await hh.close();
  rows += households;

  const p = file("persons.csv", "person_id,name,gender,birth_date,death_date,id_number,household_id,region_id,phone,address,bank_account,public_employee,employer");
  for (let i = 1; i <= persons; i++) {
    const birth = day(1940, 70);
    const base = `530122${birth.replaceAll("-", "")}${pad(i % 1000, 3)}`;
    const h = Math.floor((i - 1) / 4) + 1;
    await p.row(
      `P${i}`,
      `李${i}`,
      r() < 0.5 ? "M" : "F",
      birth,
      r() < 0.03 ? day(2015, 8) : "",
      base + idCheckDigit(base),
      `H${h}`,
      village(),
      r() < 0.8 ? `138${pad(pick(persons * 2), 8)}` : "",
      `村${h % villages}组${h}号`,
      r() < 0.5 ? `6222${pad(i, 12)}` : "",
      r() < 0.05 ? "true" : "false",
      "",
    );
  }
  await p.close();
  rows += persons;

  const programs = file("programs.csv", "program_id,name,field,means_tested");
  const fields = ["housing", "education", "medical", "dibao", "agriculture"];
  for (let i = 1; i <= 10; i++) await programs.row(`PG${i}`, `项目${i}`, fields[i % fields.length], i % 2 === 0);
  await programs.close();
  rows += 10;

  const companyCount = Math.max(10, Math.round(persons / 60));
  const companies = file("companies.csv", "company_id,name,region_id,registered_date,status,address,phone,bank_account");
  for (let i = 1; i <= companyCount; i++) await companies.row(`C${i}`, `公司${i}`, village(), day(2000, 20), "active", `镇${i}号`, `0871${pad(pick(1e7), 7)}`, `6228${pad(i, 12)}`);
  await companies.close();
  rows += companyCount;

  const accountCount = Math.round(persons * 0.6);
  const accounts = file("accounts.csv", "account_id,owner_id,bank,opened_date");
  for (let i = 1; i <= accountCount; i++) await accounts.row(`6222${pad(i, 12)}`, `P${1 + ((i * 7) % persons)}`, "农村信用社", day(2000, 20));
  await accounts.close();
  rows += accountCount;

  const projectCount = Math.max(10, Math.round(persons / 100));
  const projects = file("projects.csv", "project_id,name,region_id,field,budget,method,announce_date,deadline_date,award_date,approved_by,awarded_to,award_amount");
  for (let i = 1; i <= projectCount; i++) await projects.row(`PJ${i}`, `工程${i}`, village(), "infrastructure", 100000 + pick(900000), "open_tender", "2020-01-01", "2020-02-01", "2020-03-01", `P${1 + pick(persons)}`, `C${1 + pick(companyCount)}`, 100000 + pick(800000));
  await projects.close();
  rows += projectCount;

  const grants = file("grants.csv", "grant_id,program_id,beneficiary_id,region_id,year,approved_amount,paid_amount,paid_date,approved_by,account");
  for (let i = 1; i <= persons; i++) await grants.row(`G${i}`, `PG${1 + pick(10)}`, `P${1 + pick(persons)}`, village(), 2018 + pick(5), 3600, 3600, day(2018, 5), `P${1 + pick(persons)}`, `6222${pad(1 + pick(accountCount), 12)}`);
  await grants.close();
  rows += persons;

  const tips = file("tips.csv", "tip_id,received_date,channel,subject_ids,summary");
  for (let i = 1; i <= Math.round(persons / 300); i++) await tips.row(`TIP${i}`, day(2019, 4), "letter", `P${1 + pick(persons)};C${1 + pick(companyCount)}`, "举报");
  await tips.close();
  rows += Math.round(persons / 300);

  const moves = file("household_moves.csv", "person_id,household_id,date,from_household_id");
  for (let i = 1; i <= Math.round(persons / 60); i++) await moves.row(`P${1 + pick(persons)}`, `H${1 + pick(households)}`, day(2015, 8), `H${1 + pick(households)}`);
  await moves.close();
  rows += Math.round(persons / 60);

  const posts = file("posts.csv", "person_id,region_id,role,title,start_date,end_date");
  for (let v = 1; v <= villages; v++) await posts.row(`P${1 + pick(persons)}`, `RV${v}`, "party_secretary", "书记", day(2010, 10), "");
  await posts.close();
  rows += villages;

  const kin = file("kinship.csv", "person_id,relative_id,relation,declared");
  const relations = ["spouse", "parent", "child", "sibling", "cousin"];
  for (let i = 1; i <= persons; i++) await kin.row(`P${i}`, `P${1 + pick(persons)}`, relations[pick(5)], r() < 0.1);
  await kin.close();
  rows += persons;

  const roles = file("company_roles.csv", "person_id,company_id,role,share,start_date,end_date");
  for (let i = 1; i <= companyCount * 2; i++) await roles.row(`P${1 + pick(persons)}`, `C${1 + ((i - 1) % companyCount)}`, i <= companyCount ? "legal_rep" : "shareholder", "0.5", day(2000, 20), "");
  await roles.close();
  rows += companyCount * 2;

  const bids = file("bids.csv", "project_id,company_id,amount,submitted_date,deposit_account,preparer,disqualified");
  for (let i = 1; i <= projectCount * 3; i++) await bids.row(`PJ${1 + ((i - 1) % projectCount)}`, `C${1 + pick(companyCount)}`, 100000 + pick(900000), "2020-01-20", "", "", "false");
  await bids.close();
  rows += projectCount * 3;

  const transferCount = persons * 2;
  const transfers = file("transfers.csv", "transfer_id,from_account,to_account,amount,date");
  for (let i = 1; i <= transferCount; i++) await transfers.row(`T${i}`, `6222${pad(1 + pick(accountCount), 12)}`, `6222${pad(1 + pick(accountCount), 12)}`, pick(100000) / 10, day(2018, 5));
  await transfers.close();
  rows += transferCount;

  const assets = file("assets.csv", "owner_id,kind,value,registered_date,description");
  for (let i = 1; i <= Math.round(persons / 10); i++) await assets.row(`P${1 + pick(persons)}`, r() < 0.5 ? "vehicle" : "real_estate", 10000 + pick(1e6), day(2000, 20), `资产${i}`);
  await assets.close();
  rows += Math.round(persons / 10);
  return rows;
}
