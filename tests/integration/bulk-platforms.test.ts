// A bulk job on each platform, through the sandbox over HTTP and this file's database: chosen rows planned and the
// job worked by an engine in this process, every item final, and the sandbox's products (read back) matching
// the recorded results; batches within the platform's size, refusals with the platform's own code; then retry of
// the failures and undo of the changes, each a job of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJob, getJob, retryJob, undoJob } from "@/lib/bulk";
import { startEngine, type Engine } from "@/lib/bulk/engine";
import { db } from "@/lib/db";
import { platform } from "@/lib/marketplaces/registry";
import { PLATFORM_IDS, type PlatformId } from "@/lib/marketplaces/types";
import { bulkFixture, expectTruth, FAST, linkShop, recordingShops, spreadProducts, waitForJob } from "../support/bulk";

/** Products per job: Doudian changes one per call at 10 a second, so each job stays small. */
const SELECTED = 40;

const fx = bulkFixture(PLATFORM_IDS);
const recorder = recordingShops();
let engine: Engine;

beforeAll(() => {
  engine = startEngine({ ...FAST, openShop: recorder.open });
});

afterAll(() => engine?.stop());

describe.each(PLATFORM_IDS)("a bulk job on %s", (id: PlatformId) => {
  let accountId: string;
  let ids: string[];
  let jobId: string;

  beforeAll(async () => {
    ({ accountId } = await linkShop(fx.owner, fx.team, id));
    ids = await spreadProducts(fx.team.id, accountId, SELECTED);
    expect(ids).toHaveLength(SELECTED);
  });

  it("plans, runs to the end within the platform's batch size, and matches the platform", async () => {
    const request = { selection: { ids: [...ids, "999999999999999999"] }, target: "online" };
    const { id: created, plan } = await createJob(fx.actor(), accountId, request);
    jobId = created;
    expect(plan.total).toBe(SELECTED + 1);
    expect(plan.counts.notFound).toBe(1);
    expect(plan.counts.change + plan.counts.already + plan.counts.cannot).toBe(SELECTED);
    expect(plan.counts.change).toBeGreaterThan(0);

    const job = await waitForJob(jobId, ["done"]);
    expect(job.startedAt).not.toBeNull();

    const items = await expectTruth(fx.team.id, accountId, jobId);
    const byState = (state: string) => items.filter((item) => item.state === state);
    expect(byState("done").length + byState("failed").length).toBe(plan.counts.change);
    expect(byState("skipped")).toHaveLength(plan.counts.already + plan.counts.cannot + 1);
    expect(items.find((item) => item.code === "not_found")?.productId).toBe("999999999999999999");

    const sent = recorder.batches.filter((batch) => batch.accountId === accountId);
    const { maxBatchSize } = platform(id).metadata.capabilities.displayStatus!;
    expect(sent.length).toBeGreaterThan(0);
    for (const batch of sent) expect(batch.ids.length).toBeLessThanOrEqual(maxBatchSize);
    // Every pending item was sent exactly once (no faults here), and nothing else was.
    const pendingIds = items.filter((item) => item.state !== "skipped").map((item) => item.productId);
    expect(sent.flatMap((batch) => batch.ids).sort()).toEqual(pendingIds.sort());

    // The sandbox's catalogs hold products the platform refuses to put online (missing parameters, no stock).
    expect(byState("failed").length).toBeGreaterThan(0);
    for (const item of byState("failed")) {
      expect(item.code, `refusal of ${item.productId}`).toMatch(/\S/);
      expect(item.message).toMatch(/\S/);
    }
    const view = await getJob(fx.team.id, jobId);
    expect(view.counts).toMatchObject({ total: SELECTED + 1, pending: 0, inFlight: 0, done: byState("done").length, failed: byState("failed").length });
    expect(view.progress).toBe(1);
  });

  it("retries the failures as a job of its own, which the platform refuses the same way", async () => {
    const failed = await db().bulkJobItem.findMany({ where: { jobId, state: "failed" }, orderBy: { seq: "asc" } });
    const { id: retryId } = await retryJob(fx.actor(), jobId);
    await waitForJob(retryId, ["done"]);
    const retried = await expectTruth(fx.team.id, accountId, retryId);
    const retry = await db().bulkJob.findUniqueOrThrow({ where: { id: retryId } });
    expect(retry).toMatchObject({ kind: "retry", sourceJobId: jobId, target: "online" });
    // The sandbox refuses a product for what it is (missing parameters, no stock), so it refuses it again.
    expect(retried.map((item) => [item.productId, item.state, item.code])).toEqual(failed.map((item) => [item.productId, "failed", item.code]));
  });

  it("undoes the job: every product it changed goes back to what it was", async () => {
    const changed = await db().bulkJobItem.findMany({ where: { jobId, state: "done" }, orderBy: { seq: "asc" } });
    const restorable = changed.filter((item) => item.previousStatus === "offline");
    const { id: undoId, leftOut } = await undoJob(fx.actor(), jobId);
    expect(leftOut).toBe(changed.length - restorable.length);
    await waitForJob(undoId, ["done"]);
    const undone = await expectTruth(fx.team.id, accountId, undoId);
    expect(undone.map((item) => [item.productId, item.target])).toEqual(restorable.map((item) => [item.productId, "offline"]));
    expect(undone.every((item) => item.state === "done")).toBe(true);
    const events = await db().auditEvent.findMany({ where: { teamId: fx.team.id, targetId: { in: [jobId, undoId] } }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["job.started", "job.undone"]);
  });
});
