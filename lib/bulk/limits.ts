// The calls a platform allows the portal: one budget per platform app and one per linked account, declared in the
// platform's capabilities. On PostgreSQL every process counts in the shared table, so several workers together stay
// within them; the embedded database serves one process, whose memory is then enough. A call waits for its turn.
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Capabilities } from "@/lib/marketplaces/types";
import { sleep } from "./backoff";

export type CallLimits = {
  /** Resolves when one more call fits both budgets. */
  take(): Promise<void>;
  /** The platform asked to wait (throttling): nobody calls for this account until `ms` have passed. */
  holdOff(ms: number): Promise<void>;
};

/**
 * A fixed window lets twice its points through around its edge; windows of about a quarter second keep that burst
 * to half a second's worth, which a platform's own bucket of one second's calls absorbs.
 */
export function windowFor(perSecond: number): { points: number; duration: number } {
  const points = Math.max(1, Math.ceil(perSecond / 4));
  return { points, duration: points / perSecond };
}

const limiters = new Map<string, RateLimiterAbstract>();

function limiter(name: string, perSecond: number): RateLimiterAbstract {
  const keyPrefix = `bulk-${name}-${perSecond}`;
  let found = limiters.get(keyPrefix);
  if (!found) {
    const options = { keyPrefix, ...windowFor(perSecond) };
    found = env().DATABASE_URL
      ? new RateLimiterPrisma({ ...options, storeClient: db(), tableName: "rateLimiterFlexible", clearExpiredByTimeout: false })
      : new RateLimiterMemory(options);
    limiters.set(keyPrefix, found);
  }
  return found;
}

async function takeFrom(from: RateLimiterAbstract, key: string): Promise<void> {
  for (;;) {
    try {
      await from.consume(key);
      return;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      // A few milliseconds apart, so that waiters do not all arrive at the window's first instant together.
      await sleep(error.msBeforeNext + Math.random() * 10);
    }
  }
}

export function callLimits(rateLimit: Capabilities["rateLimit"], keys: { app: string; account: string }): CallLimits {
  const app = limiter("app", rateLimit.perApp);
  const account = limiter("account", rateLimit.perAccount);
  return {
    async take() {
      // The account's budget first: it is the smaller, and waiting for it must not spend the app's.
      await takeFrom(account, keys.account);
      await takeFrom(app, keys.app);
    },
    async holdOff(ms) {
      await account.block(keys.account, ms / 1000);
    },
  };
}
