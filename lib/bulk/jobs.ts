// Starting, cancelling and resuming jobs on behalf of a team member. A job belongs to the team; another team's job
// is "not found". Each change commits together with its audit event.
import { recordAudit, type AuditAction } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import type { BulkJob, BulkJobKind, Prisma } from "@/lib/generated/prisma/client";
import type { StatusTarget } from "@/lib/marketplaces/types";
import { alreadyCode } from "./classify";
import { wakeEngines } from "./engine";
import { finishIfSettled, resumePaused } from "./job-state";
import { prepare, type Plan, type PlannedItem } from "./plan";
import { jobRequestSchema } from "./selection";
import { CANCELLED } from "./settle";
import { openBulkShop, type OpenShop } from "./shop";

export type Actor = { userId: string; teamId: string; headers?: Headers };

/** Rows written per statement when a job's items are stored. */
const INSERT_CHUNK = 1_000;
/** Storing 100,000 items takes a while: the transaction may take this long. */
const CREATE_TIMEOUT_MS = 120_000;

const AUDIT_BY_KIND: Record<BulkJobKind, AuditAction> = { change: "job.started", retry: "job.retried", undo: "job.undone" };

/** The team's job, or "not found". */
export async function findJob(teamId: string, jobId: string): Promise<BulkJob> {
  const job = await db().bulkJob.findFirst({ where: { id: jobId, teamId } });
  if (!job) throw notFound("Bulk job");
  return job;
}

/** The team's job, once it has finished: retry and undo work from its final results. */
export async function findFinishedJob(teamId: string, jobId: string, doing: string): Promise<BulkJob> {
  const job = await findJob(teamId, jobId);
  if (!job.finishedAt) throw new AppError("conflict", `The job is still ${job.state}; let it finish, or cancel it, before ${doing}.`);
  return job;
}

export const jobLabel = (account: { platform: string; shopName: string }, target: string) => `${account.platform}:${account.shopName} → ${target}`;

type ItemRow = Omit<Prisma.BulkJobItemCreateManyInput, "jobId">;

function itemRows(items: readonly PlannedItem[], notFoundIds: readonly string[], target: StatusTarget): ItemRow[] {
  const rows: ItemRow[] = items.map(({ product, verdict }) => {
    const base = { productId: product.id, title: product.title, previousStatus: product.status, previousNative: product.native.code, target };
    if (verdict.kind === "change") return { ...base, seq: 0 };
    if (verdict.kind === "already") return { ...base, seq: 0, state: "skipped", code: alreadyCode(target), message: `It was ${target} already.` };
    return { ...base, seq: 0, state: "skipped", code: verdict.code, message: verdict.reason };
  });
  for (const productId of notFoundIds) {
    rows.push({ productId, title: "", previousStatus: "unknown", previousNative: "", target, seq: 0, state: "skipped", code: "not_found", message: "The platform has no product with this id in the shop." });
  }
  return rows.map((row, index) => ({ ...row, seq: index }));
}


function nothingToChange(plan: Plan): AppError {
  const { already, cannot, notFound: missing } = plan.counts;
  const parts = [already && `${formatCount(already)} already ${plan.target}`, cannot && `${formatCount(cannot)} cannot change`, missing && `${formatCount(missing)} not found`].filter(Boolean);
  return new AppError("validation_failed", `None of the ${formatCount(plan.total)} selected products would change (${parts.join(", ")}).`);
}

/** The dry run: what a job of this request would do, changing nothing. */
export async function planJob(teamId: string, accountId: string, request: unknown, options: { openShop?: OpenShop } = {}): Promise<Plan> {
  const parsed = jobRequestSchema.parse(request);
  return (await prepare(await openBulkShop(teamId, accountId, options.openShop), parsed)).plan;
}

export type CreateOptions = { kind?: BulkJobKind; sourceJobId?: string; openShop?: OpenShop };

