// The closed vocabularies of the import contract (DESIGN.md), exactly as written there.
export const REGION_LEVELS = ["county", "township", "village"] as const;
export const GENDERS = ["M", "F"] as const;
export const POST_ROLES = [
  "party_secretary",
  "committee_director",
  "committee_member",
  "accountant",
  "township_official",
  "program_officer",
  "other",
] as const;
export const KIN_RELATIONS = [
  "spouse",
  "parent",
  "child",
  "sibling",
  "grandparent",
  "grandchild",
  "uncle_aunt",
  "nephew_niece",
  "cousin",
  "in_law",
  "other",
] as const;
export const COMPANY_STATUSES = ["active", "revoked", "deregistered"] as const;
export const COMPANY_ROLES = ["legal_rep", "shareholder", "director", "supervisor", "manager", "employee", "agent"] as const;
export const PROCUREMENT_METHODS = ["open_tender", "invited_tender", "competitive_negotiation", "single_source", "direct_award"] as const;
export const FIELDS = [
  "housing",
  "education",
  "medical",
  "dibao",
  "infrastructure",
  "agriculture",
  "water",
  "poverty_alleviation",
  "other",
] as const;
export const ASSET_KINDS = ["vehicle", "real_estate", "business_license"] as const;
export const TIP_CHANNELS = ["letter", "phone", "web", "visit"] as const;
export const CASE_OUTCOMES = [
  "none",
  "warning",
  "serious_warning",
  "demerit",
  "major_demerit",
  "removal",
  "expulsion",
  "criminal_transfer",
] as const;
