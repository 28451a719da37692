// A job's state moves only through these conditional updates, so that processes racing on one job agree:
// queued → running → done; running or queued → paused → running; any but done → cancelled.
import { db } from "@/lib/db";

export const ACTIVE_STATES = ["queued", "running"] as const;

export async function markRunning(jobId: string): Promise<void> {
  await db().bulkJob.updateMany({ where: { id: jobId, state: "queued" }, data: { state: "running", startedAt: new Date() } });
}

export type Pause = { reason: string; code: string; /** Null: wait until the shop is linked again. */ resumeAt: Date | null };

/** Pauses a job that may run; false when it had already stopped (paused, cancelled, done). */
export async function pauseJob(jobId: string, pause: Pause): Promise<boolean> {
  const { count } = await db().bulkJob.updateMany({
    where: { id: jobId, state: { in: [...ACTIVE_STATES] } },
    data: { state: "paused", pauseReason: pause.reason, pauseCode: pause.code, pausedAt: new Date(), resumeAt: pause.resumeAt },
  });
  return count === 1;
}

/** Sets a paused job going again; false when it was not paused. */
export async function resumePaused(jobId: string): Promise<boolean> {
  const { count } = await db().bulkJob.updateMany({
    where: { id: jobId, state: "paused" },
    data: { state: "running", pauseReason: null, pauseCode: null, pausedAt: null, resumeAt: null },
  });
  return count === 1;
}

/** Marks a job finished once none of its items is pending or in flight; a cancelled job keeps its state. */
export async function finishIfSettled(jobId: string): Promise<boolean> {
  const count = await db().$executeRaw`
    UPDATE "BulkJob" SET
      "state" = CASE WHEN "state" = 'cancelled' THEN 'cancelled'::"BulkJobState" ELSE 'done'::"BulkJobState" END,
      "finishedAt" = ${new Date()}, "updatedAt" = ${new Date()}
    WHERE "id" = ${jobId} AND "state" IN ('queued', 'running', 'cancelled') AND "finishedAt" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "BulkJobItem" WHERE "jobId" = ${jobId} AND "state" IN ('pending', 'in_flight'))`;
  return count === 1;
}
