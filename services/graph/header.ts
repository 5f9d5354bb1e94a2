// Reads the YAML header of a Cypher file: the leading `//` comment lines, parsed as YAML.
import { parse } from "yaml";
import { AppError } from "../errors.ts";

export interface CypherFile {
  header: unknown;
  /** The Cypher text after the header. */
  body: string;
  /** 1-based line where the body starts, for error messages. */
  bodyLine: number;
}

export class CypherHeaderError extends AppError {
  override name = "CypherHeaderError";
  constructor(message: string) {
    super("invalid", message);
  }
}

export function splitHeader(text: string, file: string): CypherFile {
  const lines = text.split(/\r?\n/);
  let end = 0;
  while (end < lines.length && lines[end]!.trimStart().startsWith("//")) end += 1;
  const yaml = lines
    .slice(0, end)
    .map((l) => l.trimStart().replace(/^\/\/ ?/, ""))
    .join("\n");
  let header: unknown;
  try {
    header = parse(yaml);
  } catch (error) {
    throw new CypherHeaderError(`${file}: header is not valid YAML: ${(error as Error).message}`);
  }
  return { header, body: lines.slice(end).join("\n").trim(), bodyLine: end + 1 };
}
