// A small Cypher tokenizer for the static safety check: it knows strings, comments, backticked
// names and parameters well enough that a keyword inside any of them is never mistaken for a clause,
// and it reads the text as Neo4j 5 does (Unicode escapes everywhere, \r ending a // comment), which
// tests/integration/queries/fuzz.test.ts checks against Neo4j's own EXPLAIN.
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
/** Whitespace as Neo4j's lexer has it (SPACE in the Cypher grammar). */
const SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);

export interface Unescaped {
  /** The text with every Unicode escape replaced by its character. */
  text: string;
  /** For each character of `text` (and one past its end), its offset in the text as written. */
  offsets: number[];
}

/**
 * Replaces Unicode escapes (`\u0027`, also `\uu0027`) by their characters everywhere, inside
 * strings, comments and names too, before anything else is read: Neo4j 5's parser does this (a
 * Java-style escape pass), so `'a\u0027 CREATE …` closes the string and `/* \u002A/` ends the
 * comment. As in Java, a backslash starts an escape only when an even number of backslashes
 * precede it (`\\u0027` is a backslash and `u0027`).
 */
export function unescapeUnicode(raw: string): Unescaped {
  if (!raw.includes("\\u")) return { text: raw, offsets: Array.from({ length: raw.length + 1 }, (_, i) => i) };
  let text = "";
  const offsets: number[] = [];
  let backslashes = 0;
  for (let i = 0; i < raw.length; ) {
    const ch = raw[i] as string;
    if (ch === "\\" && backslashes % 2 === 0 && raw[i + 1] === "u") {
      let k = i + 1;
      while (raw[k] === "u") k += 1;
      const hex = raw.slice(k, k + 4);
      if (/^[0-9A-Fa-f]{4}$/.test(hex)) {
        text += String.fromCharCode(parseInt(hex, 16));
        offsets.push(i);
        i = k + 4;
        backslashes = 0;
        continue;
      }
    }
    backslashes = ch === "\\" ? backslashes + 1 : 0;
    text += ch;
    offsets.push(i);
    i += 1;
  }
  offsets.push(raw.length);
  return { text, offsets };
}

/** Line and column (1-based) of raw offsets; lines end at \n, \r\n or \r, as Neo4j counts them. */
function positions(raw: string, firstLine: number): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "\n" || (c === "\r" && raw[i + 1] !== "\n")) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: firstLine + lo, column: offset - (starts[lo] as number) + 1 };
  };
}

/**
 * Splits `raw` into tokens, dropping whitespace and comments, reading it as Neo4j does: Unicode
 * escapes first (see unescapeUnicode), `//` comments end at \n or \r, whitespace is the
 * grammar's. Positions are in the text as written; `firstLine` numbers its first line.
 */
export function tokenize(raw: string, firstLine = 1): Token[] {
  const { text, offsets } = unescapeUnicode(raw);
  const where = positions(raw, firstLine);
  const tokens: Token[] = [];
  let i = 0;
  const advance = (to: number) => {
    i = to;
  };

  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (SPACE.has(ch.charCodeAt(0))) {
      advance(i + 1);
      continue;
    }
    const { line: startLine, column: startColumn } = where(offsets[i] as number);
    if (ch === "/" && next === "/") {
      let end = i + 2;
      while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end += 1;
      advance(end);
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
