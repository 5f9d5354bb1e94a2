// Authentication (Authorization: Bearer <key>, or a browser session's cookie → the key's actor,
// else 401; a change made with a session cookie needs the session's CSRF token, else 403) and
// per-route role checks (403). All fail as problem+json through the error handler.
import type { RequestHandler, Response } from "express";
import { ForbiddenError, UnauthorizedError } from "../errors.ts";
import type { ApiKeys } from "./keys.ts";
import { cookieOf, SESSION_COOKIE, sameSecret, type Sessions } from "./sessions.ts";
import type { Actor, Roles } from "./roles.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function authenticate(keys: ApiKeys, sessions?: Sessions): RequestHandler {
  return async (req, res, next) => {
    const header = req.get("authorization");
    const token = header ? undefined : sessions && cookieOf(req, SESSION_COOKIE);
    if (token !== undefined && sessions) {
      const check = sessions.check(token);
      const actor = check.ok ? keys.actor(check.session.keyId) : undefined;
      if (!check.ok || !actor) {
        const why = !check.ok && check.reason === "expired" ? "the session expired" : !check.ok && check.reason === "ended" ? "the session was ended" : check.ok ? "the session's API key was revoked" : "the session is unknown";
        throw new UnauthorizedError(`${why}: log in again`);
      }
      res.locals.actor = actor;
      res.locals.session = check.session;
      // A cookie goes with every request the browser makes; a change must also prove it comes from our page.
      if (!SAFE_METHODS.has(req.method) && !sameSecret(req.get("x-csrf-token") ?? "", check.session.csrf)) {
        throw new ForbiddenError("this change needs the session's CSRF token in X-CSRF-Token");
      }
      return next();
    }
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const actor = match?.[1] ? await keys.verify(match[1]) : undefined;
    if (!actor) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="county-graph"');
      throw new UnauthorizedError(header ? "the API key is unknown or revoked" : undefined);
    }
    res.locals.actor = actor;
    next();
  };
}

/** Lets the request through only when the actor's role is one of `roles`. */
export function allow(roles: Roles): RequestHandler {
  return (_req, res, next) => {
    const actor = res.locals.actor as Actor | undefined;
    if (!actor) throw new UnauthorizedError();
    if (!roles.includes(actor.role)) throw new ForbiddenError(`role ${actor.role} may not use this route (allowed: ${roles.join(", ")})`);
    next();
  };
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new UnauthorizedError();
  return actor;
}
