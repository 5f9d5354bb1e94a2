// Protections every answer gets: security headers (a CSP with frame-ancestors on everything, HSTS
// under TLS), CORS closed unless origins are configured, a rate limit per API key (429 with
// Retry-After), and a time limit per request (503 when no answer has begun by then).
import type { RequestHandler } from "express";
import { answered } from "./audit/middleware.ts";
import type { Actor } from "./auth/roles.ts";
import { AppError } from "../errors.ts";

export interface HardeningSettings {
  /** Origins allowed to call the API from a browser page of theirs; none: CORS stays closed. */
  corsOrigins: string[];
  /** Requests per second a key may make on average, and how many at once (token bucket). */
  rateLimit: { perSecond: number; burst: number };
  /** Milliseconds after which a request that has not begun its answer gets 503. */
  requestTimeoutMs: number;
}

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Security headers on every answer; pages set their own CSP over the API's (still with frame-ancestors 'none'). */
export const securityHeaders: RequestHandler = (req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Content-Security-Policy", API_CSP);
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  // Only over TLS (directly, or behind a trusted proxy that says so): a plain-HTTP answer cannot pin HTTPS.
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
};

/** CORS for the configured origins only; for any other origin no CORS header is sent (browsers refuse). */
export function cors(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.get("origin");
    if (!origin || !allowed.has(origin)) return next();
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Vary", "Origin");
    res.setHeader("Access-Control-Allow-Credentials", "true");
    if (req.method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
      res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, X-CSRF-Token");
      res.setHeader("Access-Control-Max-Age", "600");
      res.status(204).end();
      return;
    }
    next();
  };
}

/** Token buckets by key: `take` says whether a request may go now, else in how many seconds. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly settings: { perSecond: number; burst: number }) {}

  take(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterS: number } {
    const { perSecond, burst } = this.settings;
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    if (this.buckets.size > 100_000) this.buckets.clear();
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
  }
}

export class TooManyRequestsError extends AppError {
  override name = "TooManyRequestsError";
  constructor(readonly retryAfterS: number) {
    super("rate_limited", `too many requests for this key: try again in ${retryAfterS} s`);
  }
}

/** Limits each key (and each address without a valid key) to its bucket: 429 with Retry-After beyond it. */
export function rateLimit(limiter: RateLimiter, scope: string): RequestHandler {
  return (req, res, next) => {
    const actor = res.locals.actor as Actor | undefined;
    const verdict = limiter.take(`${scope}:${actor ? `key:${actor.keyId}` : `ip:${req.ip ?? "?"}`}`);
    if (verdict.ok) return next();
    res.setHeader("Retry-After", String(verdict.retryAfterS));
    next(new TooManyRequestsError(verdict.retryAfterS));
  };
}

/** 503 for a request whose answer has not begun within `ms` (its work is abandoned, its record kept). */
export function requestTimeout(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (answered(res) || res.destroyed) return;
      res
        .status(503)
        .setHeader("Retry-After", "5")
        .type("application/problem+json")
        .json({ type: "about:blank", title: "Service Unavailable", status: 503, detail: `the request took longer than ${Math.round(ms / 1000)} s and was abandoned`, instance: _req.originalUrl });
    }, ms);
    timer.unref();
    res.once("finish", () => clearTimeout(timer));
    res.once("close", () => clearTimeout(timer));
    next();
  };
}
