// A worker process, started by `npm run worker` as a user starts one, works one large job alone, printing its memory
// every REPORT_MS. Growth is measured from the first sample after warm-up (once WARM_UP_SHARE of the items are
// final: modules loaded, connections open, code compiled) to the highest sample before the job is done.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { z } from "zod";
import { sleep } from "../../../lib/bulk/backoff";
import { db } from "../../../lib/db";
import { root } from "../../run.mjs";

const REPORT_MS = 250;
const WARM_UP_SHARE = 0.05;
const MB = 1024 * 1024;

const sampleSchema = z.object({ at: z.number(), rss: z.number(), heapUsed: z.number() });
type Sample = z.infer<typeof sampleSchema>;

export type WorkerMemory = {
  items: number;
  seconds: number;
  rss: { warm: number; peak: number };
  heap: { warm: number; peak: number };
  samples: number;
};

const PREFIX = "[bulk] memory ";

async function settledCount(jobId: string): Promise<number> {
  return db().bulkJobItem.count({ where: { jobId, state: { in: ["done", "failed", "skipped"] } } });
}

/** Starts a worker on `env`, waits until `jobId` is done, stops it; its memory from warm-up to the peak, in MB. */
export async function workerMemory(env: NodeJS.ProcessEnv, jobId: string): Promise<WorkerMemory> {
  const items = await db().bulkJobItem.count({ where: { jobId } });
  const samples: Sample[] = [];
  const started = Date.now();
  // In a process group of its own, so that npm and the worker under it stop together. The figures are the ones the
  // worker reports of itself, not npm's.
  const worker = spawn("npm", ["run", "--silent", "worker", "--", "--report", String(REPORT_MS)], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
  });
  createInterface({ input: worker.stdout! }).on("line", (line) => {
    if (line.startsWith(PREFIX)) samples.push(sampleSchema.parse(JSON.parse(line.slice(PREFIX.length))));
  });
  let warmAt: number | null = null;
  let doneAt = Infinity;
  try {
    for (;;) {
      if (worker.exitCode !== null) throw new Error(`The worker stopped (exit ${worker.exitCode}) before the job was done.`);
      const job = await db().bulkJob.findUniqueOrThrow({ where: { id: jobId }, select: { state: true, pauseReason: true } });
      if (job.state === "paused" || job.state === "cancelled") throw new Error(`Job ${jobId} is ${job.state}: ${job.pauseReason ?? ""}`);
      if (job.state === "done") {
        doneAt = Date.now();
        break;
      }
      if (warmAt === null && (await settledCount(jobId)) >= items * WARM_UP_SHARE) warmAt = Date.now();
      await sleep(REPORT_MS);
    }
  } finally {
    if (worker.exitCode === null) {
      process.kill(-worker.pid!, "SIGTERM");
      await once(worker, "exit");
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const measured = samples.filter((sample) => warmAt !== null && sample.at >= warmAt && sample.at <= doneAt);
  if (measured.length < 2) throw new Error(`The worker reported ${measured.length} memory samples after warm-up; too few to tell growth.`);
  const peak = (key: "rss" | "heapUsed") => Math.max(...measured.map((sample) => sample[key])) / MB;
  return {
    items,
    seconds,
    rss: { warm: measured[0]!.rss / MB, peak: peak("rss") },
    heap: { warm: measured[0]!.heapUsed / MB, peak: peak("heapUsed") },
    samples: measured.length,
  };
}
