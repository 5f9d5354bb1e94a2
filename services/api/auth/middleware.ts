// Authentication (Authorization: Bearer <key> → the key's actor, else 401) and per-route role
// checks (403). Both fail as problem+json through the error handler.
import type { RequestHandler, Response } from "express";
import { ForbiddenError, UnauthorizedError } from "../errors.ts";
import type { ApiKeys } from "./keys.ts";
import type { Actor, Roles } from "./roles.ts";

export function authenticate(keys: ApiKeys): RequestHandler {
  return async (req, res, next) => {
    const header = req.get("authorization");
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
