// One job in one process: lanes that each take a turn from the platform's limits, claim a batch as large as the
// platform takes, and send it, until no item is pending. Other processes may run lanes on the same job at once;
// the claims keep them apart. A paused or cancelled job lets no more claims through.
import { persist } from "./call";
import { claimPending, release, releaseEventually, type ClaimedItem } from "./claim";
import type { JobContext } from "./context";
import { finishIfSettled, markRunning } from "./job-state";
import { record, refusedAll } from "./record";
import { setTicket } from "./settle";
import { follow } from "./tickets";

/** Lanes per job and process: enough to keep the account's budget busy through each call's latency. */
export const laneCount = (perAccount: number) => Math.min(16, Math.max(2, Math.ceil(perAccount)));

async function send(ctx: JobContext, batch: ClaimedItem[]): Promise<void> {
  const ids = batch.map((item) => item.id);
  const answer = await persist(ctx, (connector) => connector.changeStatus(batch.map((item) => item.productId), ctx.job.target), { turnTaken: true });
  switch (answer.kind) {
    case "ok":
      if (answer.value.kind === "done") return record(ctx, batch, answer.value.results, answer.uncertain);
      await setTicket(ctx.owner, ids, answer.value.ticket);
      return follow(ctx, answer.value.ticket, batch);
    case "refused":
      return record(ctx, batch, refusedAll(batch, answer.code, answer.message), answer.uncertain);
    case "paused":
    case "stopped":
      return release(ids, ctx.owner, answer.unchanged ? "pending" : "check");
  }
}

async function lane(ctx: JobContext, batchSize: number): Promise<void> {
  while (!ctx.stopping()) {
    await ctx.tickets.room();
    // The turn comes before the claim, so that no items sit claimed while the limits hold the call back.
    await ctx.shop.limits.take();
    const batch = await claimPending(ctx.job.id, ctx.owner, batchSize, ctx.settings.leaseMs);
    if (!batch.length) return;
    try {
      await send(ctx, batch);
    } catch (error) {
      console.error(`[bulk] job ${ctx.job.id}: a batch broke off`, error);
      await releaseEventually(
        batch.map((item) => item.id),
        ctx.owner,
        ctx.stopping,
      );
    }
  }
}

/** Works the job's pending items until none is left here, then marks it finished if every item is final. */
export async function runJob(ctx: JobContext): Promise<void> {
  const capability = ctx.shop.metadata.capabilities.displayStatus;
  if (!capability) return;
  await markRunning(ctx.job.id);
  await Promise.all(Array.from({ length: laneCount(ctx.shop.metadata.capabilities.rateLimit.perAccount) }, () => lane(ctx, capability.maxBatchSize)));
  await ctx.tickets.idle();
  await finishIfSettled(ctx.job.id);
}
