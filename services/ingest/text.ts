// Reads a file in chunks that end on a line break, decoding UTF-8 and noting lines that are not valid UTF-8.
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { ReadError } from "./errors.ts";

export interface TextOptions {
  /** Bytes read from disk at a time. */
  chunkSize: number;
  /** A physical line longer than this is an error that stops the file. */
  maxLineBytes: number;
}

export const TEXT_DEFAULTS: TextOptions = { chunkSize: 1 << 20, maxLineBytes: 64 << 20 };

export interface TextChunk {
  /** Whole lines (the last chunk may lack its final line break). */
  text: string;
  /** The physical line number of the first character of `text`. */
  firstLine: number;
  /** Physical lines in this chunk whose bytes are not valid UTF-8 (decoded with U+FFFD). */
  badLines: number[];
}

const LF = 0x0a;

function countLines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(LF); i >= 0; i = buf.indexOf(LF, i + 1)) n++;
  return n;
}

/** Decodes whole lines; when the block is not valid UTF-8, finds the offending lines one by one. */
function decode(piece: Buffer, firstLine: number): TextChunk {
  const badLines: number[] = [];
  if (!isUtf8(piece)) {
    let start = 0;
    let line = firstLine;
    while (start < piece.length) {
      const lf = piece.indexOf(LF, start);
      const end = lf < 0 ? piece.length : lf;
      if (!isUtf8(piece.subarray(start, end))) badLines.push(line);
      start = end + 1;
      line++;
    }
  }
  return { text: piece.toString("utf8"), firstLine, badLines };
}

/** Chunks of whole lines, read with a bounded buffer; a leading UTF-8 byte-order mark is dropped. */
export async function* readTextChunks(file: string, options: Partial<TextOptions> = {}): AsyncGenerator<TextChunk> {
  const { chunkSize, maxLineBytes } = { ...TEXT_DEFAULTS, ...options };
  const stream = createReadStream(file, { highWaterMark: chunkSize });
  let carry: Buffer | undefined;
  let line = 1;
  let first = true;
  try {
    for await (const data of stream as AsyncIterable<Buffer>) {
      let buf = carry ? Buffer.concat([carry, data]) : data;
      carry = undefined;
      if (first) {
        if (buf.length < 3 && buf.length > 0 && buf[0] === 0xef) {
          carry = buf;
          continue;
        }
        first = false;
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      }
      const lastLf = buf.lastIndexOf(LF);
      if (lastLf < 0) {
        if (buf.length > maxLineBytes) throw new ReadError(line, "row", `line longer than ${maxLineBytes} bytes`, true, false);
        carry = buf;
        continue;
      }
      const piece = buf.subarray(0, lastLf + 1);
      if (lastLf + 1 < buf.length) carry = buf.subarray(lastLf + 1);
      yield decode(piece, line);
      line += countLines(piece);
    }
    if (carry && carry.length > 0) {
      if (first && carry[0] === 0xef && carry[1] === 0xbb && carry[2] === 0xbf) carry = carry.subarray(3);
      yield decode(carry, line);
    }
  } finally {
    stream.destroy();
  }
}
