// The seeded county bundles the benchmarks import, generated once under DATA_DIR/bundles (the
// demo's folder, so `npm start` and the benchmarks share them).
import path from "node:path";
import { config } from "../../services/config/index.ts";
import { ensureGenerated } from "../../seed/generate.ts";

export type BenchScale = "small" | "county" | "province";

/** The bundle folder for a scale and seed, generated on first use or when the generator changed. */
export async function benchBundle(scale: BenchScale, seed = 42): Promise<string> {
  const folder = path.join(config().dataDir, "bundles", `${scale}-${seed}`);
  await ensureGenerated({ scale, seed, out: folder });
  return path.join(folder, "bundle");
}

/** `--scale small|county`, county unless told. */
export function benchScale(value: string | undefined): BenchScale {
  if (value === undefined || value === "county") return "county";
  if (value === "small") return "small";
  throw new Error(`--scale must be small or county, not ${value}`);
}
