// The problems of a bundle as validation finds them: every one counted, the first `limit` kept as
// `file:line: column: reason` text in bundle order (file, line, then order of arrival).
import { formatIssue, type Issue } from "./errors.ts";

export class Issues {
  private readonly kept: { source: number; line: number; seq: number; issue: Issue }[] = [];
  count = 0;

  constructor(private readonly limit: number) {}

  /** `source` orders the files (their place in the load order; -1 for the bundle as a whole). */
  add(source: number, issue: Issue): void {
    this.count++;
    if (this.kept.length < this.limit) this.kept.push({ source, line: issue.line ?? 0, seq: this.count, issue });
  }

  text(): string[] {
    return this.kept.sort((a, b) => a.source - b.source || a.line - b.line || a.seq - b.seq).map((k) => formatIssue(k.issue));
  }
}

/** Warnings, the first `limit` kept, the rest counted in a closing line. */
export class Warnings {
  private readonly kept: string[] = [];
  private count = 0;

  constructor(private readonly limit: number) {}

  add(warning: string): void {
    if (this.count++ < this.limit) this.kept.push(warning);
  }

  text(): string[] {
    return this.count > this.kept.length ? [...this.kept, `… and ${this.count - this.kept.length} more warnings`] : [...this.kept];
  }
}
