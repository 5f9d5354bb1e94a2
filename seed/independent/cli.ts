// `npm run seed:independent -- --seed N --out DIR [--persons 15000]`: writes an independently generated
// county (DIR/bundle/ plus labels.csv, parties.csv, lookalikes.csv, county.json) and prints its profile.
import { mkdirSync } from "node:fs";
import { countyCounts, generateCounty } from "./generate.ts";
import type { Typology } from "./model.ts";
import { profileLine } from "./style.ts";
import { writeCounty } from "./writer.ts";

const USAGE = "usage: npm run seed:independent -- --seed N --out DIR [--persons 15000] [--quiet]";

export interface Args {
  seed: string;
  out: string;
  persons: number;
  quiet: boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Partial<Args> = { persons: 15_000, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--seed") args.seed = value();
    else if (flag === "--out") args.out = value();
    else if (flag === "--persons") {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 500 || n > 1_000_000) throw new Error(`--persons wants an integer from 500 to 1000000, got ${v ?? "nothing"}`);
      args.persons = n;
    } else if (flag === "--quiet") args.quiet = true;
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (!args.seed || !/^[\w.-]{1,64}$/.test(args.seed)) throw new Error(`--seed wants a number or short word\n${USAGE}`);
  if (!args.out) throw new Error(`--out wants a folder\n${USAGE}`);
  return args as Args;
}

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
