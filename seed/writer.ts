// Streaming CSV writer: RFC 4180 quoting, UTF-8, buffered synchronous writes so memory stays bounded
// and output order (hence bytes) is fully deterministic.
import fs from "node:fs";

export type Cell = string | number | boolean | undefined | null;

const NEEDS_QUOTE = /[",\r\n]/;
const FLUSH_AT = 1 << 16;

export function csvCell(v: Cell): string {
  if (v === undefined || v === null) return "";
  if (typeof v !== "string") return String(v);
  return NEEDS_QUOTE.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export class CsvWriter {
  rows = 0;
  private fd: number;
  private buf: string[] = [];
  private size = 0;

  constructor(readonly path: string, header: readonly string[]) {
    this.fd = fs.openSync(path, "w");
    this.push(header.map(csvCell).join(",") + "\n");
  }

  write(values: readonly Cell[]): void {
    let line = "";
    for (let i = 0; i < values.length; i++) {
      if (i > 0) line += ",";
      line += csvCell(values[i]);
    }
    this.push(line + "\n");
    this.rows++;
  }

  private push(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.buf.length === 0) return;
    fs.writeSync(this.fd, this.buf.join(""));
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** Amount in yuan with at most two decimals ("1200", "1234.5" is written "1234.50"). */
export function yuan(v: number): string {
  const cents = Math.round(v * 100);
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}
