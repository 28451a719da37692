// When the engine cannot know from an answer what became of items (a ticket the platform gave up on or lost, a job
// cancelled while they were out), it reads each product and records what the platform shows.
import { mapBounded } from "@/lib/concurrency";
import { db } from "@/lib/db";
import { persist } from "./call";
import { release, type ClaimedItem } from "./claim";
import type { JobContext } from "./context";
import { DONE } from "./record";
import { settle, type Settled } from "./settle";

const READ_CONCURRENCY = 4;

type Verdict = Settled | { id: string; again: boolean };

async function readOne(ctx: JobContext, item: ClaimedItem, cancelled: boolean): Promise<Verdict> {
  const read = await persist(ctx, (connector) => connector.getProduct(item.productId));
  if (read.kind === "refused") return { id: item.id, outcome: { state: "failed", code: read.code, message: read.message } };
  // Paused or stopping: the item stays in flight for the next look.
  if (read.kind !== "ok") return { id: item.id, again: false };
  const { status } = read.value;
  if (status === item.target) return { id: item.id, outcome: DONE };
  if (cancelled) return { id: item.id, outcome: { state: "skipped", code: "cancelled", message: `The job was cancelled; the product stayed ${status}.` } };
  if (item.attempts < ctx.settings.maxAttempts) return { id: item.id, again: true };
  return { id: item.id, outcome: { state: "failed", code: "not_confirmed", message: `After ${item.attempts} tries the platform still shows the product ${status}.` } };
}

/** Reads the items' products: done at the target; otherwise sent again, skipped (job cancelled) or failed (tries used up). */
export async function resolveByReading(ctx: JobContext, items: readonly ClaimedItem[]): Promise<void> {
  const job = await db().bulkJob.findUnique({ where: { id: ctx.job.id }, select: { state: true } });
  const verdicts = await mapBounded(items, READ_CONCURRENCY, (item) => readOne(ctx, item, job?.state === "cancelled"));
  await settle(ctx.owner, verdicts.filter((verdict) => "outcome" in verdict));
  const open = verdicts.filter((verdict) => "again" in verdict);
  await release(open.filter((verdict) => verdict.again).map((verdict) => verdict.id), ctx.owner, "pending");
  await release(open.filter((verdict) => !verdict.again).map((verdict) => verdict.id), ctx.owner, "check");
}
