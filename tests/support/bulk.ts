// Helpers for the bulk-job tests: shops linked through the sandbox's consent pages, a connector wrapper that records
// every status change it sends, waiting for a job in the database, and the platform's truth read back over HTTP.
import { afterAll, beforeAll, expect } from "vitest";
import type { EngineSettings } from "@/lib/bulk/context";
import type { OpenShop } from "@/lib/bulk/shop";
import { db } from "@/lib/db";
import type { BulkJobState } from "@/lib/generated/prisma/enums";
import { saveLink } from "@/lib/marketplaces/accounts";
import { appConfig, ENV_PREFIX } from "@/lib/marketplaces/config";
import { platform } from "@/lib/marketplaces/registry";
import type { Connector, DisplayStatus, PlatformId, ProductSummary, StatusTarget } from "@/lib/marketplaces/types";
import { openShop, type Shop } from "@/lib/shops/shop";
import type { KnobsPatch } from "@/lib/sandbox/knobs";
import type { RunningSandbox } from "@/lib/sandbox/server";
import { createTeam, createUser, type TestTeam, type TestUser } from "./harness";
import { linkThroughConsent, sandboxEnv, sleep, startTestSandbox } from "./sandbox";

/** Engine timings for tests: quick ticks and polls, claims that lapse within seconds. */
export const FAST: Partial<EngineSettings> = { tickMs: 100, pollMs: 100, maxPollMs: 500, leaseMs: 3_000, outageMs: 5_000, resumeAfterMs: 1_000 };

/**
 * A test file's sandbox (short command delays, plus `knobs`) with the portal pointed at it for these platforms, and an
 * owner with a team; torn down after the file's own afterAll hooks.
 */
export function bulkFixture(platforms: readonly PlatformId[], knobs: KnobsPatch = {}) {
  let sandbox: RunningSandbox | undefined;
  let owner: TestUser | undefined;
  let team: TestTeam | undefined;
  let portalEnv: Record<string, string> = {};
  beforeAll(async () => {
    sandbox = await startTestSandbox({ commandDelayMs: 300, ...knobs });
    portalEnv = Object.assign({}, ...platforms.map((id) => sandboxEnv(sandbox!.url, id, ENV_PREFIX[id])));
    Object.assign(process.env, portalEnv);
    owner = await createUser("owner");
    team = await createTeam([[owner, "owner"]]);
  });
  afterAll(async () => {
    for (const name of Object.keys(portalEnv)) delete process.env[name];
    await sandbox?.close();
  });
  return {
    get sandbox() {
      return sandbox!;
    },
    get owner() {
      return owner!;
    },
    get team() {
      return team!;
    },
    actor: () => ({ userId: owner!.id, teamId: team!.id }),
  };
}

/** Links the consent page's `sellerIndex`th shop to the team, as the OAuth callback does; returns the account and seller. */
export async function linkShop(owner: TestUser, team: TestTeam, id: PlatformId, sellerIndex = 0): Promise<{ accountId: string; sellerId: string }> {
  const { tokens, seller } = await linkThroughConsent(platform(id), appConfig(id)!, sellerIndex);
  const accountId = await saveLink({ userId: owner.id, teamId: team.id }, id, seller, tokens);
  return { accountId, sellerId: seller.sellerId };
}

export type SentBatch = { accountId: string; ids: string[]; target: StatusTarget };

/** Opens shops as the engine does, recording every changeStatus call that reaches the connector. */
export function recordingShops(): { open: OpenShop; batches: SentBatch[]; sendsOf(productId: string): number } {
  const batches: SentBatch[] = [];
  const open: OpenShop = async (team, accountId) => {
    const shop = await openShop(team, accountId);
    const connector: Connector = {
      ...shop.connector,
      changeStatus: (ids, target) => {
        batches.push({ accountId, ids: [...ids], target });
        return shop.connector.changeStatus(ids, target);
      },
    };
    return { ...shop, connector };
  };
  return { open, batches, sendsOf: (productId) => batches.filter((batch) => batch.ids.includes(productId)).length };
}

/** Waits until the job reaches one of these states (and, for done and cancelled, has finished). */
export async function waitForJob(jobId: string, states: BulkJobState[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await db().bulkJob.findUniqueOrThrow({ where: { id: jobId } });
    const final = job.state === "done" || job.state === "cancelled";
    if (states.includes(job.state) && (!final || job.finishedAt)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is ${job.state} after ${timeoutMs} ms, not ${states.join(" or ")}`);
    await sleep(100);
  }
}

export const itemsOf = (jobId: string) => db().bulkJobItem.findMany({ where: { jobId }, orderBy: { seq: "asc" } });

/** The shop's products as its list shows them (as deep as the platform lists). */
async function listShop(shop: Shop): Promise<ProductSummary[]> {
  const { maxPageSize, maxWindow } = shop.metadata.capabilities.products;
  const products: ProductSummary[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await shop.connector.listProducts({ page, pageSize: maxPageSize });
    products.push(...items);
    if (!items.length || page * maxPageSize >= Math.min(total, maxWindow ?? total)) return products;
  }
}

/** Every product's status as the platform shows it now: the whole list, and products it leaves out read one by one. */
export async function platformStatuses(shop: Shop, ids: readonly string[]): Promise<Map<string, DisplayStatus>> {
  const statuses = new Map((await listShop(shop)).map((product) => [product.id, product.status]));
  for (const id of ids.filter((each) => !statuses.has(each))) statuses.set(id, (await shop.connector.getProduct(id)).status);
  return statuses;
}

/**
 * The job's recorded results match the platform: a done item's product has the target, a failed or skipped one
 * kept the status it had before (a product not found has none to compare). Returns the items.
 */
export async function expectTruth(teamId: string, accountId: string, jobId: string) {
  const items = await itemsOf(jobId);
  for (const item of items) expect(["done", "failed", "skipped"], `item ${item.productId} is final`).toContain(item.state);
  const shop = await openShop({ id: teamId }, accountId);
  const found = items.filter((item) => item.code !== "not_found");
  const statuses = await platformStatuses(
    shop,
    found.map((item) => item.productId),
  );
  const seen = found.map((item) => ({ id: item.productId, state: item.state, status: statuses.get(item.productId) }));
  const expected = found.map((item) => ({ id: item.productId, state: item.state, status: item.state === "done" ? item.target : item.previousStatus }));
  expect(seen).toEqual(expected);
  return items;
}

/** `count` products spread evenly over the shop's list (which some platforms order by status), as ids. */
export async function spreadProducts(teamId: string, accountId: string, count: number): Promise<string[]> {
  const products = await listShop(await openShop({ id: teamId }, accountId));
  const step = products.length / count;
  return Array.from({ length: Math.min(count, products.length) }, (_, index) => products[Math.floor(index * step)]!.id);
}
