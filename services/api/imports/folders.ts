// Where bundles may come from: folders under one allow-listed root (IMPORT_ROOT), named by a
// relative path, or upload folders the API itself fills. Nothing outside the root is ever read:
// absolute paths and `..` are refused, symbolic links are resolved and must stay inside the root,
// and only the contract's file names are accepted for uploads.
import { createWriteStream } from "node:fs";
import { lstat, mkdir, readdir, realpath, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError, ValidationError } from "../../errors.ts";

/** The bundle files of the import contract (DESIGN.md), without extension. */
export const BUNDLE_STEMS = [
  "regions", "persons", "households", "household_moves", "posts", "kinship", "companies", "company_roles", "accounts",
  "projects", "bids", "programs", "grants", "transfers", "assets", "tips", "cases",
] as const;

export const UPLOAD_ID = /^[A-Za-z0-9_-]{8,64}$/;
export const BUNDLE_FILE = new RegExp(`^(${BUNDLE_STEMS.join("|")})\\.(csv|jsonl)$`);

function bad(field: string, message: string): ValidationError {
  return new ValidationError([{ field, message }]);
}

function inside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

async function rootOf(root: string): Promise<string> {
  await mkdir(root, { recursive: true, mode: 0o700 });
  return realpath(root);
}

/** The real folder for `relative` under `root`, or a 400 naming `field`. */
export async function bundleFolder(root: string, relative: string, field = "body.path"): Promise<string> {
  if (relative.includes("\0")) throw bad(field, "contains a NUL character");
  if (path.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) throw bad(field, "must be relative to the import root");
  if (relative.split(/[\\/]/).includes("..")) throw bad(field, "must not contain `..`");
  const base = await rootOf(root);
  let real: string;
  try {
    real = await realpath(path.resolve(base, relative));
  } catch {
    throw bad(field, "no such folder under the import root");
  }
  if (!inside(base, real)) throw bad(field, "resolves outside the import root");
  if (!(await stat(real)).isDirectory()) throw bad(field, "not a folder");
  // A link inside the folder could point anywhere: each must resolve inside the root too.
  for (const entry of await readdir(real)) {
    const full = path.join(real, entry);
    if ((await lstat(full)).isSymbolicLink()) {
      const target = await realpath(full).catch(() => undefined);
      if (!target || !inside(base, target)) throw bad(field, `${entry} links outside the import root`);
    }
  }
  return real;
}

export function uploadFolder(root: string, upload: string): string {
  return path.join(root, "uploads", upload);
}

/** Streams one bundle file of an upload into `<root>/uploads/<upload>/<file>`, at most `maxBytes`. */
export async function receiveFile(root: string, upload: string, file: string, body: NodeJS.ReadableStream, maxBytes: number): Promise<number> {
  const folder = uploadFolder(await rootOf(root), upload);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const partial = path.join(folder, `.${file}.part`);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(new AppError("too_large", `${file} is larger than ${maxBytes} bytes`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(partial, { mode: 0o600 }));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, path.join(folder, file));
  return bytes;
}

/** The files received so far for an upload. */
export async function uploadedFiles(root: string, upload: string): Promise<string[]> {
  try {
    return (await readdir(uploadFolder(await rootOf(root), upload))).filter((f) => BUNDLE_FILE.test(f)).sort();
  } catch {
    return [];
  }
}

export async function removeUpload(root: string, upload: string): Promise<void> {
  await rm(uploadFolder(await rootOf(root), upload), { recursive: true, force: true });
}
