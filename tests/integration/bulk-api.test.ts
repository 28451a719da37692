// What the UI and routes use: the dry run's answer for every kind of selection, precise refusals that change
// nothing (empty, oversized, a target no platform has, nothing to change, another team's shop or job, a second
// start of a running job), progress while a job runs, cancel, the job list, item pages and the CSV export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { cancelJob, createJob, getJob, itemsPage, itemsQuery, jobCsv, listJobs, MAX_JOB_ITEMS, planJob, resumeJob, retryJob, undoJob } from "@/lib/bulk";
import { startEngine, type Engine } from "@/lib/bulk/engine";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PlatformId } from "@/lib/marketplaces/types";
import { bulkFixture, expectTruth, FAST, linkShop, spreadProducts, waitForJob } from "../support/bulk";
import { createTeam, createUser, type TestTeam, type TestUser } from "../support/harness";
import { setKnobs, sleep } from "../support/sandbox";

const PLATFORMS: PlatformId[] = ["douyin", "allegro"];

const fx = bulkFixture(PLATFORMS);
let stranger: TestUser;
let otherTeam: TestTeam;
let douyin: string;
let allegro: string;

beforeAll(async () => {
  stranger = await createUser("stranger");
  otherTeam = await createTeam([[stranger, "owner"]]);
  ({ accountId: douyin } = await linkShop(fx.owner, fx.team, "douyin"));
  ({ accountId: allegro } = await linkShop(fx.owner, fx.team, "allegro"));
});

/** What a refusal may not change: jobs, items and audit events. */
const footprint = async () => ({ jobs: await db().bulkJob.count(), items: await db().bulkJobItem.count(), events: await db().auditEvent.count() });

async function refusal(promise: Promise<unknown>): Promise<AppError | ZodError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error instanceof AppError || error instanceof ZodError, `refused with ${String(error)}`).toBe(true);
  return error as AppError | ZodError;
}

describe("the dry run", () => {
  it("counts what would change, what is there already and what cannot, with reasons and samples", async () => {
    const ids = await spreadProducts(fx.team.id, allegro, 60);
    const plan = await planJob(fx.team.id, allegro, { selection: { ids: [...ids, "1"] }, target: "offline" });
    expect(plan.total).toBe(61);
    expect(plan.counts.change + plan.counts.already + plan.counts.cannot + plan.counts.notFound).toBe(61);
    expect(plan.samples.notFound).toEqual(["1"]);
    for (const sample of plan.samples.already) expect(sample.status).toBe("offline");
    for (const sample of plan.samples.change) expect(["online", "unknown"]).toContain(sample.status);
    // Allegro's drafts cannot be ended (they were never published): the reason is given per product and in sum.
    expect(plan.reasons.reduce((sum, reason) => sum + reason.count, 0)).toBe(plan.counts.cannot);
    for (const sample of plan.samples.cannot) expect(plan.reasons.map((reason) => reason.code)).toContain(sample.code);
  });

  it("plans all products matching a filter", async () => {
    const plan = await planJob(fx.team.id, allegro, { selection: { allMatching: { status: "offline" } }, target: "online" });
    expect(plan.total).toBeGreaterThan(0);
    expect(plan.counts.already + plan.counts.cannot).toBe(0);
  });
});

describe("refusals change nothing", () => {
  const cases: [string, () => Promise<unknown>, RegExp][] = [
    ["an empty selection", () => createJob(fx.actor(), douyin, { selection: { ids: [] }, target: "online" }), /at least one product/],
    ["an oversized selection", () => createJob(fx.actor(), douyin, { selection: { ids: Array.from({ length: MAX_JOB_ITEMS + 1 }, (_, i) => String(i)) }, target: "online" }), /at most 100,000/],
    ["a target no platform has", () => createJob(fx.actor(), douyin, { selection: { ids: ["1"] }, target: "sideways" }), /online or offline/],
    ["a filter nothing matches", () => createJob(fx.actor(), allegro, { selection: { allMatching: { search: "no-such-product-anywhere" } }, target: "online" }), /No product matches/],
    ["another team's shop", () => createJob({ userId: stranger.id, teamId: otherTeam.id }, douyin, { selection: { ids: ["1"] }, target: "online" }), /not found/],
  ];
  it.each(cases)("%s", async (_, attempt, message) => {
    const before = await footprint();
    expect((await refusal(attempt())).message).toMatch(message);
    expect(await footprint()).toEqual(before);
  });

  it("a selection where nothing would change", async () => {
    const plan = await planJob(fx.team.id, allegro, { selection: { allMatching: { status: "offline" } }, target: "offline" });
    const before = await footprint();
    expect((await refusal(createJob(fx.actor(), allegro, { selection: { allMatching: { status: "offline" } }, target: "offline" }))).message).toBe(
      `None of the ${plan.total} selected products would change (${plan.total} already offline).`,
    );
    expect(await footprint()).toEqual(before);
  });
});

