// Roles and the actor of a request: who holds the API key, and what that role may see.
export const ROLES = ["admin", "investigator", "analyst", "consumer", "auditor"] as const;
export type Role = (typeof ROLES)[number];

/** The holder of the API key that authenticated the request. */
export interface Actor {
  keyId: string;
  name: string;
  role: Role;
}

/** At least one role: a route without roles cannot be declared (deny by default). */
export type Roles = readonly [Role, ...Role[]];

/** Role sets shared by several routes. */
export const EXPLORERS: Roles = ["investigator", "analyst", "admin"];
export const RISK_READERS: Roles = ["consumer", "investigator", "analyst", "admin"];

/** Only investigators see identity numbers whole; everyone else sees them masked. */
export function seesIdentityNumbers(role: Role): boolean {
  return role === "investigator";
}

/** `140102198001011234` → `1401**********1234`: the first and last four characters stay. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return "*".repeat(value.length);
  return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}
