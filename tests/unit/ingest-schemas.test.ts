// The record schemas: typed conversion of every column kind, and the compiled row parser agreeing with zod.
import { describe, expect, it } from "vitest";
import { BUNDLE_FILES, assetId } from "../../services/ingest/files.ts";
import { rowParser, zodParser } from "../../services/ingest/rows.ts";
import { SCHEMAS } from "../../services/ingest/schemas/index.ts";

const parse = (name: keyof typeof SCHEMAS, cells: Record<string, string | undefined>) => rowParser(SCHEMAS[name])(cells);
const issues = (name: keyof typeof SCHEMAS, cells: Record<string, string | undefined>) => {
  const r = parse(name, cells);
  return "issues" in r ? r.issues.map((i) => `${i.column}: ${i.reason}`) : [];
};

const person = { person_id: "P1", name: "李明" };
const grant = { grant_id: "G1", program_id: "PG1", beneficiary_id: "P1", region_id: "R1", year: "2020", paid_amount: "100", paid_date: "2020-01-01" };

describe("schemas", () => {
  it("converts a full persons row to typed, normalised values", () => {
    expect(
      parse("persons", {
        ...person,
        name: " 李  明 ",
        gender: "M",
        birth_date: "1970-01-01",
        death_date: "",
        id_number: "11010519491231002x",
        household_id: "H1",
        region_id: " R1 ",
        phone: "+86 138-0013-8000",
        address: "李家村　1号",
        bank_account: "6222 0000 0001",
        public_employee: "true",
        employer: "东镇政府",
        nickname: "ignored",
      }),
    ).toEqual({
      row: {
        person_id: "P1",
        name: "李 明",
        gender: "M",
        birth_date: "1970-01-01",
        id_number: "11010519491231002X",
        household_id: "H1",
        region_id: "R1",
        phone: "13800138000",
        address: "李家村1号",
        bank_account: "622200000001",
        public_employee: true,
        employer: "东镇政府",
      },
    });
  });

  it("requires the starred columns", () => {
    expect(issues("persons", { person_id: "P1", name: "  " })).toEqual(["name: required"]);
    expect(issues("grants", { grant_id: "G1" })).toEqual(["program_id: required", "beneficiary_id: required", "region_id: required", "year: required", "paid_amount: required", "paid_date: required"]);
  });

  it("accepts only real calendar dates", () => {
    expect(issues("persons", { ...person, birth_date: "2020-02-29" })).toEqual([]);
    expect(issues("persons", { ...person, birth_date: "2021-02-29" })).toEqual(["birth_date: not a date (2021-02-29)"]);
    expect(issues("persons", { ...person, birth_date: "2021-02-30" })).toEqual(["birth_date: not a date (2021-02-30)"]);
    expect(issues("persons", { ...person, birth_date: "1900-02-29" })).toEqual(["birth_date: not a date (1900-02-29)"]);
    expect(issues("persons", { ...person, birth_date: "2000-1-1" })).toEqual(["birth_date: not a date (2000-1-1)"]);
  });

  it("accepts non-negative decimal amounts only", () => {
    expect(parse("grants", { ...grant, paid_amount: "3600.50", approved_amount: "0" })).toMatchObject({ row: { paid_amount: 3600.5, approved_amount: 0, year: 2020 } });
    expect(issues("grants", { ...grant, paid_amount: "-1" })).toEqual(["paid_amount: negative amount (-1)"]);
    expect(issues("grants", { ...grant, paid_amount: "1,000" })).toEqual(["paid_amount: not an amount (1,000)"]);
    expect(issues("grants", { ...grant, paid_amount: "1e3" })).toEqual(["paid_amount: not an amount (1e3)"]);
  });

  it("checks booleans, enums, shares and lists", () => {
    expect(issues("programs", { program_id: "X", name: "x", field: "dibao", means_tested: "TRUE" })).toEqual(["means_tested: not true or false (TRUE)"]);
    expect(issues("regions", { region_id: "R", name: "x", level: "County" })).toEqual(["level: not one of county, township, village (County)"]);
    const role = { person_id: "P1", company_id: "C1", role: "shareholder" };
    expect(parse("company_roles", { ...role, share: "1" })).toMatchObject({ row: { share: 1 } });
    expect(issues("company_roles", { ...role, share: "1.01" })).toEqual(["share: not between 0 and 1 (1.01)"]);
    expect(issues("company_roles", { ...role, share: "half" })).toEqual(["share: not a number (half)"]);
    expect(parse("tips", { tip_id: "T", received_date: "2020-01-01", subject_ids: " P1 ; C1;;" })).toMatchObject({ row: { subject_ids: ["P1", "C1"] } });
    expect(issues("tips", { tip_id: "T", received_date: "2020-01-01", subject_ids: " ; " })).toEqual(["subject_ids: required"]);
  });

  it("normalises account ids, and hashes assets stably", () => {
    expect(parse("accounts", { account_id: "６２２２-0000 0001", owner_id: "P1" })).toMatchObject({ row: { account_id: "622200000001" } });
    const a = { owner_id: "P1", kind: "vehicle", value: 1000, description: "车" };
    expect(assetId(a)).toBe(assetId({ ...a }));
    expect(assetId(a)).not.toBe(assetId({ ...a, value: 1001 }));
  });

  it("the compiled parser agrees with zod on every file", () => {
    const samples: Record<string, string | undefined>[] = [
      {},
      { ...person, ...grant, gender: "F", birth_date: "1999-12-31", share: "0.5", role: "agent", relation: "spouse", declared: "false" },
      { ...person, ...grant, gender: "Q", birth_date: "1999-13-31", year: "99", amount: "x", level: "village", kind: "boat", phone: "no" },
      { region_id: "R1", name: "x", level: "village", parent_id: " ", account_id: "--", tip_id: "T1", subject_ids: "P1;P2", received_date: "2020-01-01" },
    ];
    for (const f of BUNDLE_FILES) {
      const compiled = rowParser(f.schema);
      const zod = zodParser(f.schema);
      for (const s of samples) expect(compiled(s), `${f.name} ${JSON.stringify(s)}`).toEqual(zod(s));
    }
  });

  it("every file's required columns match the contract's starred columns", () => {
    const required = Object.fromEntries(BUNDLE_FILES.map((f) => [f.name, f.required]));
    expect(required).toEqual({
      regions: ["region_id", "name", "level"],
      programs: ["program_id", "name", "field", "means_tested"],
      persons: ["person_id", "name"],
      households: ["household_id", "region_id"],
      companies: ["company_id", "name"],
      accounts: ["account_id", "owner_id"],
      projects: ["project_id", "name", "region_id", "field", "budget", "method"],
      grants: ["grant_id", "program_id", "beneficiary_id", "region_id", "year", "paid_amount", "paid_date"],
      tips: ["tip_id", "received_date", "subject_ids"],
      cases: ["case_id", "opened_date", "subject_ids"],
      household_moves: ["person_id", "household_id", "date"],
      posts: ["person_id", "region_id", "role", "start_date"],
      kinship: ["person_id", "relative_id", "relation"],
      company_roles: ["person_id", "company_id", "role"],
      bids: ["project_id", "company_id", "amount"],
      transfers: ["transfer_id", "from_account", "to_account", "amount", "date"],
      assets: ["owner_id", "kind"],
    });
  });
});
