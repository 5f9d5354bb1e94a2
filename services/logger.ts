// The process logger (pino). JSON lines for pipes and files; on a terminal, readable lines
// (`12:04:05  message  key=value`) with a live status line kept below them for progress.
import { pino, type DestinationStream, type Logger } from "pino";
import { config } from "./config/index.ts";

/** The bottom line of a terminal, redrawn in place, with printed lines passing above it. */
export class StatusLine {
  private text = "";

  constructor(private readonly out: NodeJS.WriteStream) {}

  get tty(): boolean {
    return Boolean(this.out.isTTY);
  }

  /** Shows `text` as the status (cut to the terminal's width, so that it never wraps). */
  set(text: string): void {
    const width = Math.max(40, (this.out.columns || 120) - 1);
    this.text = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    this.out.write(`\r\x1b[2K${this.text}`);
  }

  clear(): void {
    if (this.text) this.out.write("\r\x1b[2K");
    this.text = "";
  }

  /** Prints a whole line above the status. */
  print(line: string): void {
    if (this.text) this.out.write("\r\x1b[2K");
    this.out.write(line.endsWith("\n") ? line : `${line}\n`);
    if (this.text) this.out.write(this.text);
  }
}

export const terminal = new StatusLine(process.stdout);

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 40: "warn", 50: "error", 60: "fatal" };
const COLOURS: Record<number, string> = { 40: "33", 50: "31", 60: "31" };
const HIDDEN = new Set(["level", "time", "pid", "hostname", "name", "msg", "err"]);

function value(v: unknown): string {
  if (typeof v === "string") return /\s/.test(v) ? JSON.stringify(v) : v;
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-US") : String(Math.round(v * 100) / 100);
  return JSON.stringify(v);
}

/** One pino JSON line as a readable line: time, level when not info, message, the other fields. */
export function formatLogLine(json: string, colour = true): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const time = new Date(Number(entry.time)).toTimeString().slice(0, 8);
  const paint = (code: string | undefined, text: string) => (colour && code ? `\x1b[${code}m${text}\x1b[0m` : text);
  const level = LEVELS[Number(entry.level)];
  const fields = Object.entries(entry)
    .filter(([k, v]) => !HIDDEN.has(k) && v !== undefined)
    .map(([k, v]) => `${k}=${value(v)}`)
    .join(" ");
  let line = `${paint("2", time)}  ${level ? `${paint(COLOURS[Number(entry.level)], level)} ` : ""}${String(entry.msg ?? "")}${fields ? `  ${paint("2", fields)}` : ""}`;
  const err = entry.err as { message?: string; stack?: string } | undefined;
  if (err) line += `\n${err.stack ?? err.message ?? JSON.stringify(err)}`;
  return line;
}

/** A pino destination printing readable lines above the status line. */
export function readableDestination(status: StatusLine = terminal): DestinationStream {
  return { write: (line: string) => status.print(formatLogLine(line, status.tty)) };
}

/** JSON lines, or readable lines when standard output is a terminal. */
export function createLogger(name: string, options: { readable?: boolean } = {}): Logger {
  const readable = options.readable ?? terminal.tty;
  return pino({ name, level: config().logLevel }, readable ? readableDestination() : undefined);
}
