// Key management for admins: list, issue (the key is shown once), revoke; and for every key, who
// it is (GET /keys/me), so a page can show only what the role may do.
import { Router } from "express";
import { NotFoundError } from "../../errors.ts";
import { registry, z } from "../openapi.ts";
import { endpoint, mount } from "../route.ts";
import { IdParams } from "../schemas.ts";
import type { ApiKeys } from "./keys.ts";
import { ROLES } from "./roles.ts";

registry.registerComponent("securitySchemes", "bearerAuth", {
  type: "http",
  scheme: "bearer",
  description: "An API key issued by `npx tsx services/cli/keys.ts create` or POST /api/v1/keys: `Authorization: Bearer cg_…`",
});

const ApiKey = registry.register(
  "ApiKey",
  z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), createdAt: z.string(), revokedAt: z.string().nullable() }),
);

const ListKeys = endpoint({
  method: "get",
  path: "/keys",
  roles: ["admin"],
  tags: ["keys"],
  summary: "List API keys (never their secrets)",
  response: z.object({ items: z.array(ApiKey) }),
});

const CreateKey = endpoint({
  method: "post",
  path: "/keys",
  roles: ["admin"],
  tags: ["keys"],
  summary: "Issue an API key; the key is in this answer only",
  body: z.object({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES) }),
  response: ApiKey.extend({ key: z.string().openapi({ description: "the secret: shown once, stored only as a sha256 hash" }) }),
  status: 201,
});

const CurrentKey = endpoint({
  method: "get",
  path: "/keys/me",
  roles: ROLES,
  tags: ["keys"],
  summary: "The key this request is made with: id, name and role (never the secret)",
  response: ApiKey.pick({ id: true, name: true, role: true }),
});

const RevokeKey = endpoint({
  method: "delete",
  path: "/keys/:id",
  roles: ["admin"],
  tags: ["keys"],
  summary: "Revoke an API key",
  params: IdParams,
  response: ApiKey,
  problems: [404],
});

export function keysRouter(keys: ApiKeys): Router {
  const router = Router();
  mount(router, CurrentKey, async ({ actor }) => ({ id: actor.keyId, name: actor.name, role: actor.role }));
  mount(router, ListKeys, async () => ({ items: await keys.list() }));
  mount(router, CreateKey, async ({ body }) => {
    const { key, record } = await keys.create(body.name, body.role);
    return { ...record, key };
  });
  mount(router, RevokeKey, async ({ params }) => {
    const record = await keys.revoke(params.id);
    if (!record) throw new NotFoundError(`no API key ${params.id}`);
    return record;
  });
  return router;
}
