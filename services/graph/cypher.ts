// Loads Cypher texts from the top-level cypher/ folder (the one place where Cypher is written) and
// fills the `{{SLOT}}`s of templates with checked values.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AppError } from "../errors.ts";

export const CYPHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../cypher");

const cache = new Map<string, string>();

/** The text of cypher/<name> (e.g. "ingest/persons.cypher"), read once per process. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(CYPHER_DIR, name), "utf8");
    cache.set(name, text);
  }
  return text;
}

/** Splits a script into statements on `;` at line ends, dropping `//` comment lines. */
export function statements(script: string): string[] {
  return script
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.split(/\r?\n/).filter((l) => !l.trim().startsWith("//")).join("\n").trim())
    .filter((s) => s.length > 0);
}

/**
 * A value for a `{{SLOT}}` of a Cypher template. Only the constructors below make one, so what is
 * spliced is a word from a fixed list, a bounded integer, or Cypher read from cypher/: never text
 * from a request.
 */
export class SlotValue {
  private constructor(readonly text: string) {}

  /** One of `allowed` (a keyword, a procedure name). */
  static oneOf(value: string, allowed: readonly string[]): SlotValue {
    if (!allowed.includes(value)) throw new CypherSlotError(`${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
    return new SlotValue(value);
  }

  /** An integer within [min, max]. */
  static integer(value: number, min: number, max: number): SlotValue {
    if (!Number.isSafeInteger(value) || value < min || value > max) throw new CypherSlotError(`${value} is not an integer within ${min}–${max}`);
    return new SlotValue(String(value));
  }

  /** Cypher from the cypher/ folder (a subquery file, a detector's body). */
  static cypher(text: string): SlotValue {
    return new SlotValue(text);
  }
}

export class CypherSlotError extends AppError {
  override name = "CypherSlotError";
  constructor(message: string) {
    super("internal", message);
  }
}

const SLOT = /\{\{([A-Z][A-Z0-9_]*)\}\}/g;

/**
 * Fills the `{{SLOT}}`s of `template`: every slot outside `//` comment lines needs a value, and
 * every value its slot, or CypherSlotError (`where` names the template in the message).
 */
export function fillSlots(template: string, values: Record<string, SlotValue>, where = "the Cypher template"): string {
  const used = new Set<string>();
  const filled = template
    .split("\n")
    .map((line) =>
      line.trimStart().startsWith("//")
        ? line
        : line.replace(SLOT, (_, name: string) => {
            const value = values[name];
            if (!value) throw new CypherSlotError(`${where}: no value for {{${name}}}`);
            used.add(name);
            return value.text;
          }),
    )
    .join("\n");
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new CypherSlotError(`${where} has no ${unused.map((n) => `{{${n}}}`).join(", ")} slot`);
  return filled;
}

/** cypher/<name> with its slots filled (see fillSlots). */
export function cypherWith(name: string, values: Record<string, SlotValue>): string {
  return fillSlots(cypher(name), values, `cypher/${name}`);
}
