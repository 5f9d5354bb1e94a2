// Log in, who am I, log out for browser pages. POST /session takes an API key once and answers
// with an httpOnly session cookie and the CSRF token the page sends back on changes; it is open
// (no key yet) and limited per address. GET and DELETE /session need the session itself.
import express, { type Request, type Response, Router } from "express";
import { NotFoundError } from "../../errors.ts";
import { UnauthorizedError } from "../errors.ts";
import { type RateLimiter, rateLimit } from "../hardening.ts";
import { registry, z } from "../openapi.ts";
import { API_PREFIX, endpoint, mount } from "../route.ts";
import { Problem } from "../schemas.ts";
import { parse } from "../validate.ts";
import type { ApiKeys } from "./keys.ts";
import { ROLES } from "./roles.ts";
import { clearSessionCookie, type Sessions, setSessionCookie } from "./sessions.ts";
import type { SessionRecord } from "../../store/index.ts";

const SessionInfo = registry.register(
  "Session",
  z.object({
    keyId: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    csrfToken: z.string().openapi({ description: "send it as X-CSRF-Token with every POST, PUT and DELETE made with the session cookie" }),
    expiresAt: z.string(),
  }),
);

const LoginBody = z.object({ key: z.string().min(1).max(200).openapi({ description: "an API key (cg_…); it is not kept in the browser" }) });

registry.registerPath({
  method: "post",
  path: `${API_PREFIX}/session`,
  tags: ["session"],
  summary: "Log in with an API key: sets the session cookie (httpOnly, SameSite=Strict, Secure under TLS)",
  description: "Open to everyone; limited per address. Roles: any key.",
  security: [],
  "x-roles": [...ROLES],
  request: { body: { required: true, content: { "application/json": { schema: LoginBody } } } },
  responses: {
    201: { description: "logged in", content: { "application/json": { schema: SessionInfo } } },
    ...Object.fromEntries([400, 401, 413, 415, 429, 503].map((code) => [code, { description: "problem", content: { "application/problem+json": { schema: Problem } } }])),
  },
});

const CurrentSession = endpoint({
  method: "get",
  path: "/session",
  roles: ROLES,
  tags: ["session"],
  summary: "The session of this browser (after a reload): who, and its CSRF token",
  response: SessionInfo,
  problems: [404],
});

const Logout = endpoint({
  method: "delete",
  path: "/session",
  roles: ROLES,
  tags: ["session"],
  summary: "Log out: ends the session and clears its cookie",
  response: z.object({ ended: z.literal(true) }),
});

function info(session: SessionRecord, actor: { keyId: string; name: string; role: (typeof ROLES)[number] }) {
  return { keyId: actor.keyId, name: actor.name, role: actor.role, csrfToken: session.csrf, expiresAt: session.expiresAt };
}

/** POST /session, mounted before authentication. */
export function loginRouter(keys: ApiKeys, sessions: Sessions, limiter: RateLimiter): Router {
  const router = Router();
  router.post(
    "/session",
    (_req, res, next) => {
      res.locals.route = `${API_PREFIX}/session`;
      next();
    },
    rateLimit(limiter, "login"),
    express.json({ limit: "4kb" }),
    async (req: Request, res: Response) => {
      const { key } = parse(LoginBody, req.body ?? {}, "body");
      const actor = await keys.verify(key);
      if (!actor) throw new UnauthorizedError("the API key is unknown or revoked");
      res.locals.actor = actor;
      const { token, session } = await sessions.open(actor);
      setSessionCookie(req, res, token, session.expiresAt);
      res.status(201).json(info(session, actor));
    },
  );
  return router;
}

/** GET and DELETE /session, mounted after authentication. */
export function sessionRouter(sessions: Sessions): Router {
  const router = Router();
  mount(router, CurrentSession, async ({ res, actor }) => {
    const session = res.locals.session as SessionRecord | undefined;
    if (!session) throw new NotFoundError("no session: this request was made with an API key, not a session cookie");
    return info(session, actor);
  });
  mount(router, Logout, async ({ req, res }) => {
    const session = res.locals.session as SessionRecord | undefined;
    if (session) await sessions.end(session.id);
    clearSessionCookie(req, res);
    return { ended: true as const };
  });
  return router;
}
