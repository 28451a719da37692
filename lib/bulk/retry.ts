// Retrying a finished job's failures: a new job over the products that failed, toward the same target, planned afresh
// (a product that reached the target meanwhile is skipped as such).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createJob, findFinishedJob, type Actor } from "./jobs";
import type { Plan } from "./plan";
import type { OpenShop } from "./shop";

export async function retryJob(actor: Actor, jobId: string, options: { openShop?: OpenShop } = {}): Promise<{ id: string; plan: Plan }> {
  const source = await findFinishedJob(actor.teamId, jobId, "retrying its failures");
  const failed = await db().bulkJobItem.findMany({ where: { jobId: source.id, state: "failed" }, select: { productId: true }, orderBy: { seq: "asc" } });
  if (!failed.length) throw new AppError("validation_failed", "The job has no failed products to retry.");
  const request = { selection: { ids: failed.map((item) => item.productId) }, target: source.target };
  return createJob(actor, source.accountId, request, { kind: "retry", sourceJobId: source.id, openShop: options.openShop });
}
