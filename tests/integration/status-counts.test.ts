// Products by display status on each platform, through the sandbox over HTTP and the catalog cache on a real
// database: the counts agree with the statuses of the whole product list and add up to the total it reports
// (ICBU, whose list has no status filter, gives the total alone; Doudian's list leaves its recycle bin out unless
// asked for it by status); fresh counts come from the cache without a call, stale ones and a refresh are counted
// anew; the refresh route answers failures in the portal's error shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as countsRoute from "@/app/api/teams/[team]/shops/[account]/status-counts/route";
import { db } from "@/lib/db";
import { saveLink } from "@/lib/marketplaces/accounts";
import { appConfig, ENV_PREFIX } from "@/lib/marketplaces/config";
import { platform } from "@/lib/marketplaces/registry";
import { DISPLAY_STATUSES, PLATFORM_IDS, type DisplayStatus, type PlatformId, type ProductSummary } from "@/lib/marketplaces/types";
import type { RunningSandbox } from "@/lib/sandbox/server";
import { openShop, type Shop } from "@/lib/shops/shop";
import { STATUS_COUNTS_FRESH_MS, statusCounts, type StatusCounts } from "@/lib/shops/status-counts";
import { call, createTeam, createUsers, type TestTeam, type TestUser } from "../support/harness";
import { linkThroughConsent, recordCalls, sandboxEnv, setKnobs, startTestSandbox } from "../support/sandbox";

let sandbox: RunningSandbox;
let portalEnv: Record<string, string> = {};
let users: Record<"owner" | "viewer", TestUser>;
let team: TestTeam;
const accounts = {} as Record<PlatformId, string>;

/** Statuses a platform's unfiltered list leaves out: Doudian's listV2 shows deleted products only for status 2. */
const LEFT_OUT_OF_LIST: Partial<Record<PlatformId, DisplayStatus[]>> = { douyin: ["deleted"] };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  portalEnv = Object.assign({}, ...PLATFORM_IDS.map((id) => sandboxEnv(sandbox.url, id, ENV_PREFIX[id])));
  Object.assign(process.env, portalEnv);
  users = await createUsers("owner", "viewer");
  team = await createTeam([
    [users.owner, "owner"],
    [users.viewer, "viewer"],
  ]);
  for (const id of PLATFORM_IDS) {
    const { tokens, seller } = await linkThroughConsent(platform(id), appConfig(id)!);
    accounts[id] = await saveLink({ userId: users.owner.id, teamId: team.id }, id, seller, tokens);
  }
});

afterAll(async () => {
  for (const name of Object.keys(portalEnv)) delete process.env[name];
  await sandbox?.close();
});

/** Every product of the shop (of one status), read page by page as the products table would. */
async function everyProduct(shop: Shop, status?: DisplayStatus): Promise<{ items: ProductSummary[]; total: number }> {
  const items: ProductSummary[] = [];
  for (let page = 1; ; page++) {
    const answer = await shop.connector.listProducts({ page, pageSize: 100, status });
    items.push(...answer.items);
    if (!answer.items.length || items.length >= answer.total) return { items, total: answer.total };
  }
}

const cacheKey = (accountId: string) => ({ accountId_kind_key: { accountId, kind: "status-counts", key: "" } });

/** Puts counts no platform gave into the cache, dated `ageMs` ago, to tell a cached answer from a counted one. */
async function plantCounts(accountId: string, ageMs: number) {
  await db().catalogCache.update({ where: cacheKey(accountId), data: { data: { total: 987_654, byStatus: null }, fetchedAt: new Date(Date.now() - ageMs) } });
}

/** The counts and the HTTP calls made to get them. */
async function counted(shop: Shop, options?: { refresh: boolean }): Promise<{ counts: StatusCounts; calls: number }> {
  const recorder = recordCalls();
  try {
    return { counts: await statusCounts(shop, options), calls: recorder.calls.length };
  } finally {
    recorder.stop();
  }
}

