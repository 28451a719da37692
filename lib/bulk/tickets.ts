// Asynchronous changes (Allegro's publication commands): the items carry the platform's ticket, and the ticket is
// asked about, less often as time goes on, until every item in it is final. Final items are recorded as they come.
import { sleep } from "./backoff";
import { persist } from "./call";
import { release, releaseEventually, type ClaimedItem } from "./claim";
import type { JobContext } from "./context";
import { record } from "./record";
import { resolveByReading } from "./truth";

async function watch(ctx: JobContext, ticket: string, items: readonly ClaimedItem[]): Promise<void> {
  const open = new Map(items.map((item) => [item.productId, item]));
  const deadline = Date.now() + ctx.settings.ticketTimeoutMs;
  let wait = ctx.settings.pollMs;
  while (open.size) {
    await sleep(wait);
    wait = Math.min(wait * 1.5, ctx.settings.maxPollMs);
    const answer = await persist(ctx, (connector) => connector.checkStatusChange(ticket));
    if (answer.kind === "paused" || answer.kind === "stopped") {
      await release([...open.values()].map((item) => item.id), ctx.owner, "check");
      return;
    }
    // The platform no longer knows the ticket: its products tell what happened.
    if (answer.kind === "refused") return resolveByReading(ctx, [...open.values()]);
    const final = answer.value.results.filter((result) => open.has(result.id));
    await record(
      ctx,
      final.map((result) => open.get(result.id)!),
      final,
      false,
    );
    for (const result of final) open.delete(result.id);
    if (open.size && (answer.value.kind === "done" || Date.now() > deadline)) return resolveByReading(ctx, [...open.values()]);
  }
}

/**
 * Work on held items in the background, counted by the job's gate until it ends; if it breaks off, the items are
 * given up for recovery.
 */
export function inBackground(ctx: JobContext, items: readonly ClaimedItem[], work: () => Promise<void>): void {
  ctx.tickets.enter();
  work()
    .catch(async (error) => {
      console.error(`[bulk] job ${ctx.job.id}: background work broke off`, error);
      await releaseEventually(
        items.map((item) => item.id),
        ctx.owner,
        ctx.stopping,
      );
    })
    .finally(() => ctx.tickets.leave());
}

/** Follows a ticket in the background until every item in it is settled or given up. */
export const follow = (ctx: JobContext, ticket: string, items: readonly ClaimedItem[]) => inBackground(ctx, items, () => watch(ctx, ticket, items));
