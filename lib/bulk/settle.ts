// Writing what became of items. Every write is fenced by the lease: it applies only to items still in flight under
// this process's name, so a process that lost its claim (it stalled past the lease) cannot overwrite another's work.
import { db } from "@/lib/db";

export type Outcome = { state: "done" } | { state: "failed" | "skipped"; code: string; message: string };

export type Settled = { id: string; outcome: Outcome };

const groupKey = (outcome: Outcome) => (outcome.state === "done" ? "done" : JSON.stringify([outcome.state, outcome.code, outcome.message]));

/** Final states for items this process holds; one UPDATE per distinct outcome. Returns how many were written. */
export async function settle(owner: string, settled: readonly Settled[]): Promise<number> {
  const groups = new Map<string, { outcome: Outcome; ids: string[] }>();
  for (const { id, outcome } of settled) {
    const key = groupKey(outcome);
    const group = groups.get(key) ?? { outcome, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }
  const finishedAt = new Date();
  let written = 0;
  for (const { outcome, ids } of groups.values()) {
    const { count } = await db().bulkJobItem.updateMany({
      where: { id: { in: ids }, leaseOwner: owner, state: "in_flight" },
      data: {
        state: outcome.state,
        code: outcome.state === "done" ? null : outcome.code,
        message: outcome.state === "done" ? null : outcome.message,
        leaseOwner: null,
        leaseUntil: null,
        ticket: null,
        finishedAt,
      },
    });
    written += count;
  }
  return written;
}

/** Puts the platform's ticket on items it accepted, so that whoever holds them next can ask about them. */
export async function setTicket(owner: string, ids: readonly string[], ticket: string): Promise<void> {
  await db().bulkJobItem.updateMany({ where: { id: { in: [...ids] }, leaseOwner: owner, state: "in_flight" }, data: { ticket } });
}

/** Items whose pending state ends with a job's cancellation. */
export const CANCELLED = { state: "skipped", code: "cancelled", message: "The job was cancelled before this product was sent." } as const satisfies Outcome;
