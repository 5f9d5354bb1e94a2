// RiskCache on a hand-driven clock: TTL, the size bound (least recently used first), shared pending
// answers, failures dropped, clear(), and RISK_CACHE_MS parsing.
import { describe, expect, it } from "vitest";
import { RiskCache } from "../../services/api/risk/cache.ts";
import { parseConfig } from "../../services/config/index.ts";

function fixture(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const clock = { t: 0 };
  const cache = new RiskCache<string>({ ttlMs: 100, maxEntries: 3, now: () => clock.t, ...options });
  const loads: string[] = [];
  const ask = (key: string) =>
    cache.answer(key, async () => {
      loads.push(key);
      return `${key}@${clock.t}`;
    });
  return { clock, cache, loads, ask };
}

describe("RiskCache", () => {
  it("answers from the cache until the TTL ends, then loads again", async () => {
    const { clock, loads, ask, cache } = fixture();
    expect(await ask("a")).toBe("a@0");
    clock.t = 99;
    expect(await ask("a")).toBe("a@0");
    clock.t = 100;
    expect(await ask("a")).toBe("a@100");
    expect(loads).toEqual(["a", "a"]);
    expect(cache.stats()).toEqual({ hits: 1, misses: 2, size: 1 });
  });

  it("holds at most maxEntries, dropping the least recently used", async () => {
    const { loads, ask, cache } = fixture();
    for (const k of ["a", "b", "c"]) await ask(k);
    await ask("a"); // a is now the most recent; b the least
    await ask("d");
    expect(cache.stats().size).toBe(3);
    await ask("a");
    await ask("c");
    await ask("b");
    expect(loads).toEqual(["a", "b", "c", "d", "b"]);
  });

  it("shares one pending load between concurrent asks and drops failures", async () => {
    const cache = new RiskCache<number>({ ttlMs: 1000 });
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error("no entity"));
    };
    const both = await Promise.allSettled([cache.answer("x", failing), cache.answer("x", failing)]);
    expect(both.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    expect(cache.stats().size).toBe(0);
    expect(await cache.answer("x", async () => 7)).toBe(7);
  });

  it("clear() drops every answer; a TTL of 0 caches nothing", async () => {
    const { loads, ask, cache } = fixture();
    await ask("a");
    cache.clear();
    await ask("a");
    expect(loads).toEqual(["a", "a"]);
    const off = fixture({ ttlMs: 0 });
    await off.ask("a");
    await off.ask("a");
    expect(off.loads).toEqual(["a", "a"]);
    expect(off.cache.stats()).toEqual({ hits: 0, misses: 0, size: 0 });
  });

  it("reads RISK_CACHE_MS: 5000 by default, 0 allowed, negative refused", () => {
    expect(parseConfig({}).api.riskCacheMs).toBe(5000);
    expect(parseConfig({ RISK_CACHE_MS: "0" }).api.riskCacheMs).toBe(0);
    expect(() => parseConfig({ RISK_CACHE_MS: "-1" })).toThrow(/RISK_CACHE_MS/);
  });
});
