// What a failed platform call means for the items in it. Systemic failures say nothing about the items: throttling
// is waited out, other trouble is retried with backoff until it has lasted too long, and then the job pauses, as it
// does at once when the shop's authorization is refused. Only the platform refusing the call itself fails items.
import { MarketplaceError, platformName } from "@/lib/marketplaces/errors";
import type { PlatformId } from "@/lib/marketplaces/types";
import { backoffMs } from "./backoff";
import type { Pause } from "./job-state";

export type Judgement =
  /** The platform asked to slow down: wait this long; not an outage. */
  | { kind: "wait"; ms: number }
  /** Try again after this long; the call may or may not have been carried out. */
  | { kind: "retry"; ms: number }
  /** Stop the job. `unchanged`: the platform did nothing with the call, so its items can simply be sent again. */
  | { kind: "pause"; pause: Pause; unchanged: boolean }
  /** The platform refused the call itself: every item in it fails with this. */
  | { kind: "refused"; code: string; message: string };

/** How long systemic failures have lasted, across the calls of one job in this process. */
export class Outage {
  private since: number | null = null;

  ok(): void {
    this.since = null;
  }

  /** Records a failure; true once failures have gone on for `limitMs` without a success between them. */
  failed(limitMs: number, now = Date.now()): boolean {
    this.since ??= now;
    return now - this.since >= limitMs;
  }
}

export type FailurePolicy = { outageMs: number; resumeAfterMs: number };

const DEFAULT_RETRY_AFTER_MS = 1_000;

const inWords = (ms: number) => (ms < 90_000 ? `${Math.round(ms / 1000)} seconds` : `${Math.round(ms / 60_000)} minutes`);

export function judge(platform: PlatformId, error: unknown, failures: number, outage: Outage, policy: FailurePolicy): Judgement {
  const name = platformName(platform);
  if (error instanceof MarketplaceError) {
    if (error.kind === "auth") {
      const reason = `${name} no longer accepts this shop's authorization (${error.platformMessage}). Reconnect the shop; the job resumes once it is linked again.`;
      return { kind: "pause", pause: { reason, code: error.code, resumeAt: null }, unchanged: true };
    }
    if (!error.systemic) return { kind: "refused", code: error.code, message: error.platformMessage };
    if (error.kind === "throttled") return { kind: "wait", ms: error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS };
  }
  if (!outage.failed(policy.outageMs)) return { kind: "retry", ms: backoffMs(failures) };
  const detail = error instanceof MarketplaceError ? error.platformMessage : error instanceof Error ? error.message : String(error);
  const reason = `${name} has not been answering properly for ${inWords(policy.outageMs)} (${detail}). The job tries again by itself in ${inWords(policy.resumeAfterMs)}.`;
  const code = error instanceof MarketplaceError ? error.code : "internal_error";
  return { kind: "pause", pause: { reason, code, resumeAt: new Date(Date.now() + policy.resumeAfterMs) }, unchanged: false };
}
