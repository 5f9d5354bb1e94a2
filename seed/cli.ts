// CLI: npx tsx seed/cli.ts --scale tiny|small|county|province --seed 42 --out .data/bundles/small-42
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCounty } from "./generate.ts";
import type { ScaleName } from "./scale.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "county" },
    seed: { type: "string", default: "42" },
    out: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log("usage: tsx seed/cli.ts [--scale tiny|small|county|province] [--seed 42] [--out .data/bundles/<scale>-<seed>]");
  process.exit(0);
}

const scale = values.scale as ScaleName;
if (!["tiny", "small", "county", "province"].includes(scale)) {
  console.error(`unknown scale "${scale}" (tiny, small, county, province)`);
  process.exit(2);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`seed must be an integer, got "${values.seed}"`);
  process.exit(2);
}
const out = path.resolve(values.out ?? path.join(".data", "bundles", `${scale}-${seed}`));

const result = await generateCounty({ scale, seed, out });
const width = Math.max(...Object.keys(result.rows).map((k) => k.length));
console.log(`bundle:     ${result.bundleDir}`);
console.log(`labels:     ${result.labelsPath}`);
console.log(`lookalikes: ${result.lookalikesPath}`);
console.log(`parties:    ${result.partiesPath}`);
for (const line of result.profiles) console.log(`profile:    ${line}`);
for (const [file, n] of Object.entries(result.rows)) console.log(`  ${file.padEnd(width)}  ${String(n).padStart(9)}`);
console.log(`generated ${scale} (seed ${seed}) in ${result.seconds.toFixed(2)} s`);
