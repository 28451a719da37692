// How jobs and their items read on screen; plain data for server and client alike.
import type { JobView } from "@/lib/bulk";
import type { BulkItemState, BulkJobKind } from "@/lib/generated/prisma/enums";
import { formatCount } from "@/lib/format";
import type { StatusTarget } from "@/lib/marketplaces/types";

export const TARGET_WORDS: Record<StatusTarget, string> = { online: "Set online", offline: "Set offline" };

export const KIND_WORDS: Record<BulkJobKind, string> = { change: "Change", retry: "Retry of failures", undo: "Undo" };

export const ITEM_STATE_WORDS: Record<BulkItemState, string> = { pending: "Waiting", in_flight: "Sent", done: "Changed", failed: "Failed", skipped: "Skipped" };

/** The job's state in plain words: a cancelled job is still "stopping" while items already sent finish. */
export function jobStateWords(job: Pick<JobView, "state" | "finishedAt">): string {
  if (job.state === "cancelled") return job.finishedAt ? "Cancelled" : "Stopping: items already sent are finishing";
  return { queued: "Waiting to start", running: "Running", paused: "Paused", done: "Finished" }[job.state];
}

export const STATE_TONES = { queued: "blue", running: "blue", paused: "amber", cancelled: "gray", done: "green" } as const;

/** "about 3 min" from seconds. */
export function durationWords(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}

export const throughputWords = (perSecond: number) => `${perSecond < 10 ? perSecond.toFixed(1) : formatCount(Math.round(perSecond))} products/s`;
