import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { db } from "./db";
import { AppError } from "./errors";

// Counters live in the database so that every portal process shares them.
type Limiter = { limiter: RateLimiterPrisma; what: string };

const limiters = new Map<string, Limiter>();

function limiter(name: string, points: number, durationSeconds: number, what: string): Limiter {
  let entry = limiters.get(name);
  if (!entry) {
    entry = {
      limiter: new RateLimiterPrisma({
        storeClient: db(),
        tableName: "rateLimiterFlexible",
        keyPrefix: name,
        points,
        duration: durationSeconds,
        clearExpiredByTimeout: false,
      }),
      what,
    };
    limiters.set(name, entry);
  }
  return entry;
}

export const signInByIp = () => limiter("signin-ip", 30, 15 * 60, "sign-in attempts from your network");
export const signInByEmail = () => limiter("signin-email", 8, 15 * 60, "sign-in attempts for this email");
export const signUpByIp = () => limiter("signup-ip", env().SIGN_UPS_PER_HOUR_PER_IP, 60 * 60, "sign-ups from your network");

/** Counts one attempt; throws a 429 AppError that says when to try again once the limit is used up. */
export async function consume({ limiter, what }: Limiter, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSeconds = Math.ceil(error.msBeforeNext / 1000);
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    throw new AppError("rate_limited", `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
      retryAfterSeconds,
    });
  }
}

export async function reset({ limiter }: Limiter, key: string): Promise<void> {
  await limiter.delete(key);
}
