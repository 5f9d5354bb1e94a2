// A bounded, short-lived cache of risk answers in this process. Answers change only when an
// analysis run finishes or an alert is triaged, and both clear it here at once; the TTL bounds how
// long a change made by another process (a CLI run, another API instance) stays unseen. It holds
// the pending answer, so concurrent requests for one entity share one query; an answer that fails
// (a 404 included) is dropped, never cached.

export interface RiskCacheOptions {
  /** How long an answer is served after its query started, in ms; 0 disables the cache. */
  ttlMs: number;
  /** Most answers held; the least recently used goes first. */
  maxEntries: number;
  now: () => number;
}

export const RISK_CACHE_DEFAULTS: RiskCacheOptions = { ttlMs: 5000, maxEntries: 2000, now: () => Date.now() };

export interface RiskCacheStats {
  hits: number;
  misses: number;
  size: number;
}

interface Entry<V> {
  value: Promise<V>;
  until: number;
}

export class RiskCache<V> {
  private readonly options: RiskCacheOptions;
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  private readonly entries = new Map<string, Entry<V>>();
  private hits = 0;
  private misses = 0;

  constructor(options: Partial<RiskCacheOptions> = {}) {
    this.options = { ...RISK_CACHE_DEFAULTS, ...options };
  }

  /** The answer for `key`: the cached one while fresh, else `load()`'s, cached. */
  answer(key: string, load: () => Promise<V>): Promise<V> {
    const { ttlMs, maxEntries, now } = this.options;
    if (ttlMs <= 0) return load();
    const t = now();
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.until > t) {
      this.hits += 1;
      this.entries.set(key, hit);
      return hit.value;
    }
    this.misses += 1;
    const entry: Entry<V> = { value: load(), until: t + ttlMs };
    this.entries.set(key, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= maxEntries) break;
      this.entries.delete(oldest);
    }
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  /** Drops every answer, pending ones included (their callers still get them). */
  clear(): void {
    this.entries.clear();
  }

  stats(): RiskCacheStats {
    return { hits: this.hits, misses: this.misses, size: this.entries.size };
  }
}