describe.each(PLATFORM_IDS)("%s", (id) => {
  const leftOut = LEFT_OUT_OF_LIST[id] ?? [];
  let shop: Shop;
  /** The list's total, and per status how many products the whole list shows (a left-out status: filtered by it). */
  let listed: { total: number; tally: Record<DisplayStatus, number> };

  beforeAll(async () => {
    shop = await openShop(team, accounts[id]);
    const { items, total } = await everyProduct(shop);
    expect(items).toHaveLength(total);
    const tally = Object.fromEntries(DISPLAY_STATUSES.map((status) => [status, items.filter((item) => item.status === status).length])) as Record<DisplayStatus, number>;
    for (const status of leftOut) {
      expect(tally[status], `${status} products in the unfiltered list`).toBe(0);
      const filtered = await everyProduct(shop, status);
      expect(filtered.items.every((item) => item.status === status)).toBe(true);
      tally[status] = filtered.items.length;
    }
    listed = { total, tally };
  });

  const expected = () => ({ total: listed.total, byStatus: shop.metadata.capabilities.products.statusFilter ? listed.tally : null });

  it("counts products by status as the whole list has them, adding up to the total the list reports", async () => {
    const { counts, calls } = await counted(shop, { refresh: true });
    expect(calls).toBeGreaterThan(0);
    expect(counts).toMatchObject(expected());
    expect(counts.total).toBeGreaterThan(0);
    if (counts.byStatus) {
      const byStatus = Object.entries(counts.byStatus) as [DisplayStatus, number][];
      expect(byStatus.filter(([status]) => !leftOut.includes(status)).reduce((sum, [, count]) => sum + count, 0)).toBe(counts.total);
      // Statuses the list leaves out are counted all the same, and the shops hold several: the filters are told apart.
      for (const status of leftOut) expect(counts.byStatus[status], status).toBeGreaterThan(0);
      expect(byStatus.filter(([, count]) => count > 0).length).toBeGreaterThan(1);
    } else {
      expect(shop.metadata.capabilities.products.statusFilter).toBe(false);
    }
  });

  it("answers from the cache while fresh, without calling the platform", async () => {
    const first = await counted(shop, { refresh: true });
    const again = await counted(shop);
    expect(again.calls).toBe(0);
    expect(again.counts).toEqual(first.counts);
    await plantCounts(accounts[id], 0);
    expect((await counted(shop)).counts).toMatchObject({ total: 987_654, byStatus: null });
  });

  it("counts anew when the cached counts are stale, and when asked to refresh", async () => {
    await counted(shop, { refresh: true });
    await plantCounts(accounts[id], STATUS_COUNTS_FRESH_MS + 60_000);
    const stale = await counted(shop);
    expect(stale.calls).toBeGreaterThan(0);
    expect(stale.counts).toMatchObject(expected());

    await plantCounts(accounts[id], 0);
    const refreshed = await counted(shop, { refresh: true });
    expect(refreshed.calls).toBeGreaterThan(0);
    expect(refreshed.counts).toMatchObject(expected());
    const row = await db().catalogCache.findUniqueOrThrow({ where: cacheKey(accounts[id]) });
    expect(row.data).toEqual(expected());
    expect(row.fetchedAt.toISOString()).toBe(refreshed.counts.fetchedAt);
  });
});

describe("the refresh route", () => {
  const refresh = (accountId: string, slug = team.slug) =>
    call<{ counts: StatusCounts }>(countsRoute.POST, {
      method: "POST",
      url: `/api/teams/${slug}/shops/${accountId}/status-counts`,
      params: { team: slug, account: accountId },
      as: users.viewer,
    });

  it("lets any member count anew and keeps the result", async () => {
    await plantCounts(accounts.allegro, 0);
    const res = await refresh(accounts.allegro);
    expect(res.status, res.text).toBe(200);
    expect(res.json!.counts.total).not.toBe(987_654);
    const row = await db().catalogCache.findUniqueOrThrow({ where: cacheKey(accounts.allegro) });
    expect(row.data).toEqual({ total: res.json!.counts.total, byStatus: res.json!.counts.byStatus });
  });

  it("answers a shop of another team as not found", async () => {
    const owner = (await createUsers("other-owner"))["other-owner"];
    const other = await createTeam([[owner, "owner"]]);
    const foreign = await db().marketplaceAccount.create({ data: { teamId: other.id, platform: "allegro", sellerId: "someone-else", shopName: "Not yours", accessToken: "sealed" } });
    const res = await refresh(foreign.id);
    expect(res.status).toBe(404);
    expect(res.error?.message).toBe("Linked account was not found.");
  });

  it("answers a failing platform in the error shape with its code, and keeps the counts it had", async () => {
    await refresh(accounts["1688"]);
    const before = await db().catalogCache.findUniqueOrThrow({ where: cacheKey(accounts["1688"]) });
    await setKnobs(sandbox.url, { faults: { malformed: 1 } });
    try {
      const res = await refresh(accounts["1688"]);
      expect(res.status).toBe(502);
      expect(res.error).toMatchObject({ code: "marketplace_unavailable", platform: "1688" });
    } finally {
      await setKnobs(sandbox.url, { faults: { malformed: 0 } });
    }
    expect(await db().catalogCache.findUniqueOrThrow({ where: cacheKey(accounts["1688"]) })).toEqual(before);
  });
});
