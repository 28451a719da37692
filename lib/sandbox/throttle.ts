// Token buckets: `requests` per `perSeconds`, refilled continuously, with bursts up to `requests`.

export type RateLimit = { requests: number; perSeconds: number };

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

type Bucket = { tokens: number; updatedAt: number; limit: RateLimit };

export class Throttle {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Takes one request from the bucket `key`; a changed limit starts the bucket afresh. */
  take(key: string, limit: RateLimit): TakeResult {
    const now = this.clock();
    const perMs = limit.requests / (limit.perSeconds * 1000);
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.limit.requests !== limit.requests || bucket.limit.perSeconds !== limit.perSeconds) {
      bucket = { tokens: limit.requests, updatedAt: now, limit };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(limit.requests, bucket.tokens + (now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true, remaining: Math.floor(bucket.tokens) };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  reset(): void {
    this.buckets.clear();
  }
}
