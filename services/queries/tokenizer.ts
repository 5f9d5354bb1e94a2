// A small Cypher tokenizer for the static safety check: it knows strings, comments, backticked
// names and parameters well enough that a keyword inside any of them is never mistaken for a clause.
import { AppError } from "../errors.ts";
export type TokenKind = "word" | "quoted" | "string" | "number" | "param" | "punct";

export interface Token {
  kind: TokenKind;
  /** The token as written; for `quoted` and `param`, the name without backticks or `$`. */
  text: string;
  /** 1-based line and column of the token's first character. */
  line: number;
  column: number;
}

export class TokenizeError extends AppError {
  override name = "TokenizeError";
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super("invalid", message);
  }
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_]/u;

/** Splits `text` into tokens, dropping whitespace and comments. `line` numbers the first line. */
export function tokenize(text: string, firstLine = 1): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = firstLine;
  let lineStart = 0;
  const column = (at: number) => at - lineStart + 1;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) {
      if (text[k] === "\n") {
        line += 1;
        lineStart = k + 1;
      }
    }
    i = to;
  };

  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (/\s/u.test(ch)) {
      advance(i + 1);
      continue;
    }
    const startLine = line;
    const startColumn = column(i);
    if (ch === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      advance(end === -1 ? text.length : end);
      continue;
    }
    if (ch === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end === -1) throw new TokenizeError("unterminated comment", startLine, startColumn);
      advance(end + 2);
      continue;
    }
    if (ch === "'" || ch === '"') {
      let k = i + 1;
      let value = "";
      while (k < text.length && text[k] !== ch) {
        if (text[k] === "\\") {
          value += text[k + 1] ?? "";
          k += 2;
        } else {
          value += text[k];
          k += 1;
        }
      }
      if (k >= text.length) throw new TokenizeError("unterminated string", startLine, startColumn);
      tokens.push({ kind: "string", text: value, line: startLine, column: startColumn });
      advance(k + 1);
      continue;
    }
    if (ch === "`") {
      let k = i + 1;
      let value = "";
      for (;;) {
        if (k >= text.length) throw new TokenizeError("unterminated backticked name", startLine, startColumn);
        if (text[k] === "`") {
          if (text[k + 1] === "`") {
            value += "`";
            k += 2;
            continue;
          }
          break;
        }
        value += text[k];
        k += 1;
      }
      tokens.push({ kind: "quoted", text: value, line: startLine, column: startColumn });
      advance(k + 1);
      continue;
    }
    if (ch === "$") {
      let k = i + 1;
      let name: string;
      if (text[k] === "`") {
        const end = text.indexOf("`", k + 1);
        if (end === -1) throw new TokenizeError("unterminated backticked parameter", startLine, startColumn);
        name = text.slice(k + 1, end);
        k = end + 1;
      } else {
        while (k < text.length && WORD_PART.test(text[k] as string)) k += 1;
        name = text.slice(i + 1, k);
      }
      tokens.push({ kind: "param", text: name, line: startLine, column: startColumn });
      advance(k);
      continue;
    }
    if (/[0-9]/.test(ch)) {
      let k = i + 1;
      // Digits, hex, exponents and a decimal point that is not the start of a `..` range.
      while (k < text.length) {
        const c = text[k] as string;
        if (/[0-9A-Za-z_]/.test(c)) k += 1;
        else if (c === "." && text[k + 1] !== "." && /[0-9]/.test(text[k + 1] ?? "")) k += 1;
        else break;
      }
      tokens.push({ kind: "number", text: text.slice(i, k), line: startLine, column: startColumn });
      advance(k);
      continue;
    }
    if (WORD_START.test(ch)) {
      let k = i + 1;
      while (k < text.length && WORD_PART.test(text[k] as string)) k += 1;
      tokens.push({ kind: "word", text: text.slice(i, k), line: startLine, column: startColumn });
      advance(k);
      continue;
    }
    tokens.push({ kind: "punct", text: ch, line: startLine, column: startColumn });
    advance(i + 1);
  }
  return tokens;
}
