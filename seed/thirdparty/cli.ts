// `npm run seed:thirdparty -- --seed N --out DIR [--persons 15000] [--extra-columns] [--quiet]`:
// writes DIR/bundle/ (the import contract's files), DIR/labels.csv, DIR/parties.csv,
// DIR/lookalikes.csv and DIR/profile.txt, and prints the county's profile line. --extra-columns adds
// the export system's own columns (ignored by the importer, with a warning each); --quiet prints
// nothing but errors.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { generateCounty } from "./generate.ts";
import { profileLine } from "./profile.ts";
import { BundleWriter } from "./writer.ts";

const USAGE = "usage: npm run seed:thirdparty -- --seed N --out DIR [--persons 15000] [--extra-columns] [--quiet]";

export interface CliArgs {
  seed: number;
  out: string;
  persons: number;
  extraColumns: boolean;
  quiet: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  let seed: number | undefined;
  let out: string | undefined;
  let persons = 15_000;
  let extraColumns = false;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--seed") seed = Number(value());
    else if (flag === "--out") out = value();
    else if (flag === "--persons") persons = Number(value());
    else if (flag === "--extra-columns" && inline === undefined) extraColumns = true;
    else if (flag === "--quiet" && inline === undefined) quiet = true;
    else if (flag === "-h" || flag === "--help") throw new Error(USAGE);
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (seed === undefined || !Number.isInteger(seed) || seed < 0) throw new Error(`--seed wants a non-negative integer\n${USAGE}`);
  if (!out) throw new Error(`--out is required\n${USAGE}`);
  if (!Number.isInteger(persons) || persons < 500) throw new Error(`--persons wants an integer of at least 500\n${USAGE}`);
  return { seed, out, persons, extraColumns, quiet };
}

/** Generates and writes one county; returns its profile line. */
export function run(args: CliArgs): string {
  const c = generateCounty({ seed: args.seed, persons: args.persons });
  const result = new BundleWriter(c, { extraColumns: args.extraColumns }).write(args.out);
  const line = profileLine(c.profile, { persons: result.persons, companies: result.companies, culprits: c.culprits.size, lookalikes: c.lookalikeCases });
  writeFileSync(path.join(args.out, "profile.txt"), `${line}\n`);
  return line;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("seed/thirdparty/cli.ts")) {
  try {
    const started = performance.now();
    const args = parseArgs(process.argv.slice(2));
    const line = run(args);
    if (!args.quiet) {
      process.stdout.write(`${line}\n`);
      process.stderr.write(`wrote ${path.join(args.out, "bundle")} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
