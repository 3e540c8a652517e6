// Per-token request limits of /api/v1: a token bucket per token, in this process's memory (one
// studio process; see docs/decisions/041-openai-compatible-api.md). A token may burst up to
// REQUESTS_PER_MINUTE requests, then one more every 60/REQUESTS_PER_MINUTE seconds. Pure apart
// from the map it keeps.

export const REQUESTS_PER_MINUTE = 120;

type Bucket = { tokens: number; at: number };
export type RateDecision =
  | { ok: true; limit: number; remaining: number; resetSeconds: number }
  | { ok: false; limit: number; remaining: 0; retryAfterSeconds: number };

const KEY = Symbol.for("sora-studio.api-rate-buckets");
const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Bucket> };

export class RateLimiter {
  private readonly buckets: Map<string, Bucket>;

  constructor(
    readonly perMinute: number,
    buckets?: Map<string, Bucket>,
  ) {
    this.buckets = buckets ?? new Map();
  }

  take(key: string, nowMs: number): RateDecision {
    const perMs = this.perMinute / 60_000;
    const old = this.buckets.get(key) ?? { tokens: this.perMinute, at: nowMs };
    const tokens = Math.min(this.perMinute, old.tokens + Math.max(0, nowMs - old.at) * perMs);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: nowMs });
      return {
        ok: false,
        limit: this.perMinute,
        remaining: 0,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)),
      };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
    if (this.buckets.size > 10_000) this.forgetFull(nowMs);
    return {
      ok: true,
      limit: this.perMinute,
      remaining: Math.floor(tokens - 1),
      resetSeconds: Math.ceil((this.perMinute - (tokens - 1)) / perMs / 1000),
    };
  }

  /** Buckets that have filled up again say nothing: drop them so the map stays small. */
  private forgetFull(nowMs: number): void {
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + (nowMs - bucket.at) * (this.perMinute / 60_000) >= this.perMinute) this.buckets.delete(key);
  }
}

// Kept on globalThis: Next may load this module once per route bundle, the buckets must be one.
export const apiRateLimiter = new RateLimiter(REQUESTS_PER_MINUTE, (holder[KEY] ??= new Map()));
