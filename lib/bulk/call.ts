// One platform call for a job, tried until it gets an answer: throttling is waited out for the whole account, other
// systemic trouble is retried with backoff, and a lasting outage or refused authorization pauses the job.
import { MarketplaceError } from "@/lib/marketplaces/errors";
import type { Connector } from "@/lib/marketplaces/types";
import { sleep } from "./backoff";
import type { JobContext } from "./context";
import { judge } from "./failures";
import { pauseJob } from "./job-state";

/** `uncertain`: a try failed in a way that leaves open whether the platform acted on it. */
export type Persisted<T> =
  | { kind: "ok"; value: T; uncertain: boolean }
  | { kind: "refused"; code: string; message: string; uncertain: boolean }
  /** The job was paused (or had stopped); `unchanged`: the platform certainly did nothing with the call. */
  | { kind: "paused"; unchanged: boolean }
  /** This process is stopping. */
  | { kind: "stopped"; unchanged: boolean };

export async function persist<T>(ctx: JobContext, work: (connector: Connector) => Promise<T>, options: { turnTaken?: boolean } = {}): Promise<Persisted<T>> {
  let failures = 0;
  let uncertain = false;
  let turnTaken = options.turnTaken ?? false;
  for (;;) {
    if (ctx.stopping()) return { kind: "stopped", unchanged: !uncertain };
    if (!turnTaken) await ctx.shop.limits.take();
    turnTaken = false;
    try {
      const value = await work(ctx.shop.connector);
      ctx.outage.ok();
      return { kind: "ok", value, uncertain };
    } catch (error) {
      if (!(error instanceof MarketplaceError)) console.error(`[bulk] job ${ctx.job.id}: unexpected failure`, error);
      const judgement = judge(ctx.shop.metadata.id, error, ++failures, ctx.outage, ctx.settings);
      switch (judgement.kind) {
        case "wait":
          await ctx.shop.limits.holdOff(judgement.ms);
          break;
        case "retry":
          uncertain = true;
          await sleep(judgement.ms);
          break;
        case "pause":
          await pauseJob(ctx.job.id, judgement.pause);
          return { kind: "paused", unchanged: judgement.unchanged && !uncertain };
        case "refused":
          return { kind: "refused", code: judgement.code, message: judgement.message, uncertain };
      }
    }
  }
}
