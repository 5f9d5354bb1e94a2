// HTTP plumbing shared by the API-test harnesses (support/api.ts, integration/queries/support.ts):
// one API key per role, and an Express app listening on a random local port.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import type { ApiKeys } from "../../services/api/auth/keys.ts";
import { ROLES, type Role } from "../../services/api/auth/roles.ts";

/** Creates one key per role, named `<prefix> <role>`: the keys and their ids by role. */
export async function keysPerRole(apiKeys: ApiKeys, prefix: string): Promise<{ keys: Record<Role, string>; keyIds: Record<Role, string> }> {
  const keys = {} as Record<Role, string>;
  const keyIds = {} as Record<Role, string>;
  for (const role of ROLES) {
    const { key, record } = await apiKeys.create(`${prefix} ${role}`, role);
    keys[role] = key;
    keyIds[role] = record.id;
  }
  return { keys, keyIds };
}

/** Listens on a random port of 127.0.0.1: the server and its base URL. */
export async function listenLocally(app: Express): Promise<{ server: Server; url: string }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Drops open connections and stops listening. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
