// A service store (keys, sessions, saved queries, runs) and an audit folder in fresh temporary
// folders, for tests that build the app or a router themselves.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { IdentifierVault, ServiceStore } from "../../services/store/index.ts";

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `county-${prefix}-`));
}

export function tempStore(): ServiceStore {
  return new ServiceStore(tempDir("service"));
}

/** An identifier vault (key and clear identifiers) in a fresh temporary folder. */
export function tempVault(): IdentifierVault {
  return IdentifierVault.open(tempDir("vault"));
}
