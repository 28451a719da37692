// Bulk jobs against a sandbox in trouble: 5xx (before and after the work is done), throttling and dropped connections
// are retried, not blamed on items, and the recorded results still match the platform; a lasting outage pauses the
// job until it passes; a link revoked mid-job pauses it with the reason, and relinking the shop resumes it.
import { afterAll, describe, expect, it } from "vitest";
import { createJob, getJob, retryJob } from "@/lib/bulk";
import { startEngine, type Engine } from "@/lib/bulk/engine";
import { db } from "@/lib/db";
import type { PlatformId } from "@/lib/marketplaces/types";
import { bulkFixture, expectTruth, FAST, itemsOf, linkShop, recordingShops, spreadProducts, waitForJob } from "../support/bulk";
import { endSellerTokens, setKnobs } from "../support/sandbox";

const PLATFORMS: PlatformId[] = ["alibaba", "douyin", "allegro"];
const SELECTED = 40;
const NO_FAULTS = { serverError: 0, serverErrorAfterWrite: 0, timeout: 0, throttle: 0 };

const fx = bulkFixture(PLATFORMS, { timeoutHangMs: 300 });
const recorder = recordingShops();
let engine: Engine | undefined;

afterAll(() => engine?.stop());

/** Links the shop and creates a job over products spread across it; no engine runs yet. */
async function prepared(id: PlatformId, sellerIndex = 0, target = "online") {
  const { accountId, sellerId } = await linkShop(fx.owner, fx.team, id, sellerIndex);
  const ids = await spreadProducts(fx.team.id, accountId, SELECTED);
  const { id: jobId, plan } = await createJob(fx.actor(), accountId, { selection: { ids }, target });
  return { accountId, sellerId, jobId, plan };
}

async function withEngine<T>(work: () => Promise<T>): Promise<T> {
  engine = startEngine({ ...FAST, openShop: recorder.open });
  try {
    return await work();
  } finally {
    await engine.stop();
    engine = undefined;
  }
}

describe.each(PLATFORMS)("faults on %s", (id) => {
  it("retries 5xx, throttling and dropped connections, and records only the platform's refusals", async () => {
    const { accountId, jobId, plan } = await prepared(id);
    await setKnobs(fx.sandbox.url, { faults: { serverError: 0.2, serverErrorAfterWrite: 0.1, timeout: 0.05, throttle: 0.1 } });
    await withEngine(() => waitForJob(jobId, ["done"]));
    await setKnobs(fx.sandbox.url, { faults: NO_FAULTS });

    const items = await expectTruth(fx.team.id, accountId, jobId);
    const failed = items.filter((item) => item.state === "failed");
    expect(items.filter((item) => item.state === "done").length + failed.length).toBe(plan.counts.change);
    if (id === "douyin") {
      // One call per product, and a fault in almost every other call: some products were sent more than once.
      expect(recorder.batches.filter((batch) => batch.accountId === accountId).length).toBeGreaterThan(plan.counts.change);
    }
    // Every failure is the product's own: sent again without faults, each is refused with the same code.
    expect(failed.length).toBeGreaterThan(0);
    const { id: retryId } = await retryJob(fx.actor(), jobId);
    await withEngine(() => waitForJob(retryId, ["done"]));
    const retried = await itemsOf(retryId);
    expect(retried.map((item) => [item.productId, item.state, item.code])).toEqual(failed.map((item) => [item.productId, "failed", item.code]));
  });
});

it("pauses a job through a lasting outage, without failing items, and resumes when it passes", async () => {
  const { accountId, jobId } = await prepared("alibaba", 1);
  await setKnobs(fx.sandbox.url, { faults: { ...NO_FAULTS, serverError: 1 } });
  await withEngine(async () => {
    const paused = await waitForJob(jobId, ["paused"]);
    expect(paused.pauseReason).toMatch(/has not been answering properly .* tries again by itself/);
    expect(paused.pauseCode).toMatch(/\S/);
    expect(paused.resumeAt).not.toBeNull();
    expect(await db().bulkJobItem.count({ where: { jobId, state: "failed" } })).toBe(0);
    const view = await getJob(fx.team.id, jobId);
    expect(view.pause?.reason).toBe(paused.pauseReason);
    await setKnobs(fx.sandbox.url, { faults: NO_FAULTS });
    await waitForJob(jobId, ["done"]);
  });
  await expectTruth(fx.team.id, accountId, jobId);
});

it("pauses a job whose link is revoked mid-job, with the reason, and resumes it once the shop is linked again", async () => {
  const { accountId, sellerId, jobId } = await prepared("douyin", 1, "offline");
  await setKnobs(fx.sandbox.url, { latencyMs: 100 });
  await withEngine(async () => {
    for (;;) {
      if ((await db().bulkJobItem.count({ where: { jobId, state: "done" } })) >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await endSellerTokens(fx.sandbox.url, "douyin", sellerId, "all");
    const paused = await waitForJob(jobId, ["paused"]);
    expect(paused.pauseReason).toMatch(/no longer accepts this shop's authorization .* Reconnect the shop/);
    expect(paused.resumeAt).toBeNull();
    expect(await db().bulkJobItem.count({ where: { jobId, state: "failed", code: { not: null }, message: { contains: "authoriz" } } })).toBe(0);
    expect(await db().bulkJobItem.count({ where: { jobId, state: "pending" } })).toBeGreaterThan(0);
    expect((await db().marketplaceAccount.findUniqueOrThrow({ where: { id: accountId } })).status).toBe("needs_relink");

    await linkShop(fx.owner, fx.team, "douyin", 1);
    await waitForJob(jobId, ["done"]);
  });
  await setKnobs(fx.sandbox.url, { latencyMs: 0 });
  await expectTruth(fx.team.id, accountId, jobId);
});
