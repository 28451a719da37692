// The bulk-job routes as the job pages call them, through route() with real session cookies, on this file's
// database and the sandbox over HTTP, with an engine working the jobs in this process: the dry run, a start by an
// operator (never a viewer), progress polled until the end, the CSV export, retry and undo, cancel of a running
// job, and precise refusals that change nothing (bad input, another team's shop or job, a second cancel).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/teams/[team]/jobs/[job]/cancel/route";
import * as csvRoute from "@/app/api/teams/[team]/jobs/[job]/items.csv/route";
import * as resumeRoute from "@/app/api/teams/[team]/jobs/[job]/resume/route";
import * as retryRoute from "@/app/api/teams/[team]/jobs/[job]/retry/route";
import * as jobRoute from "@/app/api/teams/[team]/jobs/[job]/route";
import * as undoRoute from "@/app/api/teams/[team]/jobs/[job]/undo/route";
import * as planRoute from "@/app/api/teams/[team]/shops/[account]/jobs/plan/route";
import * as createRoute from "@/app/api/teams/[team]/shops/[account]/jobs/route";
import type { JobView, Plan } from "@/lib/bulk";
import { startEngine, type Engine } from "@/lib/bulk/engine";
import { db } from "@/lib/db";
import { ENV_PREFIX } from "@/lib/marketplaces/config";
import type { PlatformId } from "@/lib/marketplaces/types";
import type { RunningSandbox } from "@/lib/sandbox/server";
import { expectTruth, FAST, itemsOf, linkShop, spreadProducts } from "../support/bulk";
import { call, createTeam, createUsers, type CallResult, type Handler, type TestTeam, type TestUser } from "../support/harness";
import { sandboxEnv, setKnobs, sleep, startTestSandbox } from "../support/sandbox";

const PLATFORMS: PlatformId[] = ["aliexpress", "allegro", "douyin"];

let sandbox: RunningSandbox;
let portalEnv: Record<string, string> = {};
let engine: Engine;
let users: Record<"owner" | "operator" | "viewer" | "stranger", TestUser>;
let team: TestTeam;
let otherTeam: TestTeam;
const accounts = {} as Record<PlatformId, string>;
let foreignAccount: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ commandDelayMs: 300 });
  portalEnv = Object.assign({}, ...PLATFORMS.map((id) => sandboxEnv(sandbox.url, id, ENV_PREFIX[id])));
  Object.assign(process.env, portalEnv);
  users = await createUsers("owner", "operator", "viewer", "stranger");
  team = await createTeam([
    [users.owner, "owner"],
    [users.operator, "operator"],
    [users.viewer, "viewer"],
  ]);
  otherTeam = await createTeam([[users.stranger, "owner"]]);
  for (const id of PLATFORMS) accounts[id] = (await linkShop(users.owner, team, id)).accountId;
  foreignAccount = (await linkShop(users.stranger, otherTeam, "aliexpress", 1)).accountId;
  engine = startEngine(FAST);
});

afterAll(async () => {
  await engine?.stop();
  for (const name of Object.keys(portalEnv)) delete process.env[name];
  await sandbox?.close();
});

type As = { user?: TestUser; team?: TestTeam };

const shopCall = <T>(handler: Handler, account: string, body: unknown, as: As = {}) =>
  call<T>(handler, {
    method: "POST",
    url: `/api/teams/${(as.team ?? team).slug}/shops/${account}/jobs`,
    params: { team: (as.team ?? team).slug, account },
    body,
    as: as.user ?? users.operator,
  });

const plan = (account: string, body: unknown, as?: As) => shopCall<{ plan: Plan }>(planRoute.POST, account, body, as);
const start = (account: string, body: unknown, as?: As) => shopCall<{ id: string; plan: Plan }>(createRoute.POST, account, body, as);

const jobCall = <T>(handler: Handler, method: string, job: string, as: As = {}) =>
  call<T>(handler, { method, url: `/api/teams/${(as.team ?? team).slug}/jobs/${job}`, params: { team: (as.team ?? team).slug, job }, as: as.user ?? users.operator });

const progress = (job: string, as?: As) => jobCall<{ job: JobView }>(jobRoute.GET, "GET", job, as);

/** Polls the progress route, as the job page does, until the job has finished; returns every view seen. */
async function followToEnd(job: string, timeoutMs = 60_000): Promise<JobView[]> {
  const seen: JobView[] = [];
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) {
    const res = await progress(job);
    expect(res.status, res.text).toBe(200);
    seen.push(res.json!.job);
    if (res.json!.job.finishedAt) return seen;
  }
  throw new Error(`job ${job} did not finish in ${timeoutMs} ms`);
}

const footprint = async () => ({ jobs: await db().bulkJob.count(), items: await db().bulkJobItem.count(), events: await db().auditEvent.count() });

function expectRefused(res: CallResult<unknown>, status: number, code: string, message?: RegExp) {
  expect(res.status, res.text).toBe(status);
  expect(res.error?.code).toBe(code);
  if (message) expect(res.error?.message).toMatch(message);
}

