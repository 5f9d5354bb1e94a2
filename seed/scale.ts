// Size presets: how many counties, townships, villages and people, and how many planted schemes.
export type ScaleName = "small" | "county" | "province";

export interface ScaleSpec {
  name: ScaleName;
  counties: number;
  townships: number;
  villagesPerTownship: [number, number];
  /** Mean persons per village. */
  villagePop: number;
  /** Urban communities (社区) in the county seat township, and their mean population. */
  seatCommunities: number;
  communityPop: number;
  /** Planted instances per typology per county (COLLUSION_RING has its own count). */
  schemesPerTypology: number;
  rings: number;
  /** Innocent look-alike instances per kind per county. */
  lookalikesPerKind: number;
  contractors: number;
  suppliers: number;
  otherCompanies: number;
}

export const SCALES: Record<ScaleName, ScaleSpec> = {
  small: {
    name: "small", counties: 1, townships: 2, villagesPerTownship: [4, 4], villagePop: 420,
    seatCommunities: 0, communityPop: 0, schemesPerTypology: 4, rings: 3, lookalikesPerKind: 4,
    contractors: 16, suppliers: 4, otherCompanies: 8,
  },
  county: {
    name: "county", counties: 1, townships: 14, villagesPerTownship: [19, 27], villagePop: 810,
    seatCommunities: 8, communityPop: 3300, schemesPerTypology: 40, rings: 15, lookalikesPerKind: 40,
    contractors: 150, suppliers: 40, otherCompanies: 450,
  },
  province: {
    name: "province", counties: 10, townships: 14, villagesPerTownship: [19, 27], villagePop: 810,
    seatCommunities: 8, communityPop: 3300, schemesPerTypology: 40, rings: 15, lookalikesPerKind: 40,
    contractors: 150, suppliers: 40, otherCompanies: 450,
  },
};
