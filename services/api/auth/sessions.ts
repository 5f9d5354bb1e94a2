// Browser sessions: a page logs in once with an API key and then holds an httpOnly, SameSite=Strict
// cookie (Secure under TLS) naming a session in the service store; changes made with it carry the
// session's CSRF token in X-CSRF-Token. Sessions end at logout, at expiry, or when their key is revoked.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import type { SessionRecord, ServiceStore } from "../../store/index.ts";
import type { Actor } from "./roles.ts";

export const SESSION_COOKIE = "cg_session";
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The value of cookie `name` in the request, or undefined. */
export function cookieOf(req: Request, name: string): string | undefined {
  const header = req.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type SessionCheck = { ok: true; session: SessionRecord } | { ok: false; reason: "unknown" | "expired" | "ended" };

export class Sessions {
  constructor(
    private readonly store: ServiceStore,
    /** How long a session lasts from login. */
    readonly lifetimeMs: number,
  ) {}

  /** Opens a session for the key's holder: the cookie token (stored only as its hash) and the session. */
  async open(actor: Actor): Promise<{ token: string; session: SessionRecord }> {
    const token = randomBytes(32).toString("base64url");
    const now = Date.now();
    const session: SessionRecord = {
      id: sha256(token),
      keyId: actor.keyId,
      csrf: randomBytes(32).toString("base64url"),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.lifetimeMs).toISOString(),
      revokedAt: null,
    };
    await this.store.sessions.put(session.id, session);
    return { token, session };
  }

  check(token: string, now = Date.now()): SessionCheck {
    if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: "unknown" };
    const session = this.store.sessions.get(sha256(token));
    if (!session) return { ok: false, reason: "unknown" };
    if (session.revokedAt !== null) return { ok: false, reason: "ended" };
    if (Date.parse(session.expiresAt) <= now) return { ok: false, reason: "expired" };
    return { ok: true, session };
  }

  /** Ends the session (logout); its record stays, marked, until the store is compacted. */
  async end(id: string): Promise<void> {
    await this.store.sessions.change((get) => {
      const s = get(id);
      return s && s.revokedAt === null ? { writes: { [id]: { ...s, revokedAt: new Date().toISOString() } }, result: undefined } : undefined;
    });
  }
}

/** Sets the session cookie: httpOnly, SameSite=Strict, Path=/, Secure over TLS, for the session's life. */
export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: string): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  res.append("Set-Cookie", `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${req.secure ? "; Secure" : ""}`);
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.append("Set-Cookie", `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${req.secure ? "; Secure" : ""}`);
}
