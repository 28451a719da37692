// A job outliving its shop's access token: the platform ends the token partway through while the portal still
// believes it good, so only the platform's "expired" refusal can reveal it. The engine's calls are refreshed behind
// its back, once, and no item fails or waits for it. On Doudian (one product a call, so calls keep going out after
// the expiry) and Allegro (whose commands' task reports are polled after it).
import { afterAll, describe, expect, it } from "vitest";
import { createJob } from "@/lib/bulk";
import { startEngine } from "@/lib/bulk/engine";
import { db } from "@/lib/db";
import type { PlatformId } from "@/lib/marketplaces/types";
import { bulkFixture, expectTruth, FAST, linkShop, spreadProducts, waitForJob } from "../support/bulk";
import { endSellerTokens, sellerTokens, setKnobs, sleep } from "../support/sandbox";

const PLATFORMS: PlatformId[] = ["douyin", "allegro"];
const SELECTED = 40;

// 100 ms a call and Allegro's tasks taking up to 3 s keep each job running well past the moment the token ends.
const fx = bulkFixture(PLATFORMS, { latencyMs: 100, commandDelayMs: 3_000 });

afterAll(() => setKnobs(fx.sandbox.url, { latencyMs: 0 }));

/** Until the job has sent its first status change (Doudian: done items; Allegro: a command under way). */
async function firstChangeSent(jobId: string) {
  for (;;) {
    const sent = await db().bulkJobItem.count({ where: { jobId, state: { not: "pending" } } });
    if (sent > 0) return;
    await sleep(20);
  }
}

describe.each(PLATFORMS)("a token that expires mid-job on %s", (id) => {
  it("is refreshed once, and no item fails or waits for it", async () => {
    const { accountId, sellerId } = await linkShop(fx.owner, fx.team, id, PLATFORMS.indexOf(id));
    const ids = await spreadProducts(fx.team.id, accountId, SELECTED);
    const { id: jobId, plan } = await createJob(fx.actor(), accountId, { selection: { ids }, target: "offline" });
    const before = await db().marketplaceAccount.findUniqueOrThrow({ where: { id: accountId } });
    const grantsBefore = (await sellerTokens(fx.sandbox.url, id, sellerId)).accessTokens;

    const engine = startEngine(FAST);
    try {
      await firstChangeSent(jobId);
      expect(await endSellerTokens(fx.sandbox.url, id, sellerId, "expire")).toBeGreaterThan(0);
      const job = await waitForJob(jobId, ["done"]);
      expect(job.pauseReason).toBeNull();
    } finally {
      await engine.stop();
    }

    const items = await expectTruth(fx.team.id, accountId, jobId);
    const done = items.filter((item) => item.state === "done");
    const failed = items.filter((item) => item.state === "failed");
    expect(done.length + failed.length).toBe(plan.counts.change);
    expect(done.length).toBeGreaterThan(0);
    // Whatever failed, the platform refused for the product itself, never for the token.
    for (const item of failed) expect(`${item.code} ${item.message}`).not.toMatch(/token|authori[sz]|expired/i);

    const after = await db().marketplaceAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(after).toMatchObject({ status: "active", tokenVersion: before.tokenVersion + 1 });
    // One refresh grant (each issues an access token), however many calls met the expired token at once.
    expect((await sellerTokens(fx.sandbox.url, id, sellerId)).accessTokens).toBe(grantsBefore + 1);
  });
});