describe("a running job", () => {
  let engine: Engine;
  let jobId: string;

  beforeAll(async () => {
    await setKnobs(fx.sandbox.url, { latencyMs: 100 });
    // Enough products that the job is still running when the test cancels it: Doudian is paced at 40 calls a second.
    ({ id: jobId } = await createJob(fx.actor(), douyin, { selection: { ids: await spreadProducts(fx.team.id, douyin, 200) }, target: "offline" }));
    engine = startEngine(FAST);
  });

  afterAll(async () => {
    await engine?.stop();
    await setKnobs(fx.sandbox.url, { latencyMs: 0 });
  });

  it("shows its progress, refuses a second start, is not another team's, and cancels", async () => {
    for (;;) {
      const view = await getJob(fx.team.id, jobId);
      if (view.counts.done >= 5) break;
      await sleep(50);
    }
    const view = await getJob(fx.team.id, jobId);
    expect(view.state).toBe("running");
    expect(view.progress).toBeGreaterThan(0);
    expect(view.progress).toBeLessThan(1);
    expect(view.throughput).toBeGreaterThan(0);
    expect(view.etaSeconds).toBeGreaterThan(0);
    expect(view.account).toMatchObject({ id: douyin, platform: "douyin" });

    const before = await footprint();
    expect((await refusal(resumeJob(fx.actor(), jobId))).message).toBe("The job is already running.");
    expect((await refusal(retryJob(fx.actor(), jobId))).message).toMatch(/still running; let it finish, or cancel it/);
    expect((await refusal(undoJob(fx.actor(), jobId))).message).toMatch(/still running/);
    const stranger_ = { userId: stranger.id, teamId: otherTeam.id };
    const theirs = [
      () => getJob(otherTeam.id, jobId),
      () => cancelJob(stranger_, jobId),
      () => retryJob(stranger_, jobId),
      () => itemsPage(otherTeam.id, jobId, itemsQuery.parse({})),
      () => jobCsv(otherTeam.id, jobId),
    ];
    for (const attempt of theirs) expect((await refusal(attempt())).message).toBe("Bulk job was not found.");
    expect(await footprint()).toEqual(before);

    await cancelJob(fx.actor(), jobId);
    const cancelled = await waitForJob(jobId, ["cancelled"]);
    expect(cancelled.finishedAt).not.toBeNull();
    const items = await expectTruth(fx.team.id, douyin, jobId);
    expect(items.filter((item) => item.code === "cancelled").length).toBeGreaterThan(0);
    expect(items.filter((item) => item.state === "done").length).toBeGreaterThanOrEqual(5);
    expect((await refusal(cancelJob(fx.actor(), jobId))).message).toBe("The job was already cancelled.");
    const events = await db().auditEvent.findMany({ where: { targetId: jobId }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ["job.started", fx.owner.id],
      ["job.cancelled", fx.owner.id],
    ]);
  });

  it("lists the team's jobs, pages their items and exports them as CSV", async () => {
    const { rows, total } = await listJobs(fx.team.id, { page: 1, pageSize: 10 });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ id: jobId, state: "cancelled", kind: "change", target: "offline", createdBy: "owner" });
    expect((await listJobs(otherTeam.id, { page: 1, pageSize: 10 })).total).toBe(0);

    const all = await db().bulkJobItem.findMany({ where: { jobId }, orderBy: { seq: "asc" } });
    const page = await itemsPage(fx.team.id, jobId, itemsQuery.parse({ page: "2", pageSize: "25" }));
    expect(page.total).toBe(all.length);
    expect(page.rows.map((row) => row.productId)).toEqual(all.slice(25, 50).map((item) => item.productId));
    const done = await itemsPage(fx.team.id, jobId, itemsQuery.parse({ state: "done", pageSize: "100" }));
    expect(done.rows.every((row) => row.state === "done")).toBe(true);
    expect(done.total).toBe(all.filter((item) => item.state === "done").length);

    const lines: string[] = [];
    for await (const line of await jobCsv(fx.team.id, jobId)) lines.push(line);
    expect(lines[0]).toBe("productId,title,previousStatus,previousNative,target,state,attempts,code,message,updatedAt\r\n");
    expect(lines).toHaveLength(all.length + 1);
    const first = all[0]!;
    expect(lines[1]!.startsWith(`${first.productId},`)).toBe(true);
    expect(lines[1]).toContain(`,${first.state},${first.attempts},`);
  });
});
