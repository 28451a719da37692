// Several engines on one database. Two engines in this process share jobs without sending any product twice. On
// PostgreSQL, a worker process (`npm run worker`'s script) is killed with SIGKILL in the middle of jobs, twice, and a
// fresh one finishes them: every item ends final and matching the platform, on a synchronous platform (items in
// flight when killed) and on Allegro (a command's ticket outstanding when killed).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterEach, expect, inject, it } from "vitest";
import { createJob } from "@/lib/bulk";
import { startEngine } from "@/lib/bulk/engine";
import { db } from "@/lib/db";
import type { PlatformId } from "@/lib/marketplaces/types";
import { bulkFixture, expectTruth, FAST, itemsOf, linkShop, recordingShops, spreadProducts, waitForJob } from "../support/bulk";
import { setKnobs, sleep } from "../support/sandbox";

const PLATFORMS: PlatformId[] = ["douyin", "aliexpress", "1688", "allegro"];
const WORKER = path.resolve(__dirname, "../../scripts/worker.ts");

const fx = bulkFixture(PLATFORMS);
const workers = new Set<ChildProcess>();

afterEach(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  await Promise.all([...workers].map((worker) => (worker.exitCode === null && worker.signalCode === null ? once(worker, "exit") : undefined)));
  workers.clear();
});

it("two engines on one database share the jobs and never send a product twice", async () => {
  const douyin = await linkShop(fx.owner, fx.team, "douyin");
  const aliexpress = await linkShop(fx.owner, fx.team, "aliexpress");
  const jobs = [
    (await createJob(fx.actor(), douyin.accountId, { selection: { ids: await spreadProducts(fx.team.id, douyin.accountId, 40) }, target: "offline" })).id,
    (await createJob(fx.actor(), aliexpress.accountId, { selection: { allMatching: { status: "online" } }, target: "offline" })).id,
  ];
  const recorders = [recordingShops(), recordingShops()];
  const engines = recorders.map((recorder) => startEngine({ ...FAST, openShop: recorder.open }));
  try {
    for (const jobId of jobs) await waitForJob(jobId, ["done"]);
  } finally {
    await Promise.all(engines.map((engine) => engine.stop()));
  }
  const sent = recorders.flatMap((recorder) => recorder.batches.flatMap((batch) => batch.ids));
  for (const [jobId, account] of [
    [jobs[0]!, douyin.accountId],
    [jobs[1]!, aliexpress.accountId],
  ] as const) {
    const items = await expectTruth(fx.team.id, account, jobId);
    const expected = items.filter((item) => item.state !== "skipped").map((item) => item.productId);
    expect(expected.length).toBeGreaterThan(20);
    for (const id of expected) expect(sent.filter((each) => each === id), `sends of ${id}`).toHaveLength(1);
  }
  // Forty single-product calls at ten a second: both engines had their share.
  for (const recorder of recorders) expect(recorder.batches.some((batch) => batch.accountId === douyin.accountId)).toBe(true);
});

function startWorker(): ChildProcess {
  // Node itself with tsx as its loader: the tsx command runs the script in a child process, which a SIGKILL of the
  // command would leave running.
  const worker = spawn(process.execPath, ["--import", "tsx", WORKER], {
    env: { ...process.env, BULK_LEASE_MS: "2000", BULK_TICK_MS: "100", BULK_POLL_MS: "100" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  worker.stdout!.resume();
  worker.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[worker ${worker.pid}] ${chunk}`));
  workers.add(worker);
  return worker;
}

async function kill(worker: ChildProcess): Promise<void> {
  worker.kill("SIGKILL");
  if (worker.exitCode === null && worker.signalCode === null) await once(worker, "exit");
  workers.delete(worker);
}

/** Waits until `ready` holds, checking every 50 ms. */
async function until(ready: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(50);
  }
}

it.skipIf(inject("testDatabase").kind !== "postgres")(
  "a worker killed mid-job twice loses nothing: the next one finishes every item, matching the platform",
  async () => {
    const cn = await linkShop(fx.owner, fx.team, "1688");
    const allegro = await linkShop(fx.owner, fx.team, "allegro");
    const syncJob = (await createJob(fx.actor(), cn.accountId, { selection: { ids: await spreadProducts(fx.team.id, cn.accountId, 120) }, target: "offline" })).id;
    const asyncJob = (await createJob(fx.actor(), allegro.accountId, { selection: { allMatching: { status: "online" } }, target: "offline" })).id;
    // Slow calls and commands, so that a kill finds items in flight and a command's ticket outstanding.
    await setKnobs(fx.sandbox.url, { latencyMs: 150, commandDelayMs: 3_000 });

    const inFlight = (jobId: string, withTicket: boolean) =>
      db().bulkJobItem.findMany({ where: { jobId, state: "in_flight", ...(withTicket ? { ticket: { not: null } } : {}) }, select: { id: true } });
    for (let kills = 0; kills < 2; kills++) {
      const worker = startWorker();
      await until(async () => (await inFlight(syncJob, false)).length > 0 && (await inFlight(asyncJob, true)).length > 0);
      await kill(worker);
    }
    const stranded = (await inFlight(syncJob, false)).map((item) => item.id);
    const ticketed = (await inFlight(asyncJob, true)).map((item) => item.id);
    expect(stranded.length, "the kill left items in flight").toBeGreaterThan(0);
    expect(ticketed.length, "the kill left a command's ticket outstanding").toBeGreaterThan(0);

    startWorker();
    await waitForJob(syncJob, ["done"], 90_000);
    await waitForJob(asyncJob, ["done"], 90_000);
    await setKnobs(fx.sandbox.url, { latencyMs: 0 });
    for (const [jobId, account] of [
      [syncJob, cn.accountId],
      [asyncJob, allegro.accountId],
    ] as const) {
      const items = await expectTruth(fx.team.id, account, jobId);
      expect(items.filter((item) => item.state === "done").length).toBeGreaterThan(20);
    }
    // Items caught in flight were sent again; items under a ticket were settled from its report, never sent again.
    const attempts = async (jobId: string, ids: string[]) => (await itemsOf(jobId)).filter((item) => ids.includes(item.id)).map((item) => item.attempts);
    for (const count of await attempts(syncJob, stranded)) expect(count).toBeGreaterThanOrEqual(2);
    for (const count of await attempts(asyncJob, ticketed)) expect(count).toBe(1);
  },
  150_000,
);