/**
 * Plans the request on the team's shop and stores the job with one item per product: those that will change are
 * pending, the others skipped with the reason. The engine picks the job up at once.
 */
export async function createJob(actor: Actor, accountId: string, request: unknown, options: CreateOptions = {}): Promise<{ id: string; plan: Plan }> {
  const parsed = jobRequestSchema.parse(request);
  const shop = await openBulkShop(actor.teamId, accountId, options.openShop);
  const { plan, items, notFound: missing } = await prepare(shop, parsed);
  if (!plan.counts.change) throw nothingToChange(plan);
  const account = await db().marketplaceAccount.findUniqueOrThrow({ where: { id: accountId }, select: { platform: true, shopName: true } });
  const kind = options.kind ?? "change";
  const id = await db().$transaction(
    async (tx) => {
      const job = await tx.bulkJob.create({
        data: {
          teamId: actor.teamId,
          accountId,
          createdById: actor.userId,
          kind,
          sourceJobId: options.sourceJobId ?? null,
          target: parsed.target,
          selection: parsed.selection as Prisma.InputJsonValue,
        },
      });
      const rows = itemRows(items, missing, parsed.target);
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        await tx.bulkJobItem.createMany({ data: rows.slice(start, start + INSERT_CHUNK).map((row) => ({ ...row, jobId: job.id })) });
      }
      await recordAudit(
        {
          action: AUDIT_BY_KIND[kind],
          teamId: actor.teamId,
          actorId: actor.userId,
          target: { type: "bulk_job", id: job.id, label: jobLabel(account, parsed.target) },
          metadata: { target: parsed.target, sourceJobId: options.sourceJobId ?? null, ...plan.counts },
          headers: actor.headers,
        },
        tx,
      );
      return job.id;
    },
    { timeout: CREATE_TIMEOUT_MS, maxWait: CREATE_TIMEOUT_MS },
  );
  wakeEngines();
  return { id, plan };
}

/** Stops a job: no more items are sent, pending ones are skipped; items already out finish. */
export async function cancelJob(actor: Actor, jobId: string): Promise<void> {
  const job = await findJob(actor.teamId, jobId);
  await db().$transaction(async (tx) => {
    const { count: cancelled } = await tx.bulkJob.updateMany({
      where: { id: job.id, state: { in: ["queued", "running", "paused"] } },
      data: { state: "cancelled", pauseReason: null, pauseCode: null, pausedAt: null, resumeAt: null },
    });
    if (!cancelled) throw new AppError("conflict", job.state === "cancelled" ? "The job was already cancelled." : "The job has already finished.");
    await tx.bulkJobItem.updateMany({ where: { jobId: job.id, state: "pending" }, data: { state: CANCELLED.state, code: CANCELLED.code, message: CANCELLED.message, finishedAt: new Date() } });
    const account = await tx.marketplaceAccount.findUniqueOrThrow({ where: { id: job.accountId }, select: { platform: true, shopName: true } });
    await recordAudit(
      { action: "job.cancelled", teamId: actor.teamId, actorId: actor.userId, target: { type: "bulk_job", id: job.id, label: jobLabel(account, job.target) }, headers: actor.headers },
      tx,
    );
  });
  await finishIfSettled(job.id);
}

const NOT_PAUSED: Record<BulkJob["state"], string> = {
  queued: "The job is already running.",
  running: "The job is already running.",
  paused: "",
  cancelled: "The job was cancelled; retry its failures or start a new one.",
  done: "The job has finished; retry its failures or start a new one.",
};

/** Sets a paused job going again now, without waiting for its pause to end by itself. */
export async function resumeJob(actor: Actor, jobId: string): Promise<void> {
  const job = await findJob(actor.teamId, jobId);
  if (!(await resumePaused(job.id))) throw new AppError("conflict", NOT_PAUSED[job.state] || NOT_PAUSED.running);
  wakeEngines();
}
