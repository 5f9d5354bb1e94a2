// The identifier vault: identity numbers, phones, bank accounts and exact birth dates reach the graph
// only as keyed tokens (HMAC-SHA256 under a key kept in this folder, never in the graph or the repo),
// so equal values still tie their owners and no query over the graph can read them back. The clear
// values are kept here, beside the key, and revealed one at a time (POST /entities/:id/unmask).
import { createHmac, randomBytes } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { appendFile, open } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";

/** Each kind of identifier and the prefix of its tokens. */
export const TOKEN_PREFIXES = { idNumber: "idn", birthDate: "dob", phone: "tel", account: "acct" } as const;
export type TokenKind = keyof typeof TOKEN_PREFIXES;

/** `tel_` and 24 hex digits (96 bits of the HMAC). */
export const TOKEN = /^(idn|dob|tel|acct)_[0-9a-f]{24}$/;

export function isToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN.test(value);
}

/** The tokens of one import and the clear values behind them, written to the vault by `flush`. */
export interface VaultSealer {
  token(kind: TokenKind, clear: string): string;
  /** Appends the values not yet in the vault (call before the graph may show their tokens). */
  flush(): Promise<void>;
}

const KEY_FILE = "key";
const VALUES_FILE = "identifiers.jsonl";

export class IdentifierVault {
  private constructor(
    readonly dir: string,
    private readonly key: Buffer,
  ) {}

  /** Opens the vault in `dir`, creating the folder (0700) and a random 256-bit key (0600) the first time. */
  static open(dir: string): IdentifierVault {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const keyFile = path.join(dir, KEY_FILE);
    if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    const key = Buffer.from(readFileSync(keyFile, "utf8").trim(), "hex");
    if (key.length < 32) throw new Error(`${keyFile}: not a 256-bit key in hex`);
    return new IdentifierVault(dir, key);
  }

  /** The token of a normalised value: equal values, equal tokens; no value without the key. */
  token(kind: TokenKind, clear: string): string {
    const mac = createHmac("sha256", this.key).update(`${kind}\u0000${clear}`).digest("hex");
    return `${TOKEN_PREFIXES[kind]}_${mac.slice(0, 24)}`;
  }

  sealer(): VaultSealer {
    const pending = new Map<string, string>();
    return {
      token: (kind, clear) => {
        const t = this.token(kind, clear);
        if (!pending.has(t)) pending.set(t, clear);
        return t;
      },
      flush: async () => {
        if (pending.size === 0) return;
        const known = new Set<string>();
        for await (const entry of this.entries()) known.add(entry.t);
        const lines = [...pending].filter(([t]) => !known.has(t)).map(([t, v]) => JSON.stringify({ t, v }) + "\n");
        pending.clear();
        if (lines.length === 0) return;
        await appendFile(this.file, lines.join(""), { mode: 0o600 });
        const handle = await open(this.file, "r");
        try {
          await handle.datasync();
        } finally {
          await handle.close();
        }
      },
    };
  }

  /** The clear value behind a token, read from the file each time (nothing is kept in memory). */
  async reveal(token: string): Promise<string | undefined> {
    if (!isToken(token)) return undefined;
    for await (const entry of this.entries()) if (entry.t === token) return entry.v;
    return undefined;
  }

  private get file(): string {
    return path.join(this.dir, VALUES_FILE);
  }

  private async *entries(): AsyncGenerator<{ t: string; v: string }> {
    if (!existsSync(this.file)) return;
    const lines = createInterface({ input: createReadStream(this.file, "utf8"), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.length === 0) continue;
      const entry = JSON.parse(line) as { t: string; v: string };
      yield entry;
    }
  }
}
