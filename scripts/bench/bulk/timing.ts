// Timing jobs: an engine started in this process (as the portal starts one) works the given jobs, and each job's time
// runs from the engine's start to the job's recorded finish. And the way without the engine: one call per product,
// awaited one after the other, through the same connector.
import { sleep } from "../../../lib/bulk/backoff";
import { startEngine } from "../../../lib/bulk/engine";
import { db } from "../../../lib/db";
import { MarketplaceError } from "../../../lib/marketplaces/errors";
import type { StatusTarget } from "../../../lib/marketplaces/types";
import type { Shop } from "../../../lib/shops/shop";

export type JobTime = { jobId: string; ms: number; done: number; failed: number };

/** How often the benchmark looks at the jobs; their times come from the rows, not from these looks. */
const LOOK_MS = 250;

async function finished(jobId: string, since: number): Promise<JobTime | null> {
  const job = await db().bulkJob.findUniqueOrThrow({ where: { id: jobId }, select: { state: true, finishedAt: true, pauseReason: true } });
  if (job.state === "paused" || job.state === "cancelled") throw new Error(`Job ${jobId} is ${job.state}: ${job.pauseReason ?? ""}`);
  if (job.state !== "done" || !job.finishedAt) return null;
  const counts = await db().bulkJobItem.groupBy({ by: ["state"], where: { jobId }, _count: { _all: true } });
  const count = (state: string) => counts.find((group) => group.state === state)?._count._all ?? 0;
  return { jobId, ms: job.finishedAt.getTime() - since, done: count("done"), failed: count("failed") };
}

/** Runs the stored jobs with one engine until every one is done; their times, in the order given. */
export async function runJobs(jobIds: readonly string[]): Promise<JobTime[]> {
  const since = Date.now();
  const engine = startEngine({ owner: `bench:${process.pid}` });
  const times = new Map<string, JobTime>();
  try {
    while (times.size < jobIds.length) {
      await sleep(LOOK_MS);
      for (const jobId of jobIds.filter((each) => !times.has(each))) {
        const time = await finished(jobId, since);
        if (time) times.set(jobId, time);
      }
    }
  } finally {
    await engine.stop();
  }
  return jobIds.map((jobId) => times.get(jobId)!);
}

/**
 * Milliseconds a product takes when each is changed by a call of its own, awaited before the next: the naive way.
 * Throttling is waited out as the platform asks; a refusal is an answer like any other.
 */
export async function oneByOne(shop: Shop, ids: readonly string[], target: StatusTarget): Promise<number> {
  const start = performance.now();
  for (const id of ids) {
    for (;;) {
      try {
        await shop.connector.changeStatus([id], target);
        break;
      } catch (error) {
        if (!(error instanceof MarketplaceError) || (error.systemic && error.kind !== "throttled")) throw error;
        if (!error.systemic) break;
        await sleep(error.retryAfterMs ?? 1_000);
      }
    }
  }
  return (performance.now() - start) / ids.length;
}
