// Size presets: how many counties and people, and the ranges each county's style draws its size,
// firms, schemes and look-alikes from (see style.ts).
export type ScaleName = "tiny" | "small" | "county" | "province";

export interface ScaleSpec {
  name: ScaleName;
  counties: number;
  /** Persons a county aims at; its style moves this by up to ±15%. */
  persons: number;
  townships: [number, number];
  /** Bounds of a county's mean villages per township (drawn log-uniformly). */
  villagesPerTownship: [number, number];
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
  /** Agents' addresses and bookkeepers' phones shared by many firms, and busy honest firms. */
  agentAddresses: [number, number];
  accountants: [number, number];
  busyFirms: [number, number];
}

// `small` is the evaluation county (about 15k persons and companies, about 100 culprits, 0.7%);
// `county` is a whole county at the same rates; `province` is ten of those. `tiny` (about 3k
// persons, every typology twice, so culprits are far denser than in a real county) is a fixture for
// tests that need every scheme and look-alike kind but not realistic rates.
const COUNTY: Omit<ScaleSpec, "name" | "counties"> = {
  persons: 290_000, townships: [11, 17], villagesPerTownship: [12, 34], seatCommunities: [6, 10], communityPop: 3300, schemesPer10k: 30, minPerTypology: 12,
  lookalikesPerKind: [40, 80], contractors: [110, 220], suppliers: [30, 60], otherCompanies: [350, 600],
  agentAddresses: [3, 8], accountants: [3, 8], busyFirms: [3, 10],
};

export const SCALES: Record<ScaleName, ScaleSpec> = {
  tiny: {
    name: "tiny", counties: 1, persons: 3300, townships: [2, 2], villagesPerTownship: [3, 5], seatCommunities: [0, 0], communityPop: 1800,
    schemesPer10k: 24, minPerTypology: 2, lookalikesPerKind: [3, 4], contractors: [18, 26], suppliers: [4, 6], otherCompanies: [10, 24],
    agentAddresses: [1, 1], accountants: [1, 1], busyFirms: [1, 2],
  },
  small: {
    name: "small", counties: 1, persons: 14_600, townships: [2, 4], villagesPerTownship: [3.5, 11], seatCommunities: [0, 1], communityPop: 1800,
    schemesPer10k: 24, minPerTypology: 2, lookalikesPerKind: [4, 8], contractors: [30, 60], suppliers: [6, 14], otherCompanies: [40, 110],
    agentAddresses: [1, 3], accountants: [1, 3], busyFirms: [1, 3],
  },
  county: { name: "county", counties: 1, ...COUNTY },
  province: { name: "province", counties: 10, ...COUNTY },
};
