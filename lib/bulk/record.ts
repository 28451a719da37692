// Turning the platform's per-item answers into final item states. A refusal that follows an earlier, uncertain try
// (a timeout, a 5xx, a process that died mid-call) may only mean the first try worked: the product is read, and one
// that has the target is done.
import { mapBounded } from "@/lib/concurrency";
import type { ItemResult } from "@/lib/marketplaces/types";
import type { ClaimedItem } from "./claim";
import type { JobContext } from "./context";
import { settle, type Outcome, type Settled } from "./settle";

const READ_CONCURRENCY = 4;

export const DONE: Outcome = { state: "done" };
const NO_RESULT: Outcome = { state: "failed", code: "no_result", message: "The platform's answer did not mention this product." };

async function hasTarget(ctx: JobContext, item: ClaimedItem): Promise<boolean> {
  try {
    return (await ctx.shop.call((connector) => connector.getProduct(item.productId))).status === item.target;
  } catch {
    // Unreadable now: the refusal stands.
    return false;
  }
}

/** Records the results for these items (those without a result fail as unreported). */
export async function record(ctx: JobContext, items: readonly ClaimedItem[], results: readonly ItemResult[], uncertain: boolean): Promise<void> {
  const byProduct = new Map(results.map((result) => [result.id, result]));
  const settled = await mapBounded(items, READ_CONCURRENCY, async (item): Promise<Settled> => {
    const result = byProduct.get(item.productId);
    if (!result) return { id: item.id, outcome: NO_RESULT };
    if (result.ok || ((uncertain || item.attempts > 1) && (await hasTarget(ctx, item)))) return { id: item.id, outcome: DONE };
    return { id: item.id, outcome: { state: "failed", code: result.code, message: result.message } };
  });
  await settle(ctx.owner, settled);
}

/** Every item refused with one code and message, as when the platform refuses a call as a whole. */
export const refusedAll = (items: readonly ClaimedItem[], code: string, message: string): ItemResult[] =>
  items.map((item) => ({ id: item.productId, ok: false, code, message }));
