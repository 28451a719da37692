// Undoing a finished job: a new job bringing every product it changed back to the status it had before. Only the two
// display statuses can be asked for, so a product that was, say, a draft before cannot go back and is left out.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { StatusTarget } from "@/lib/marketplaces/types";
import { createJob, findFinishedJob, type Actor } from "./jobs";
import type { Plan } from "./plan";
import { opposite } from "./selection";
import type { OpenShop } from "./shop";

export async function undoJob(actor: Actor, jobId: string, options: { openShop?: OpenShop } = {}): Promise<{ id: string; plan: Plan; leftOut: number }> {
  const source = await findFinishedJob(actor.teamId, jobId, "undoing it");
  const back = opposite(source.target as StatusTarget);
  const changed = await db().bulkJobItem.findMany({ where: { jobId: source.id, state: "done" }, select: { productId: true, previousStatus: true }, orderBy: { seq: "asc" } });
  if (!changed.length) throw new AppError("validation_failed", "The job changed no product, so there is nothing to undo.");
  const restorable = changed.filter((item) => item.previousStatus === back);
  if (!restorable.length) throw new AppError("validation_failed", `None of the ${changed.length} products the job changed was ${back} before, so none can be brought back.`);
  const request = { selection: { ids: restorable.map((item) => item.productId) }, target: back };
  const created = await createJob(actor, source.accountId, request, { kind: "undo", sourceJobId: source.id, openShop: options.openShop });
  return { ...created, leftOut: changed.length - restorable.length };
}
