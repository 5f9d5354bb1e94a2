// The audit trail's hash chain: every record carries the hash of the one before it (`prev`) and its
// own (`hash` = sha256 of `prev` and the record's canonical JSON), numbered by `seq` from 1. The
// newest {seq, hash} is also kept in a head file apart from the trail, so cutting records off the
// end shows too. `verifyTrail` names each edited, inserted or deleted record by its line.
import { createHash } from "node:crypto";

export const GENESIS = "0".repeat(64);

/** What one record holds besides its place in the chain. */
export interface AuditEntry {
  id: string;
  at: string;
  keyId: string | null;
  keyName: string | null;
  role: string | null;
  method: string;
  /** The route pattern (`/api/v1/entities/:id`), null when no route matched. */
  route: string | null;
  path: string;
  /** Path parameters, query and body with secrets removed. */
  params: unknown;
  status: number;
  /** ok (2xx/3xx), refused (4xx), failed (5xx), started (a stream began), aborted (the client left). */
  outcome: string;
  ms: number;
  ip: string | null;
  /** Entity ids the request named or the answer returned (at most 50). */
  entities: string[];
  /** How many ids the answer returned (items, nodes, paths), null when it returned none. */
  count: number | null;
  /** Set on records taken over from the graph (AuditEvent nodes) at the move. */
  migrated?: boolean;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  prev: string;
  hash: string;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

/** JSON with keys sorted at every level, so a record hashes the same however it was parsed. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function recordHash(record: Omit<AuditRecord, "hash">): string {
  return createHash("sha256").update(`${record.prev}\n${canonical(record)}`).digest("hex");
}

/** Chains `entry` after `head`. */
export function chain(entry: AuditEntry, head: AuditHead): AuditRecord {
  const body = { ...entry, seq: head.seq + 1, prev: head.hash };
  return { ...body, hash: recordHash(body) };
}

export type TamperKind = "edited" | "inserted" | "deleted" | "unreadable" | "truncated";

export interface TamperFinding {
  kind: TamperKind;
  /** 1-based line of the trail file where it shows (for `truncated`, the line after the last). */
  line: number;
  /** The record number the chain expected at that line. */
  seq: number;
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  records: number;
  findings: TamperFinding[];
  head: AuditHead | null;
}

/**
 * Checks the chain of `lines` (the trail file split at newlines, a final empty piece ignored)
 * against `head` (null when the head file is missing). Each record's hash must match its content
 * (else: edited), its `seq` the next number (else: inserted when the numbering repeats or goes
 * back, deleted when it skips) and its `prev` the hash of the record before (else: that one was
 * edited and its hash recomputed). A chain that stops short of the
 * head lost its last records.
 */
export function verifyTrail(lines: string[], head: AuditHead | null): VerifyResult {
  const findings: TamperFinding[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let records = 0;
  let last: AuditHead | null = null;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.length === 0) {
      if (index !== lines.length - 1) findings.push({ kind: "unreadable", line, seq: expectedSeq, detail: "empty line" });
      return;
    }
    let record: AuditRecord;
    try {
      record = JSON.parse(text) as AuditRecord;
    } catch {
      findings.push({ kind: "unreadable", line, seq: expectedSeq, detail: "not JSON" });
      return;
    }
    records += 1;
    const { hash, ...body } = record;
    if (recordHash(body) !== hash) findings.push({ kind: "edited", line, seq: record.seq, detail: `record ${record.seq}: its content no longer matches its hash` });
    if (record.seq < expectedSeq) {
      findings.push({ kind: "inserted", line, seq: expectedSeq, detail: `record numbered ${record.seq} where ${expectedSeq} was due: a record was inserted here or just before` });
    } else if (record.seq > expectedSeq) {
      findings.push({ kind: "deleted", line, seq: expectedSeq, detail: `records ${expectedSeq}${record.seq - 1 > expectedSeq ? `–${record.seq - 1}` : ""} missing before this line` });
    } else if (record.prev !== prevHash) {
      // In order but not linked: the record before was changed after this one was written (its hash recomputed).
      findings.push({ kind: "edited", line: Math.max(1, line - 1), seq: record.seq - 1, detail: `record ${record.seq - 1} changed after record ${record.seq} was chained to it` });
    }
    expectedSeq = Math.max(expectedSeq, record.seq + 1);
    prevHash = hash;
    last = { seq: record.seq, hash };
  });
  const end = last as AuditHead | null;
  if (head && (!end || end.seq < head.seq)) {
    findings.push({ kind: "truncated", line: lines.filter((l) => l.length > 0).length + 1, seq: (end?.seq ?? 0) + 1, detail: `the head file says the trail reaches record ${head.seq}; it ends at ${end?.seq ?? 0}` });
  } else if (head && end && end.seq === head.seq && end.hash !== head.hash) {
    findings.push({ kind: "edited", line: lines.filter((l) => l.length > 0).length, seq: end.seq, detail: "the last record differs from the one the head file names" });
  }
  return { ok: findings.length === 0, records, findings, head };
}
