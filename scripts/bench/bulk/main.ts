// The bulk part of `npm run bench`, in a process of its own (bench/bulk.ts starts it with the file to write the
// figures to): jobs taking products offline on the sandbox at 50 ms a call and its own rate limits, worked by the
// engine as the portal runs it, timed against what the declared limits allow, against one call per product, and
// five at once against each alone; then a worker process's memory over a 100,000-item job.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Actor } from "../../../lib/bulk";
import { closeDb } from "../../../lib/db";
import { platform } from "../../../lib/marketplaces/registry";
import { PLATFORM_IDS, type PlatformId } from "../../../lib/marketplaces/types";
import { freePort } from "../stack";
import { boundMs, bulkFigures, type PlatformRun } from "./figures";
import { startMarketplace, type Marketplace } from "./marketplace";
import { workerMemory, type WorkerMemory } from "./memory";
import { prepareSetting, type Setting } from "./setting";
import { benchActor, linkSeller, offlineJob, onlineIds, shopOf } from "./shops";
import { oneByOne, runJobs, type JobTime } from "./timing";

/** Items of a job on one account, unless its bound would pass LONGEST_BOUND_MS (Doudian: one product a call). */
const ITEMS = 10_000;
const LONGEST_BOUND_MS = 100_000;
/** Products per demo shop for the timed jobs: enough online ones (about 60%) for ITEMS. */
const PRODUCTS_PER_SHOP = 17_500;
/** Products changed one call at a time, spread over the job's; the time a product is scaled to the whole job. */
const ONE_BY_ONE_SAMPLE = 150;
const WORKER_ITEMS = 100_000;
/** Allegro's 1,000 offers a command make the 100,000 items the quickest to work; about 68% of its offers are active. */
const WORKER_PLATFORM: PlatformId = "allegro";
const WORKER_PRODUCTS_PER_SHOP = 150_000;

const log = (line: string) => console.log(`  [bulk] ${line}`);

const itemsFor = (id: PlatformId) => Math.min(ITEMS, Math.floor((LONGEST_BOUND_MS / boundMs(id, ITEMS)) * ITEMS));

/** `count` of `ids`, spread evenly over them. */
const spread = (ids: readonly string[], count: number) => Array.from({ length: Math.min(count, ids.length) }, (_, index) => ids[Math.floor((index * ids.length) / count)]!);

/** Links the seller's shop and stores a job taking `count` of its online products offline, with setup's settings. */
async function jobOn(sandbox: Marketplace, actor: Actor, id: PlatformId, sellerIndex: number, count: number): Promise<{ accountId: string; jobId: string; ids: string[] }> {
  await sandbox.forSetup();
  const accountId = await linkSeller(actor, id, sellerIndex);
  const ids = await onlineIds(await shopOf(actor, accountId), count);
  return { accountId, jobId: await offlineJob(actor, accountId, ids), ids };
}

/** Each platform's job alone, then the one-by-one calls on its products; then a job on each platform at once. */
async function timedRuns(setting: Setting, actor: Actor): Promise<PlatformRun[]> {
  const sandbox = await startMarketplace(setting.env, { productsPerShop: PRODUCTS_PER_SHOP, dir: path.join(setting.dataDir, "sandbox-timing") });
  try {
    sandbox.limitLines.forEach(log);
    const alone = new Map<PlatformId, { time: JobTime; msPerProduct: number; sampled: number }>();
    for (const id of PLATFORM_IDS) {
      const { accountId, jobId, ids } = await jobOn(sandbox, actor, id, 0, itemsFor(id));
      await sandbox.forMeasuring();
      const [time] = await runJobs([jobId]);
      log(`${id}: ${ids.length} items alone in ${(time!.ms / 1000).toFixed(1)} s`);
      const sample = spread(ids, ONE_BY_ONE_SAMPLE);
      const msPerProduct = await oneByOne(await shopOf(actor, accountId), sample, "offline");
      log(`${id}: ${msPerProduct.toFixed(1)} ms a product, one call each`);
      alone.set(id, { time: time!, msPerProduct, sampled: sample.length });
    }
    const jobs: string[] = [];
    for (const id of PLATFORM_IDS) jobs.push((await jobOn(sandbox, actor, id, 1, itemsFor(id))).jobId);
    await sandbox.forMeasuring();
    const together = await runJobs(jobs);
    log(`all five at once in ${(Math.max(...together.map((time) => time.ms)) / 1000).toFixed(1)} s`);
    return PLATFORM_IDS.map((id, index) => {
      const run = alone.get(id)!;
      return { id, items: itemsFor(id), alone: run.time, together: together[index]!, oneByOne: { msPerProduct: run.msPerProduct, sampled: run.sampled } };
    });
  } finally {
    await sandbox.stop();
  }
}

async function workerRun(setting: Setting, actor: Actor): Promise<WorkerMemory | { missing: string }> {
  if (setting.database.kind !== "postgres") {
    return { missing: `A worker process needs a PostgreSQL database it can share, and none could be had (${setting.database.why}).` };
  }
  const sandbox = await startMarketplace(setting.env, { productsPerShop: WORKER_PRODUCTS_PER_SHOP, dir: path.join(setting.dataDir, "sandbox-worker") });
  try {
    const { jobId } = await jobOn(sandbox, actor, WORKER_PLATFORM, 0, WORKER_ITEMS);
    log(`${WORKER_ITEMS} items on ${platform(WORKER_PLATFORM).metadata.name} planned; a worker process works them`);
    await sandbox.forMeasuring();
    return await workerMemory(setting.env, jobId);
  } finally {
    await sandbox.stop();
  }
}

async function main() {
  const out = process.argv[2];
  if (!out) throw new Error("Usage: bulk/main.ts FIGURES_FILE");
  const setting = await prepareSetting(await freePort());
  log(setting.database.kind === "postgres" ? `PostgreSQL database ${setting.database.name}` : `the embedded database: ${setting.database.why}`);
  try {
    const actor = await benchActor();
    const runs = await timedRuns(setting, actor);
    const worker = await workerRun(setting, actor);
    writeFileSync(out, JSON.stringify(bulkFigures(runs, ITEMS, worker)));
  } finally {
    await closeDb();
    await setting.cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
