// `npm run seed:independent -- --seed N --out DIR [--persons 15000]`: writes an independently generated
// county (DIR/bundle/ plus labels.csv, parties.csv, lookalikes.csv, county.json) and prints its profile.
import { mkdirSync } from "node:fs";
import { countyCounts, generateCounty } from "./generate.ts";
import { parseArgs, type Args } from "./args.ts";
import type { Typology } from "./model.ts";
import { profileLine } from "./style.ts";
import { writeCounty } from "./writer.ts";

function main(): number {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const started = performance.now();
  const log = args.quiet ? undefined : (line: string) => process.stderr.write(`${line}\n`);
  log?.(`generating county ${args.seed} (${args.persons} persons) …`);
  const world = generateCounty({ seed: args.seed, persons: args.persons, log });
  mkdirSync(args.out, { recursive: true });
  const rows = writeCounty(world, args.out);
  const total = Object.values(rows).reduce((t, n) => t + n, 0);
  const perTypology = new Map<Typology, Set<string>>();
  for (const s of world.schemes) {
    const set = perTypology.get(s.typology) ?? new Set<string>();
    for (const c of s.culprits) set.add(c.entity);
    perTypology.set(s.typology, set);
  }
  const kinds = new Map<string, number>();
  for (const l of world.lookalikes) kinds.set(l.kind, (kinds.get(l.kind) ?? 0) + 1);
  log?.(`  wrote ${total} rows to ${args.out}/bundle in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  log?.(`  culprits by typology: ${[...perTypology].map(([t, s]) => `${t}=${s.size}`).join(" ")}`);
  log?.(`  look-alikes by kind: ${[...kinds].map(([k, n]) => `${k}=${n}`).join(" ")}`);
  process.stdout.write(`${profileLine(args.seed, world.style, countyCounts(world))}\n`);
  return 0;
}

process.exitCode = main();
