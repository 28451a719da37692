// The engine of one process: it looks for work every tick (jobs with pending items, items whose claim lapsed, paused
// jobs due to resume), runs jobs through their lanes, and renews its claims while it lives. Any number of processes
// may run one on a shared PostgreSQL database; the embedded database serves one process, the portal's.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { z } from "zod";
import { db } from "@/lib/db";
import type { StatusTarget } from "@/lib/marketplaces/types";
import { renewLeases } from "./claim";
import { DEFAULT_SETTINGS, Gate, type EngineSettings, type JobContext } from "./context";
import { Outage } from "./failures";
import { ACTIVE_STATES, finishIfSettled, pauseJob, resumePaused } from "./job-state";
import { recoverLapsed } from "./recover";
import { laneCount, runJob } from "./run";
import { openBulkShop, type OpenShop } from "./shop";

export type EngineOptions = Partial<EngineSettings> & {
  /** This process's name on the items it claims; unique per engine. */
  owner?: string;
  openShop?: OpenShop;
};

export type Engine = {
  owner: string;
  /** Look for work now rather than at the next tick. */
  wake(): void;
  /** Stops claiming, lets calls under way finish, and gives up whatever is still held. */
  stop(): Promise<void>;
};

const running = new Set<Engine>();

/** Wakes this process's engines: a job was just created or resumed here. */
export function wakeEngines(): void {
  for (const engine of running) engine.wake();
}

const milliseconds = z.coerce.number().int().positive().optional();
const envSettings = z.object({
  BULK_LEASE_MS: milliseconds,
  BULK_TICK_MS: milliseconds,
  BULK_OUTAGE_MS: milliseconds,
  BULK_RESUME_AFTER_MS: milliseconds,
  BULK_POLL_MS: milliseconds,
});

/** Timings from the environment (`BULK_LEASE_MS` and the like), for workers and tests; unset ones keep their defaults. */
export function settingsFromEnv(source: NodeJS.ProcessEnv = process.env): Partial<EngineSettings> {
  const parsed = envSettings.parse(source);
  const chosen = { leaseMs: parsed.BULK_LEASE_MS, tickMs: parsed.BULK_TICK_MS, outageMs: parsed.BULK_OUTAGE_MS, resumeAfterMs: parsed.BULK_RESUME_AFTER_MS, pollMs: parsed.BULK_POLL_MS };
  return Object.fromEntries(Object.entries(chosen).filter(([, value]) => value !== undefined));
}

const defined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, each]) => each !== undefined)) as Partial<T>;

export function startEngine(options: EngineOptions = {}): Engine {
  const { owner = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`, openShop, ...overrides } = options;
  const settings: EngineSettings = { ...DEFAULT_SETTINGS, ...defined(overrides) };
  let stopping = false;
  const contexts = new Map<string, Promise<JobContext | null>>();
  const runners = new Map<string, Promise<void>>();

  async function openContext(jobId: string): Promise<JobContext | null> {
    const job = await db().bulkJob.findUnique({ where: { id: jobId }, select: { id: true, teamId: true, accountId: true, target: true } });
    if (!job) return null;
    try {
      const shop = await openBulkShop(job.teamId, job.accountId, openShop);
      const tickets = new Gate(2 * laneCount(shop.metadata.capabilities.rateLimit.perAccount));
      return { job: { ...job, target: job.target as StatusTarget }, shop, owner, settings, outage: new Outage(), tickets, stopping: () => stopping };
    } catch (error) {
      const reason = `The shop cannot be opened: ${error instanceof Error ? error.message : String(error)} The job tries again by itself.`;
      await pauseJob(jobId, { reason, code: "shop_unavailable", resumeAt: new Date(Date.now() + settings.resumeAfterMs) });
      return null;
    }
  }

  function contextFor(jobId: string): Promise<JobContext | null> {
    let found = contexts.get(jobId);
    if (!found) {
      found = openContext(jobId);
      contexts.set(jobId, found);
      void found.then((ctx) => ctx || contexts.delete(jobId)).catch(() => contexts.delete(jobId));
    }
    return found;
  }

  function startRunner(jobId: string): void {
    const run = contextFor(jobId)
      .then(async (ctx) => {
        if (ctx) await runJob(ctx);
      })
      .catch((error) => console.error(`[bulk] job ${jobId} stopped unexpectedly`, error))
      .finally(() => runners.delete(jobId));
    runners.set(jobId, run);
  }

  /** Paused jobs whose pause has run out, or whose shop was linked again since it paused for authorization. */
  async function resumeDue(now: Date): Promise<void> {
    const paused = await db().bulkJob.findMany({
      where: { state: "paused" },
      select: { id: true, resumeAt: true, pausedAt: true, account: { select: { status: true, linkedAt: true } } },
    });
    for (const job of paused) {
      const relinked = job.account.status === "active" && job.pausedAt !== null && job.account.linkedAt > job.pausedAt;
      if (!(job.resumeAt ? job.resumeAt <= now : relinked)) continue;
      contexts.delete(job.id);
      await resumePaused(job.id);
    }
  }

  async function tick(): Promise<void> {
    await recoverLapsed(owner, settings.leaseMs, contextFor);
    await resumeDue(new Date());
    const jobs = await db().bulkJob.findMany({
      where: { OR: [{ state: { in: [...ACTIVE_STATES] } }, { state: "cancelled", finishedAt: null }] },
      select: { id: true, state: true },
      orderBy: { createdAt: "asc" },
    });
    for (const job of jobs) {
      if (runners.has(job.id)) continue;
      const pending = job.state !== "cancelled" && (await db().bulkJobItem.findFirst({ where: { jobId: job.id, state: "pending" }, select: { id: true } }));
      if (pending && runners.size < settings.maxJobs) startRunner(job.id);
      else await finishIfSettled(job.id);
    }
    // Contexts of jobs no longer under way here are dropped (a resumed job opens its shop afresh).
    const live = new Set(jobs.map((job) => job.id));
    for (const [jobId, ctx] of contexts) {
      if (!live.has(jobId) && !runners.has(jobId) && !(await ctx)?.tickets.busy()) contexts.delete(jobId);
    }
  }

  let wakeUp: () => void = () => undefined;
  const heartbeat = setInterval(() => void renewLeases(owner, settings.leaseMs).catch((error) => console.error("[bulk] renewing claims failed", error)), settings.leaseMs / 3);
  const loop = (async () => {
    while (!stopping) {
      await tick().catch((error) => console.error("[bulk] engine tick failed", error));
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, settings.tickMs);
        wakeUp = () => (clearTimeout(timer), resolve());
      });
    }
  })();

  const engine: Engine = {
    owner,
    wake: () => wakeUp(),
    async stop() {
      if (stopping) return;
      stopping = true;
      running.delete(engine);
      wakeUp();
      await loop;
      await Promise.all(runners.values());
      for (const ctx of contexts.values()) await (await ctx.catch(() => null))?.tickets.idle();
      clearInterval(heartbeat);
      // Whatever is still held goes to whoever looks next, at once rather than when the claims would lapse.
      await db().bulkJobItem.updateMany({ where: { leaseOwner: owner, state: "in_flight" }, data: { leaseOwner: null, leaseUntil: new Date() } });
    },
  };
  running.add(engine);
  return engine;
}
