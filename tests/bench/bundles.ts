// The seeded county bundles the benchmarks import, generated once under DATA_DIR/bundles (the
// demo's folder, so `npm start` and the benchmarks share them).
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { config } from "../../services/config/index.ts";
import { generateCounty } from "../../seed/generate.ts";

export type BenchScale = "small" | "county" | "province";

/** The bundle folder for a scale and seed, generated on first use (beside its place, then renamed). */
export async function benchBundle(scale: BenchScale, seed = 42): Promise<string> {
  const folder = path.join(config().dataDir, "bundles", `${scale}-${seed}`);
  if (!existsSync(path.join(folder, "bundle"))) {
    rmSync(`${folder}.partial`, { recursive: true, force: true });
    await generateCounty({ scale, seed, out: `${folder}.partial` });
    renameSync(`${folder}.partial`, folder);
  }
  return path.join(folder, "bundle");
}

/** `--scale small|county`, county unless told. */
export function benchScale(value: string | undefined): BenchScale {
  if (value === undefined || value === "county") return "county";
  if (value === "small") return "small";
  throw new Error(`--scale must be small or county, not ${value}`);
}
