// The fields of an answer that the details panel has no fixed place for (a score's groups and total
// evidence, a hit's discounts with their figures and its parties with their part, whatever the API
// adds later), described from the shape of each value: entity references become links, lists of
// records become tables, records become "key: value" text. Pure (no DOM), so a new field of the
// API types shows at once, labelled in both languages where a name is known.

export interface Ref {
  id: string;
  type: string;
  name: string;
}

export type Field =
  | { key: string; kind: "text"; text: string }
  | { key: string; kind: "refs"; refs: (Ref & { note: string })[] }
  | { key: string; kind: "table"; columns: string[]; rows: unknown[][] };

/** How field names and enumerated values (a party's part, a discount's kind) are worded. */
export interface Wording {
  field(key: string): string;
  term(value: string): string;
}

export const PLAIN: Wording = { field: (k) => k, term: (v) => v };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** An entity reference: a record with a string id, type and name. */
export function isRef(v: unknown): v is Ref {
  return isRecord(v) && typeof v.id === "string" && typeof v.type === "string" && typeof v.name === "string";
}

const round = (n: number) => String(Math.round(n * 1000) / 1000);

/** One value as text: numbers to three decimals, enumerated words worded, records as "key: value". */
export function formatValue(v: unknown, w: Wording = PLAIN): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "number") return round(v);
  if (typeof v === "boolean") return String(v);
  if (typeof v === "string") return /^[a-z][a-z0-9_]*$/.test(v) ? w.term(v) : v;
  if (Array.isArray(v)) return v.map((x) => formatValue(x, w)).join("; ");
  if (isRef(v)) {
    const rest = Object.entries(v).filter(([k]) => !["id", "type", "name"].includes(k));
    return `${v.name}${rest.length ? ` (${rest.map(([k, x]) => `${w.field(k)}: ${formatValue(x, w)}`).join(", ")})` : ""}`;
  }
  if (isRecord(v)) {
    return Object.entries(v)
      .map(([k, x]) => `${w.field(k)}: ${formatValue(x, w)}`)
      .join(", ");
  }
  return String(v);
}

/** The fields of `obj` not in `skip`, each described by the shape of its value (empty lists left out). */
export function describeFields(obj: Record<string, unknown>, skip: ReadonlySet<string>, w: Wording = PLAIN): Field[] {
  const out: Field[] = [];
  for (const [key, v] of Object.entries(obj)) {
    if (skip.has(key) || v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (Array.isArray(v) && v.every(isRef)) {
      out.push({
        key,
        kind: "refs",
        refs: v.map((r) => {
          const rest = Object.entries(r).filter(([k]) => !["id", "type", "name"].includes(k));
          // One extra field (a party's part) reads best as its value alone.
          const note = rest.length === 1 ? formatValue(rest[0]![1], w) : rest.map(([k, x]) => `${w.field(k)}: ${formatValue(x, w)}`).join(", ");
          return { id: r.id, type: r.type, name: r.name, note };
        }),
      });
    } else if (Array.isArray(v) && v.every(isRecord)) {
      const columns = [...new Set(v.flatMap((r) => Object.keys(r)))];
      out.push({ key, kind: "table", columns, rows: v.map((r) => columns.map((c) => r[c])) });
    } else {
      out.push({ key, kind: "text", text: formatValue(v, w) });
    }
  }
  return out;
}
