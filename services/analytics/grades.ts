// Money grades from the 2016 judicial interpretation on corruption and bribery (yuan).
export const GRADES = [
  { grade: "especially_huge", min: 3_000_000 },
  { grade: "huge", min: 200_000 },
  { grade: "large", min: 30_000 },
  { grade: "relief_funds", min: 10_000 },
  { grade: "discipline", min: 0 },
] as const;

export type Grade = (typeof GRADES)[number]["grade"];

/** The grades as query parameters, highest first, for `head([g IN $grades WHERE amount >= g.min | g.grade])`. */
export function gradeParams(): { grade: Grade; min: number }[] {
  return GRADES.map((g) => ({ grade: g.grade, min: g.min }));
}
