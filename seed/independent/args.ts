// Command-line arguments of the independent county generator.

export const USAGE = "usage: npm run seed:independent -- --seed N --out DIR [--persons 15000] [--quiet]";

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
