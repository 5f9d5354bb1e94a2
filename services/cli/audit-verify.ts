// `npm run audit:verify [-- --dir DIR]`: checks the audit trail's hash chain (AUDIT_DIR, default
// DATA_DIR/audit) against its head file and names every edited, inserted or deleted record by its
// line in audit.jsonl. Exit 0 when the chain is whole, 1 when it is not, 2 when there is no trail.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { verifyTrail } from "../api/audit/chain.ts";
import { readHead, trailFiles } from "../api/audit/trail.ts";
import { config } from "../config/index.ts";

export function verifyDir(dir: string): { code: number; lines: string[] } {
  const files = trailFiles(dir);
  if (!existsSync(files.trail)) return { code: 2, lines: [`no audit trail at ${files.trail}`] };
  const head = readHead(files.head);
  const result = verifyTrail(readFileSync(files.trail, "utf8").split("\n"), head);
  const out: string[] = [];
  if (!head) out.push(`warning: no head file at ${files.head}: records cut off the end cannot be detected`);
  for (const f of result.findings) out.push(`${files.trail}:${f.line}: ${f.kind}: ${f.detail}`);
  out.push(
    result.ok
      ? `audit trail intact: ${result.records} records, head ${head ? `${head.seq} ${head.hash.slice(0, 12)}…` : "missing"}`
      : `audit trail NOT intact: ${result.findings.length} finding(s) in ${result.records} records`,
  );
  return { code: result.ok ? 0 : 1, lines: out };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dir: { type: "string" } } });
  const { code, lines } = verifyDir(values.dir ?? config().api.audit.dir);
  for (const line of lines) (code === 0 ? process.stdout : process.stderr).write(`${line}\n`);
  process.exitCode = code;
}