/** The CSV's rows as arrays of fields: a quoted field may hold commas, doubled quotes and line breaks. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [[]];
  const field = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n|$)/y;
  for (let match; field.lastIndex < text.length && (match = field.exec(text)); ) {
    const [, raw, end] = match as unknown as [string, string, string];
    rows.at(-1)!.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (end === "\r\n") rows.push([]);
  }
  return rows.filter((row) => row.length);
}

describe("a job from dry run to undo", () => {
  for (const id of ["aliexpress", "allegro"] as const) {
    describe(id, () => {
      let ids: string[];
      let jobId: string;

      beforeAll(async () => {
        ids = await spreadProducts(team.id, accounts[id], 40);
      });

      it("plans, starts as an operator, shows progress to the end and exports every item as CSV", async () => {
        const request = { selection: { ids: [...ids, "999999999999999999"] }, target: "online" };
        const before = await footprint();
        const dry = await plan(accounts[id], request);
        expect(dry.status, dry.text).toBe(200);
        const { counts } = dry.json!.plan;
        expect(counts.notFound).toBe(1);
        expect(counts.change + counts.already + counts.cannot + counts.notFound).toBe(ids.length + 1);
        expect(await footprint(), "a dry run changes nothing").toEqual(before);

        const started = await start(accounts[id], request);
        expect(started.status, started.text).toBe(201);
        expect(started.json!.plan.counts).toEqual(counts);
        jobId = started.json!.id;

        const views = await followToEnd(jobId);
        const last = views.at(-1)!;
        expect(last).toMatchObject({ id: jobId, state: "done", kind: "change", target: "online", progress: 1, createdBy: "operator" });
        expect(last.account).toMatchObject({ id: accounts[id], platform: id });
        expect(last.counts).toMatchObject({ total: ids.length + 1, pending: 0, inFlight: 0, skipped: counts.already + counts.cannot + 1 });
        expect(last.counts.done + last.counts.failed).toBe(counts.change);
        const items = await expectTruth(team.id, accounts[id], jobId);

        const csv = await jobCall(csvRoute.GET, "GET", jobId);
        expect(csv.status).toBe(200);
        expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="bulk-job-${jobId}.csv"`);
        const [header, ...rows] = csvRows(csv.text);
        expect(header).toEqual(["productId", "title", "previousStatus", "previousNative", "target", "state", "attempts", "code", "message", "updatedAt"]);
        const column = (name: string) => header!.indexOf(name);
        expect(rows.map((row) => [row[0], row[column("state")], row[column("code")]])).toEqual(items.map((item) => [item.productId, item.state, item.code ?? ""]));
      });

      it("refuses to resume or cancel the finished job, then retries its failures and undoes its changes", async () => {
        const before = await footprint();
        expectRefused(await jobCall(resumeRoute.POST, "POST", jobId), 409, "conflict", /has finished/);
        expectRefused(await jobCall(cancelRoute.POST, "POST", jobId), 409, "conflict", /already finished/);
        expectRefused(await jobCall(retryRoute.POST, "POST", jobId, { user: users.viewer }), 403, "forbidden");
        expect(await footprint()).toEqual(before);

        const failed = (await itemsOf(jobId)).filter((item) => item.state === "failed");
        // The sandbox's catalogs hold products the platform refuses to put online (missing parameters, no stock).
        expect(failed.length).toBeGreaterThan(0);
        const retried = await jobCall<{ id: string; plan: Plan }>(retryRoute.POST, "POST", jobId);
        expect(retried.status, retried.text).toBe(201);
        expect(retried.json!.plan.total).toBe(failed.length);
        const retryView = (await followToEnd(retried.json!.id)).at(-1)!;
        expect(retryView).toMatchObject({ kind: "retry", sourceJobId: jobId, state: "done" });
        await expectTruth(team.id, accounts[id], retried.json!.id);

        const changed = (await itemsOf(jobId)).filter((item) => item.state === "done" && item.previousStatus === "offline");
        const undone = await jobCall<{ id: string; plan: Plan; leftOut: number }>(undoRoute.POST, "POST", jobId);
        expect(undone.status, undone.text).toBe(201);
        const undoView = (await followToEnd(undone.json!.id)).at(-1)!;
        expect(undoView).toMatchObject({ kind: "undo", sourceJobId: jobId, target: "offline", state: "done" });
        expect(undoView.counts.done).toBe(changed.length);
        const back = await expectTruth(team.id, accounts[id], undone.json!.id);
        expect(back.map((item) => item.productId)).toEqual(changed.map((item) => item.productId));

        const events = await db().auditEvent.findMany({ where: { targetId: { in: [jobId, retried.json!.id, undone.json!.id] } }, orderBy: { createdAt: "asc" } });
        expect(events.map((event) => [event.action, event.actorId])).toEqual([
          ["job.started", users.operator.id],
          ["job.retried", users.operator.id],
          ["job.undone", users.operator.id],
        ]);
      });
    });
  }

  it("plans every product matching a filter", async () => {
    const res = await plan(accounts.allegro, { selection: { allMatching: { status: "offline" } }, target: "online" });
    expect(res.status, res.text).toBe(200);
    expect(res.json!.plan.total).toBeGreaterThan(0);
    expect(res.json!.plan.counts.change).toBe(res.json!.plan.total);
  });
});

describe("a running job", () => {
  it("cancels: nothing more is sent, and a second cancel is refused", async () => {
    await setKnobs(sandbox.url, { latencyMs: 100 });
    try {
      // Doudian changes one product per call, so a job of 60 runs for seconds.
      const started = await start(accounts.douyin, { selection: { ids: await spreadProducts(team.id, accounts.douyin, 60) }, target: "offline" });
      expect(started.status, started.text).toBe(201);
      const jobId = started.json!.id;
      for (;;) {
        const { job } = (await progress(jobId)).json!;
        if (job.counts.done >= 3) break;
        expect(job.finishedAt, "the job ended before it could be cancelled").toBeNull();
        await sleep(50);
      }
      expectRefused(await jobCall(resumeRoute.POST, "POST", jobId), 409, "conflict", /already running/);
      expectRefused(await jobCall(undoRoute.POST, "POST", jobId), 409, "conflict", /still running/);

      const cancelled = await jobCall<{ job: JobView }>(cancelRoute.POST, "POST", jobId);
      expect(cancelled.status, cancelled.text).toBe(200);
      expect(cancelled.json!.job.state).toBe("cancelled");
      expect(cancelled.json!.job.counts.pending).toBe(0);
      const last = (await followToEnd(jobId)).at(-1)!;
      expect(last.state).toBe("cancelled");
      const items = await expectTruth(team.id, accounts.douyin, jobId);
      expect(items.filter((item) => item.code === "cancelled").length).toBeGreaterThan(0);
      expectRefused(await jobCall(cancelRoute.POST, "POST", jobId), 409, "conflict", /already cancelled/);
    } finally {
      await setKnobs(sandbox.url, { latencyMs: 0 });
    }
  });
});

describe("refusals change nothing", () => {
  const ids = { selection: { ids: ["1"] }, target: "online" };
  const cases: [string, () => Promise<CallResult<unknown>>, number, string, RegExp][] = [
    ["an empty selection", () => plan(accounts.aliexpress, { selection: { ids: [] }, target: "online" }), 422, "validation_failed", /Select at least one product/],
    ["an oversized selection", () => start(accounts.aliexpress, { selection: { ids: Array.from({ length: 100_001 }, (_, i) => String(i)) }, target: "online" }), 422, "validation_failed", /at most 100,000 products/],
    ["a target no platform has", () => start(accounts.aliexpress, { selection: { ids: ["1"] }, target: "sideways" }), 422, "validation_failed", /online or offline/],
    ["a selection of neither kind", () => plan(accounts.aliexpress, { selection: { everything: true }, target: "online" }), 422, "validation_failed", /everything|either the chosen ids or allMatching/],
    ["a body that is not JSON", () => shopCall(createRoute.POST, accounts.aliexpress, "{not json"), 400, "bad_request", /not valid JSON/],
    ["a filter nothing matches", () => start(accounts.allegro, { selection: { allMatching: { search: "no-such-product-anywhere" } }, target: "online" }), 422, "validation_failed", /No product matches/],
    ["a start by a viewer", () => start(accounts.aliexpress, ids, { user: users.viewer }), 403, "forbidden", /does not allow you to change display status/],
    ["a dry run by a viewer", () => plan(accounts.aliexpress, ids, { user: users.viewer }), 403, "forbidden", /does not allow you to change display status/],
    ["an unknown shop", () => start("no-such-account", ids), 404, "not_found", /not found/],
    ["another team's shop", () => start(foreignAccount, ids), 404, "not_found", /not found/],
  ];
  it.each(cases)("%s", async (_, attempt, status, code, message) => {
    const before = await footprint();
    expectRefused(await attempt(), status, code, message);
    expect(await footprint()).toEqual(before);
  });

  it("another team's job is not found on any route, and its own team's is unchanged", async () => {
    const started = await start(foreignAccount, { selection: { ids: await spreadProducts(otherTeam.id, foreignAccount, 5) }, target: "offline" }, { user: users.stranger, team: otherTeam });
    expect(started.status, started.text).toBe(201);
    const foreignJob = started.json!.id;
    const before = await footprint();
    for (const [handler, method] of [
      [jobRoute.GET, "GET"],
      [csvRoute.GET, "GET"],
      [cancelRoute.POST, "POST"],
      [resumeRoute.POST, "POST"],
      [retryRoute.POST, "POST"],
      [undoRoute.POST, "POST"],
    ] as const) {
      expectRefused(await jobCall(handler, method, foreignJob, { user: users.owner }), 404, "not_found", /^Bulk job was not found\.$/);
    }
    expectRefused(await jobCall(jobRoute.GET, "GET", "no-such-job"), 404, "not_found", /^Bulk job was not found\.$/);
    expect(await footprint()).toEqual(before);
    expect((await progress(foreignJob, { user: users.stranger, team: otherTeam })).status).toBe(200);
  });
});
