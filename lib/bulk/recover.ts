// Items a process left in flight without renewing its claim (it died, or gave them up unsure of the outcome) are
// taken over here, and settled against the platform: a ticket is asked about again; without one, the change is sent
// again, which every platform accepts for a product already at the target (and a refusal after an uncertain try is
// checked by reading the product). Products of a cancelled job, or sent too often already, are read instead.
import { db } from "@/lib/db";
import { claimLapsed, release, type ClaimedItem } from "./claim";
import type { JobContext } from "./context";
import { follow, inBackground } from "./tickets";
import { resolveByReading } from "./truth";

/** Lapsed items taken over per look; the rest wait for the next. */
const PER_LOOK = 2_000;

const groupBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

async function recoverJob(ctx: JobContext, items: ClaimedItem[], cancelled: boolean): Promise<void> {
  const withTicket = items.filter((item) => item.ticket);
  for (const [ticket, group] of groupBy(withTicket, (item) => item.ticket!)) follow(ctx, ticket, group);
  const rest = items.filter((item) => !item.ticket);
  const toRead = rest.filter((item) => cancelled || item.attempts >= ctx.settings.maxAttempts);
  if (toRead.length) inBackground(ctx, toRead, () => resolveByReading(ctx, toRead));
  await release(
    rest.filter((item) => !toRead.includes(item)).map((item) => item.id),
    ctx.owner,
    "pending",
  );
}

/**
 * Takes over lapsed items and settles them through the jobs' contexts; a job whose shop cannot be opened gets its
 * items back as they were (`contextFor` says why, by pausing it). Returns how many items were taken over.
 */
export async function recoverLapsed(owner: string, leaseMs: number, contextFor: (jobId: string) => Promise<JobContext | null>): Promise<number> {
  const items = await claimLapsed(owner, PER_LOOK, leaseMs);
  if (!items.length) return 0;
  const byJob = groupBy(items, (item) => item.jobId);
  const jobs = await db().bulkJob.findMany({ where: { id: { in: [...byJob.keys()] } }, select: { id: true, state: true } });
  const states = new Map(jobs.map((job) => [job.id, job.state]));
  for (const [jobId, group] of byJob) {
    const ctx = await contextFor(jobId);
    if (ctx) await recoverJob(ctx, group, states.get(jobId) === "cancelled");
    else
      await release(
        group.map((item) => item.id),
        owner,
        "check",
      );
  }
  return items.length;
}
