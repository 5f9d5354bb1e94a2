// Size presets: how many counties and people, and the ranges each county's style draws its size,
// firms, schemes and look-alikes from (see style.ts).
export type ScaleName = "small" | "county" | "province";

export interface ScaleSpec {
  name: ScaleName;
  counties: number;
  /** Persons a county aims at; its style moves this by up to ±15%. */
  persons: number;
  townships: [number, number];
  /** Urban communities (社区) in the county seat township, and their mean population. */
  seatCommunities: [number, number];
  communityPop: number;
  /** Planted scheme instances per 10,000 persons (every typology at least `minPerTypology`). */
  schemesPer10k: number;
  minPerTypology: number;
  /** Innocent look-alike instances per kind per county. */
  lookalikesPerKind: [number, number];
  contractors: [number, number];
  suppliers: [number, number];
  otherCompanies: [number, number];
}

// `small` is the evaluation county (about 15k persons and companies, about 100 culprits, 0.7%);
// `county` is a whole county at the same rates; `province` is ten of those.
const COUNTY: Omit<ScaleSpec, "name" | "counties"> = {
  persons: 290_000, townships: [11, 17], seatCommunities: [6, 10], communityPop: 3300, schemesPer10k: 30, minPerTypology: 12,
  lookalikesPerKind: [40, 80], contractors: [110, 220], suppliers: [30, 60], otherCompanies: [350, 600],
};

export const SCALES: Record<ScaleName, ScaleSpec> = {
  small: {
    name: "small", counties: 1, persons: 14_600, townships: [2, 4], seatCommunities: [0, 1], communityPop: 1800, schemesPer10k: 24,
    minPerTypology: 2, lookalikesPerKind: [4, 8], contractors: [30, 60], suppliers: [6, 14], otherCompanies: [40, 110],
  },
  county: { name: "county", counties: 1, ...COUNTY },
  province: { name: "province", counties: 10, ...COUNTY },
};
