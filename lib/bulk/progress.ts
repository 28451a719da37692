// Jobs as the UI shows them: state, counts by item state, and for a running job its recent throughput and the time
// left at that pace.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { BulkItemState, BulkJobKind, BulkJobState } from "@/lib/generated/prisma/enums";
import type { PlatformId, StatusTarget } from "@/lib/marketplaces/types";
import type { Selection } from "./selection";

/** Throughput is measured over this much of the recent past. */
const THROUGHPUT_WINDOW_MS = 60_000;

export type JobCounts = { total: number; pending: number; inFlight: number; done: number; failed: number; skipped: number };

export type JobView = {
  id: string;
  kind: BulkJobKind;
  sourceJobId: string | null;
  target: StatusTarget;
  state: BulkJobState;
  /** Why the job is paused, in plain words, with the platform's code; and when it resumes by itself, if it does. */
  pause: { reason: string; code: string | null; resumeAt: string | null } | null;
  account: { id: string; platform: PlatformId; shopName: string };
  createdBy: string | null;
  selection: Selection;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: JobCounts;
  /** Share of items that are final, 0 to 1. */
  progress: number;
  /** Items settled per second lately; null before the job has started. */
  throughput: number | null;
  /** Seconds left at that pace; null when it cannot be told (not running, nothing settled yet). */
  etaSeconds: number | null;
};

const include = { account: { select: { id: true, platform: true, shopName: true } }, createdBy: { select: { name: true } } } as const;

type JobRow = NonNullable<Awaited<ReturnType<typeof findRow>>>;

const findRow = (teamId: string, id: string) => db().bulkJob.findFirst({ where: { id, teamId }, include });

const EMPTY_COUNTS: Record<BulkItemState, number> = { pending: 0, in_flight: 0, done: 0, failed: 0, skipped: 0 };

async function countsOf(jobIds: string[]): Promise<Map<string, JobCounts>> {
  const groups = await db().bulkJobItem.groupBy({ by: ["jobId", "state"], where: { jobId: { in: jobIds } }, _count: { _all: true } });
  const byJob = new Map(jobIds.map((id) => [id, { ...EMPTY_COUNTS }]));
  for (const group of groups) byJob.get(group.jobId)![group.state] = group._count._all;
  return new Map(
    [...byJob].map(([id, states]) => [
      id,
      {
        total: Object.values(states).reduce((sum, value) => sum + value, 0),
        pending: states.pending,
        inFlight: states.in_flight,
        done: states.done,
        failed: states.failed,
        skipped: states.skipped,
      },
    ]),
  );
}

/** Items settled per second over the recent window (or since the start, if that is shorter). */
async function throughputOf(job: JobRow, now: number): Promise<number | null> {
  if (!job.startedAt) return null;
  const since = Math.max(job.startedAt.getTime(), (job.finishedAt?.getTime() ?? now) - THROUGHPUT_WINDOW_MS);
  const until = job.finishedAt?.getTime() ?? now;
  const settled = await db().bulkJobItem.count({ where: { jobId: job.id, state: { in: ["done", "failed"] }, finishedAt: { gte: new Date(since) } } });
  return settled / Math.max(1, (until - since) / 1000);
}

async function toView(job: JobRow, counts: JobCounts, now: number): Promise<JobView> {
  const throughput = await throughputOf(job, now);
  const left = counts.pending + counts.inFlight;
  const running = job.state === "running" || job.state === "queued";
  return {
    id: job.id,
    kind: job.kind,
    sourceJobId: job.sourceJobId,
    target: job.target as StatusTarget,
    state: job.state,
    pause: job.state === "paused" ? { reason: job.pauseReason ?? "", code: job.pauseCode, resumeAt: job.resumeAt?.toISOString() ?? null } : null,
    account: { id: job.account.id, platform: job.account.platform as PlatformId, shopName: job.account.shopName },
    createdBy: job.createdBy?.name ?? null,
    selection: job.selection as Selection,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    counts,
    progress: counts.total ? (counts.done + counts.failed + counts.skipped) / counts.total : 1,
    throughput,
    etaSeconds: running && throughput ? Math.ceil(left / throughput) : null,
  };
}

/** One of the team's jobs with its progress; another team's job is "not found". */
export async function getJob(teamId: string, jobId: string): Promise<JobView> {
  const row = await findRow(teamId, jobId);
  if (!row) throw notFound("Bulk job");
  return toView(row, (await countsOf([jobId])).get(jobId)!, Date.now());
}

export type JobListQuery = { page: number; pageSize: number; accountId?: string };

/** The team's jobs, newest first. */
export async function listJobs(teamId: string, query: JobListQuery): Promise<{ rows: JobView[]; total: number }> {
  const where = { teamId, ...(query.accountId ? { accountId: query.accountId } : {}) };
  const [jobs, total] = await Promise.all([
    db().bulkJob.findMany({ where, include, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db().bulkJob.count({ where }),
  ]);
  const counts = await countsOf(jobs.map((job) => job.id));
  const now = Date.now();
  return { rows: await Promise.all(jobs.map((job) => toView(job, counts.get(job.id)!, now))), total };
}
