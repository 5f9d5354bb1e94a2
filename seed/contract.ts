// The import contract of DESIGN.md: bundle file names and their columns, plus the ground-truth files.
export const BUNDLE_FILES = {
  regions: ["region_id", "name", "level", "parent_id"],
  persons: ["person_id", "name", "gender", "birth_date", "death_date", "id_number", "household_id", "region_id", "phone", "address", "bank_account", "public_employee", "employer"],
  households: ["household_id", "region_id", "address", "head_person_id", "split_from", "created_date"],
  household_moves: ["person_id", "household_id", "date", "from_household_id"],
  posts: ["person_id", "region_id", "role", "title", "start_date", "end_date"],
  kinship: ["person_id", "relative_id", "relation", "declared"],
  companies: ["company_id", "name", "region_id", "registered_date", "status", "address", "phone", "bank_account"],
  company_roles: ["person_id", "company_id", "role", "share", "start_date", "end_date"],
  accounts: ["account_id", "owner_id", "bank", "opened_date"],
  projects: ["project_id", "name", "region_id", "field", "budget", "method", "announce_date", "deadline_date", "award_date", "approved_by", "awarded_to", "award_amount"],
  bids: ["project_id", "company_id", "amount", "submitted_date", "deposit_account", "preparer", "disqualified"],
  programs: ["program_id", "name", "field", "means_tested"],
  grants: ["grant_id", "program_id", "beneficiary_id", "region_id", "year", "approved_amount", "paid_amount", "paid_date", "approved_by", "account"],
  transfers: ["transfer_id", "from_account", "to_account", "amount", "date"],
  assets: ["owner_id", "kind", "value", "registered_date", "description"],
  tips: ["tip_id", "received_date", "channel", "subject_ids", "summary"],
  cases: ["case_id", "opened_date", "closed_date", "subject_ids", "typology", "field", "amount", "outcome"],
} as const;

export type BundleFile = keyof typeof BUNDLE_FILES;

export const LABEL_COLUMNS = ["scheme_id", "typology", "entity_id", "role"] as const;
export const LOOKALIKE_COLUMNS = ["lookalike_id", "kind", "entity_id"] as const;
export const PARTY_COLUMNS = ["scheme_id", "entity_id", "part"] as const;

/** Detector ids of DESIGN.md that are planted as schemes (TIP and PRIOR_CASE are data, not schemes). */
export const TYPOLOGIES = [
  "KIN_BENEFIT", "KIN_CONTRACT", "HIDDEN_TIE", "DECEASED_PAYEE", "DIVERTED_PAYMENT", "SKIMMING",
  "INELIGIBLE", "DUPLICATE_BENEFIT", "SINGLE_BID", "SPLIT_PURCHASE", "BID_RIGGING", "KICKBACK",
  "DOMINANT_WINNER", "SHELL_WINNER", "COLLUSION_RING",
] as const;

export type Typology = (typeof TYPOLOGIES)[number];

export type Field = "housing" | "education" | "medical" | "dibao" | "infrastructure" | "agriculture" | "water" | "poverty_alleviation" | "other";
export type Method = "open_tender" | "invited_tender" | "competitive_negotiation" | "single_source" | "direct_award";
export type PostRole = "party_secretary" | "committee_director" | "committee_member" | "accountant" | "township_official" | "program_officer" | "other";
export type Relation = "spouse" | "parent" | "child" | "sibling" | "grandparent" | "grandchild" | "uncle_aunt" | "nephew_niece" | "cousin" | "in_law" | "other";
export type CompanyRole = "legal_rep" | "shareholder" | "director" | "supervisor" | "manager" | "employee" | "agent";

