// Items change hands through leases: a process claims items by writing its name and a time into them, renews the time
// while it works, and gives them up by clearing it. A claim is one statement that picks rows FOR UPDATE SKIP LOCKED
// and updates them if still unclaimed, so two processes never hold one item, on PostgreSQL as on the embedded database.
import { db } from "@/lib/db";
import type { StatusTarget } from "@/lib/marketplaces/types";
import { backoffMs, sleep } from "./backoff";

export type ClaimedItem = {
  id: string;
  jobId: string;
  seq: number;
  productId: string;
  target: StatusTarget;
  /** Times the item was sent, this claim included for a pending item. */
  attempts: number;
  ticket: string | null;
};

const inOrder = (items: ClaimedItem[]) => items.sort((a, b) => a.seq - b.seq);

/** Up to `limit` pending items of a job that may run (queued or running), in their order; none once it is paused or cancelled. */
export async function claimPending(jobId: string, owner: string, limit: number, leaseMs: number): Promise<ClaimedItem[]> {
  const now = new Date();
  const until = new Date(now.getTime() + leaseMs);
  // The picked rows go through a CTE, which runs once: as an IN (subquery) the planner may run it again per row,
  // and each run would skip the rows already taken and pick more, past the limit.
  const rows = await db().$queryRaw<ClaimedItem[]>`
    WITH picked AS MATERIALIZED (
      SELECT candidate."id" FROM "BulkJobItem" AS candidate
      WHERE candidate."jobId" = ${jobId} AND candidate."state" = 'pending'
      AND EXISTS (SELECT 1 FROM "BulkJob" AS job WHERE job."id" = ${jobId} AND job."state" IN ('queued', 'running'))
      ORDER BY candidate."seq"
      LIMIT ${limit}
      FOR UPDATE OF candidate SKIP LOCKED
    )
    UPDATE "BulkJobItem" AS item
    SET "state" = 'in_flight', "leaseOwner" = ${owner}, "leaseUntil" = ${until}, "attempts" = item."attempts" + 1, "updatedAt" = ${now}
    FROM picked
    WHERE item."id" = picked."id" AND item."state" = 'pending'
    RETURNING item."id", item."jobId", item."seq", item."productId", item."target", item."attempts", item."ticket"`;
  return inOrder(rows);
}

/**
 * Up to `limit` items left in flight by a process that stopped renewing them (it died, or gave them up to be checked),
 * of jobs that are not paused; a paused job's items wait for it to resume.
 */
export async function claimLapsed(owner: string, limit: number, leaseMs: number): Promise<ClaimedItem[]> {
  const now = new Date();
  const until = new Date(now.getTime() + leaseMs);
  const rows = await db().$queryRaw<ClaimedItem[]>`
    WITH picked AS MATERIALIZED (
      SELECT candidate."id" FROM "BulkJobItem" AS candidate
      JOIN "BulkJob" AS job ON job."id" = candidate."jobId"
      WHERE candidate."state" = 'in_flight' AND candidate."leaseUntil" < ${now} AND job."state" <> 'paused'
      ORDER BY candidate."leaseUntil"
      LIMIT ${limit}
      FOR UPDATE OF candidate SKIP LOCKED
    )
    UPDATE "BulkJobItem" AS item
    SET "leaseOwner" = ${owner}, "leaseUntil" = ${until}, "updatedAt" = ${now}
    FROM picked
    WHERE item."id" = picked."id" AND item."state" = 'in_flight' AND item."leaseUntil" < ${now}
    RETURNING item."id", item."jobId", item."seq", item."productId", item."target", item."attempts", item."ticket"`;
  return inOrder(rows);
}

/** Extends every lease this process holds: its heartbeat. */
export async function renewLeases(owner: string, leaseMs: number): Promise<void> {
  await db().bulkJobItem.updateMany({ where: { leaseOwner: owner, state: "in_flight" }, data: { leaseUntil: new Date(Date.now() + leaseMs) } });
}

/**
 * Gives items up. "pending": they were not changed (the platform refused the call before doing anything) and are sent
 * again. "check": the platform may or may not have acted; they stay in flight, with their ticket, for recovery.
 */
export async function release(ids: readonly string[], owner: string, as: "pending" | "check"): Promise<void> {
  if (!ids.length) return;
  await db().bulkJobItem.updateMany({
    where: { id: { in: [...ids] }, leaseOwner: owner, state: "in_flight" },
    data: as === "pending" ? { state: "pending", leaseOwner: null, leaseUntil: null, ticket: null } : { leaseOwner: null, leaseUntil: new Date() },
  });
}

/**
 * Gives items up for recovery after work on them broke off unexpectedly, trying until the database takes it: held
 * items are renewed by the heartbeat, so ones left held by mistake would never lapse.
 */
export async function releaseEventually(ids: readonly string[], owner: string, stopping: () => boolean): Promise<void> {
  for (let failures = 1; !stopping(); failures++) {
    try {
      return await release(ids, owner, "check");
    } catch {
      await sleep(backoffMs(failures));
    }
  }
}
