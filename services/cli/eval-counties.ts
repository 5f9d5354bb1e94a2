// The evaluation's counties: where each comes from (our generator at a scale, or one of the two
// generators written blind to the detectors by other hands: `independent`, `thirdparty`), the fixed
// split between tuning and report seeds, and generating a county's bundle with its ground truth.
import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureGenerated } from "../../seed/generate.ts";

/** The generators written blind to the detectors, each run through its own command line. */
const BLIND = {
  independent: path.join("seed", "independent", "cli.ts"),
  thirdparty: path.join("seed", "thirdparty", "cli.ts"),
} as const;
type Blind = keyof typeof BLIND;
const isBlind = (s: string | undefined): s is Blind => s !== undefined && Object.hasOwn(BLIND, s);

export type Source = "ours" | Blind;
export type Scale = "small" | "county" | "province";

export interface CountySpec {
  source: Source;
  scale?: Scale;
  seed: number;
  /** `ours:small:1001`, `independent:5001`, `thirdparty:7001`. */
  name: string;
}

/**
 * Seeds for tuning: anything may be tried on them, and only on them. Report seeds are run to
 * report, never to tune; the split is fixed here and documented in BENCHMARKS.md. The thirdparty
 * generator has no tuning seeds at all: it is a report-only source.
 */
export const TUNING_COUNTIES = "ours:small:1,ours:small:2,ours:small:3,ours:small:4,independent:1,independent:2,independent:3,independent:4";
export const REPORT_COUNTIES = [
  ...Array.from({ length: 10 }, (_, i) => `ours:small:${1001 + i}`),
  ...Array.from({ length: 10 }, (_, i) => `independent:${5001 + i}`),
  ...Array.from({ length: 5 }, (_, i) => `thirdparty:${7001 + i}`),
].join(",");

export class CountySpecError extends Error {
  override name = "CountySpecError";
}

/** Parses `ours:small:1001`, `independent:5001`, `thirdparty:7001`, or the older `small:1001` (our generator). */
export function parseCounty(text: string): CountySpec {
  const parts = text.trim().split(":");
  const seedOf = (s: string | undefined) => {
    const n = Number(s);
    if (!s || !Number.isInteger(n) || n < 0) throw new CountySpecError(`bad county ${text}: the seed must be a whole number`);
    return n;
  };
  const scale = (s: string | undefined): Scale => {
    if (s === "small" || s === "county" || s === "province") return s;
    throw new CountySpecError(`bad county ${text}: the scale must be small, county or province`);
  };
  const source = parts[0];
  if (isBlind(source) && parts.length === 2) return { source, seed: seedOf(parts[1]), name: `${source}:${seedOf(parts[1])}` };
  if (parts[0] === "ours" && parts.length === 3) {
    const s = scale(parts[1]);
    return { source: "ours", scale: s, seed: seedOf(parts[2]), name: `ours:${s}:${seedOf(parts[2])}` };
  }
  if (parts.length === 2) {
    const s = scale(parts[0]);
    return { source: "ours", scale: s, seed: seedOf(parts[1]), name: `ours:${s}:${seedOf(parts[1])}` };
  }
  throw new CountySpecError(`bad county ${text}: use ours:<scale>:<seed>, independent:<seed> or thirdparty:<seed>`);
}

export function parseCounties(list: string): CountySpec[] {
  return list.split(",").filter((s) => s.trim() !== "").map(parseCounty);
}

/** The folder holding the county's bundle/, labels.csv, lookalikes.csv (and parties.csv). */
export function countyFolder(dataDir: string, c: CountySpec): string {
  return path.join(dataDir, "eval", "bundles", c.source === "ours" ? `${c.scale}-${c.seed}` : `${c.source}-${c.seed}`);
}

/**
 * Generates the county's folder unless it is there already (written to `.partial`, then renamed).
 * Our generator's bundles are redrawn when an older generator version wrote them.
 */
export async function ensureCounty(dataDir: string, c: CountySpec): Promise<string> {
  const folder = countyFolder(dataDir, c);
  if (c.source === "ours") {
    await ensureGenerated({ scale: c.scale!, seed: c.seed, out: folder });
    return folder;
  }
  if (existsSync(path.join(folder, "bundle"))) return folder;
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const cli = BLIND[c.source];
  if (!existsSync(cli)) throw new CountySpecError(`${c.name}: the ${c.source} generator (${cli}) is not in this checkout`);
  const r = spawnSync(process.execPath, ["--import", "tsx", cli, "--seed", String(c.seed), "--out", partial, "--quiet"], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new CountySpecError(`${c.name}: the ${c.source} generator failed (exit ${r.status ?? r.signal})`);
  renameSync(partial, folder);
  return folder;
}
