// The check of one bundle file, row by row: the schema (types, normalisation), date orders, the id
// unique across the bundle, and references — checked at once against files read before, or noted for
// the settling step when the file's own rows may be referenced (see IdRegistry.settle).
import { formatIssue } from "./errors.ts";
import { isReferenced } from "./files.ts";
import type { AccountMentions } from "./accounts.ts";
import type { BundleSource } from "./discover.ts";
import { INVALID, VALID, type IdRegistry } from "./ids.ts";
import { normaliseAccount } from "./normalise.ts";
import type { SourceRecord } from "./record.ts";
import { cell, rowParser, type RowParser } from "./rows.ts";

export interface RowCheckContext {
  ids: IdRegistry;
  mentions: AccountMentions;
  /** The file's place among the bundle's sources (its registry source number). */
  index: number;
  /** Names a row of any source, e.g. `persons.csv:12`. */
  where: (source: number, line: number) => string;
  report: (line: number, column: string | undefined, reason: string) => void;
  warn: (warning: string) => void;
}

function listOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

export class RowChecker {
  private broken = false;
  private readonly parse: RowParser;
  private readonly referenced: boolean;

  constructor(
    private readonly source: BundleSource,
    private readonly ctx: RowCheckContext,
  ) {
    this.parse = rowParser(source.spec.schema);
    this.referenced = isReferenced(source.spec);
  }

  /** A CSV header: unknown columns are warned about; a missing required one rejects every row. */
  header(columns: readonly string[]): void {
    const { spec, file } = this.source;
    for (const c of columns) if (!spec.columns.includes(c)) this.ctx.warn(formatIssue({ file, line: 1, column: c, reason: "unknown column (ignored)" }));
    for (const c of spec.required) {
      if (!columns.includes(c)) {
        this.ctx.report(1, c, "required column missing: every row rejected");
        this.broken = true;
      }
    }
  }

  /** A JSON Lines key: unknown ones are warned about. */
  key(key: string, line: number): void {
    if (!this.source.spec.columns.includes(key)) this.ctx.warn(formatIssue({ file: this.source.file, line, column: key, reason: "unknown column (ignored)" }));
  }

  /**
   * Checks a record and counts it. Returns its typed row when it passes; a row of a referenced file
   * counts as valid only once the references of all such files are settled.
   */
  check(record: SourceRecord): Record<string, unknown> | undefined {
    const { source, ctx } = this;
    const { spec } = source;
    source.read++;
    if (this.broken) return this.reject(record);
    const parsed = this.parse(record.fields);
    if ("issues" in parsed) {
      for (const issue of parsed.issues) ctx.report(record.line, issue.column, issue.reason);
      return this.reject(record);
    }
    const row = parsed.row;
    let ok = true;
    for (const [earlier, later] of spec.dateOrder) {
      const a = row[earlier] as string | undefined;
      const b = row[later] as string | undefined;
      if (a !== undefined && b !== undefined && b < a) {
        ctx.report(record.line, later, `before ${earlier} (${b} < ${a})`);
        ok = false;
      }
    }
    if (!ok) return this.reject(record);
    spec.prepare?.(row);
    let slot = -1;
    if (spec.id) {
      const value = row[spec.id.column] as string;
      const added = ctx.ids.add(value, spec.id.kind, ctx.index, record.line, VALID);
      if (typeof added !== "number") {
        const reason = added.source === ctx.index ? `duplicate id ${value} (first at line ${added.line})` : `id ${value} already used at ${ctx.where(added.source, added.line)}`;
        ctx.report(record.line, spec.id.column, reason);
        source.rejected++;
        return undefined;
      }
      slot = added;
    }
    if (this.referenced) {
      for (const ref of spec.refs) for (const target of listOf(row[ref.column])) ctx.ids.defer(slot, ref, target);
      const mention = spec.accountMentions[0];
      if (mention !== undefined && row[mention] !== undefined) ctx.mentions.add(row[mention] as string, slot);
      return row;
    }
    for (const ref of spec.refs) {
      for (const target of listOf(row[ref.column])) {
        const problem = ctx.ids.problem(target, ref.to);
        if (problem !== undefined) {
          ctx.report(record.line, ref.column, problem);
          ok = false;
        }
      }
    }
    if (!ok) {
      source.rejected++;
      return undefined;
    }
    source.valid++;
    return row;
  }

  /** Counts a rejected record and registers its id as failed, so that references to it say so. */
  private reject(record: SourceRecord): undefined {
    const { spec } = this.source;
    this.source.rejected++;
    if (!spec.id) return undefined;
    let raw = cell(record.fields, spec.id.column);
    if (raw === undefined) return undefined;
    if (spec.id.kind === "account") {
      try {
        raw = normaliseAccount(raw);
      } catch {
        return undefined;
      }
    }
    this.ctx.ids.add(raw, spec.id.kind, this.ctx.index, record.line, INVALID);
    return undefined;
  }
}
