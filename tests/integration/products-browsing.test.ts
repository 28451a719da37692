// The products table's data path on every platform, as the products page runs it: a shop linked on the consent
// page and stored on a team in this file's database, opened with openShop, the URL read with productUrlQuery,
// planned against the platform's capabilities (planProductQuery) and loaded through the sandbox over HTTP
// (loadProductPage). Each shop holds more than Doudian's 10,000-product window lists (it leaves deleted ones out).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTableQuery } from "@/components/data-table/url-query";
import { db } from "@/lib/db";
import { saveLink } from "@/lib/marketplaces/accounts";
import { appConfig, ENV_PREFIX } from "@/lib/marketplaces/config";
import { platform } from "@/lib/marketplaces/registry";
import { DISPLAY_STATUSES, PLATFORM_IDS, PRODUCT_LIST_FIELDS, type PlatformId, type ProductListField, type ProductSummary } from "@/lib/marketplaces/types";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/server";
import { planProductQuery, PRODUCT_PAGE_SIZES, productUrlQuery } from "@/lib/shops/product-query";
import { loadProductPage } from "@/lib/shops/products";
import { attempt, openShop, type Shop } from "@/lib/shops/shop";
import { createTeam, createUser, type TestTeam, type TestUser } from "../support/harness";
import { endSellerTokens, failureOf, linkThroughConsent, sandboxEnv } from "../support/sandbox";

const PRODUCTS = 11_000;
const DAY_MS = 24 * 3600 * 1000;

/** The platforms' own page limits (issue 4), which the portal's sizes of up to 100 must be served within. */
const LIMITS: Record<PlatformId, { maxPageSize: number; maxWindow?: number }> = {
  alibaba: { maxPageSize: 30 },
  "1688": { maxPageSize: 20 },
  aliexpress: { maxPageSize: 99 },
  douyin: { maxPageSize: 100, maxWindow: 10_000 },
  allegro: { maxPageSize: 1000, maxWindow: 10_000_000 },
};

let sandbox: RunningSandbox;
let portalEnv: Record<string, string> = {};
let owner: TestUser;
let team: TestTeam;

beforeAll(async () => {
  sandbox = await startSandbox({ dataDir: mkdtempSync(path.join(tmpdir(), "sk-browsing-")), port: 0, productsPerShop: PRODUCTS });
  portalEnv = Object.assign({}, ...PLATFORM_IDS.map((id) => sandboxEnv(sandbox.url, id, ENV_PREFIX[id])));
  Object.assign(process.env, portalEnv);
  owner = await createUser("owner");
  team = await createTeam([[owner, "owner"]]);
});

afterAll(async () => {
  for (const name of Object.keys(portalEnv)) delete process.env[name];
  await sandbox?.close();
});

/** Links the consent page's `sellerIndex`th shop to the team, as the OAuth callback does, and opens it. */
async function linkShop(id: PlatformId, sellerIndex = 0): Promise<{ shop: Shop; sellerId: string }> {
  const { tokens, seller } = await linkThroughConsent(platform(id), appConfig(id)!, sellerIndex);
  const accountId = await saveLink({ userId: owner.id, teamId: team.id }, id, seller, tokens);
  return { shop: await openShop(team, accountId), sellerId: seller.sellerId };
}

/** The products page's steps for an address's query string. */
async function browse(shop: Shop, search: string) {
  const parsed = parseTableQuery(productUrlQuery, search);
  expect(parsed.problems).toEqual([]);
  const plan = planProductQuery(parsed.query, shop.metadata);
  return { plan, ...(await loadProductPage(shop, plan.query, plan.problems.find((problem) => problem.param === "page"))) };
}

/** Where each field of the list lives on a ProductSummary. */
const SUMMARY_KEYS: Record<ProductListField, keyof ProductSummary> = { image: "imageUrl", category: "categoryId", price: "price", stock: "stock", modified: "modifiedAt" };

const ids = (rows: ProductSummary[]) => rows.map((row) => row.id);
const lastWord = (title: string) => title.trim().split(/\s+/).at(-1)!;

describe.each(PLATFORM_IDS)("browsing products on %s", (id) => {
  let shop: Shop;
  /** Items 2,000 to 2,099 of the unfiltered list, as one page of 100. */
  let reference: ProductSummary[];
  /** How many products the unfiltered list has (the platform may leave some of the shop's out, e.g. deleted ones). */
  let total: number;

  beforeAll(async () => {
    ({ shop } = await linkShop(id));
    const { page, problems } = await browse(shop, "page=21&pageSize=100");
    expect(problems).toEqual([]);
    expect(page.total).toBeGreaterThan(PRODUCTS * 0.8);
    expect(page.total).toBeLessThanOrEqual(PRODUCTS);
    ({ items: reference, total } = page);
  });

  it("declares the platform's own page limits", () => {
    const { products } = shop.metadata.capabilities;
    expect(products.maxPageSize).toBe(LIMITS[id].maxPageSize);
    expect(products.maxWindow).toBe(LIMITS[id].maxWindow);
  });

  it("lists exactly the fields its metadata says, so the table offers no column that stays empty", () => {
    const { listFields } = shop.metadata.capabilities.products;
    for (const field of PRODUCT_LIST_FIELDS) {
      const filled = reference.filter((row) => row[SUMMARY_KEYS[field]] !== undefined).length;
      if (listFields.includes(field)) expect(filled, `${field} on some of 100 rows`).toBeGreaterThan(0);
      else expect(filled, `${field}, which the list leaves out`).toBe(0);
    }
  });

  it("serves every portal page size at a deep offset complete, in one order and without duplicates", async () => {
    expect(reference).toHaveLength(100);
    expect(new Set(ids(reference)).size).toBe(100);
    for (const size of PRODUCT_PAGE_SIZES.filter((each) => each < 100)) {
      const pages = await Promise.all(Array.from({ length: 100 / size }, (_, index) => browse(shop, `page=${2000 / size + 1 + index}&pageSize=${size}`)));
      for (const each of pages) {
        expect(each.problems).toEqual([]);
        expect(each.page.items).toHaveLength(size);
        expect(each.page.total).toBe(total);
      }
      expect(pages.flatMap((each) => ids(each.page.items)), `pages of ${size}`).toEqual(ids(reference));
    }
  });

  it("finds products by a word of their title and by their id", async () => {
    const wanted = reference[37]!;
    const word = lastWord(wanted.title);
    const byTitle = await browse(shop, `q=${encodeURIComponent(word)}&pageSize=100`);
    expect(ids(byTitle.page.items)).toContain(wanted.id);
    expect(byTitle.page.total).toBeLessThan(total);
    for (const row of byTitle.page.items) expect(`${row.title} ${row.altTitle ?? ""}`.toLowerCase()).toContain(word.toLowerCase());

    const byId = await browse(shop, `q=${wanted.id}`);
    expect(ids(byId.page.items), "the id the table shows finds its product").toEqual([wanted.id]);
    expect(byId.page.total).toBe(1);
  });

  it("filters by display status where the platform can, and reports it where it cannot", async () => {
    if (!shop.metadata.capabilities.products.statusFilter) {
      const { plan, page } = await browse(shop, `status=${reference[0]!.status}`);
      expect(plan.problems.map((problem) => problem.param)).toEqual(["status"]);
      expect(plan.query.status).toBeUndefined();
      expect(page.total).toBe(total);
      return;
    }
    const found = new Map<string, number>();
    for (const status of DISPLAY_STATUSES) {
      const { plan, page } = await browse(shop, `status=${status}&pageSize=50`);
      expect(plan.problems).toEqual([]);
      for (const row of page.items) expect(row.status).toBe(status);
      expect(page.items.length).toBe(Math.min(50, page.total));
      if (page.total) found.set(status, page.total);
    }
    for (const row of reference) expect(found.has(row.status), `${row.status} is found by its filter`).toBe(true);
    expect(found.size, "the shop has products in several statuses").toBeGreaterThan(1);
    // Every product has one display status, so the statuses' totals add up to the whole list, deleted products
    // aside where the unfiltered list leaves them out (Doudian's recycle bin).
    const sum = [...found.values()].reduce((counted, count) => counted + count, 0);
    expect([total, total + (found.get("deleted") ?? 0)]).toContain(sum);
  });

  it("reports the filters and orders the platform cannot serve, and applies those it can", async () => {
    const { products } = shop.metadata.capabilities;
    const sample = reference.find((row) => (row.categoryId || !products.categoryFilter) && (row.modifiedAt || !products.modifiedFilter))!;
    // Values for the filters the platform lacks only need to be well-formed.
    const category = sample.categoryId ?? "1000";
    const day = sample.modifiedAt?.slice(0, 10) ?? "2026-01-15";
    const { plan, page } = await browse(shop, `category=${category}&from=${day}&to=${day}&sort=modified.asc&pageSize=100`);
    const unsupported = [
      ...(products.categoryFilter ? [] : ["category"]),
      ...(products.modifiedFilter ? [] : ["from", "to"]),
      ...(products.sorts.includes("modified_asc") ? [] : ["sort"]),
    ];
    expect(plan.problems.map((problem) => problem.param).sort()).toEqual(unsupported.sort());
    expect(ids(page.items)).toContain(sample.id);
    const start = Date.parse(`${day}T00:00:00Z`);
    for (const row of page.items) {
      if (products.categoryFilter) expect(row.categoryId).toBe(category);
      if (products.modifiedFilter) expect(Date.parse(row.modifiedAt!) - start).toBeGreaterThanOrEqual(0);
      if (products.modifiedFilter) expect(Date.parse(row.modifiedAt!) - start).toBeLessThan(DAY_MS);
    }
    if (products.sorts.includes("modified_asc")) {
      const times = page.items.map((row) => Date.parse(row.modifiedAt!));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it("brings a page past the end back to the last page, and says so", async () => {
    const word = lastWord(reference[5]!.title);
    const first = await browse(shop, `q=${encodeURIComponent(word)}&pageSize=10`);
    const lastPage = Math.ceil(first.page.total / 10);
    const { query, page, problems } = await browse(shop, `q=${encodeURIComponent(word)}&pageSize=10&page=${lastPage + 7}`);
    expect(query.page).toBe(lastPage);
    expect(problems.map((problem) => problem.param)).toEqual(["page"]);
    expect(page.items.length).toBe(first.page.total - (lastPage - 1) * 10);
    if (lastPage === 1) expect(ids(page.items)).toEqual(ids(first.page.items));
  });

  it("keeps a deep page inside the platform's window, or brings it back from past the end", async () => {
    const { plan, query, page, problems } = await browse(shop, "page=150&pageSize=100");
    const { maxWindow } = shop.metadata.capabilities.products;
    if (maxWindow && maxWindow < 150 * 100) {
      // Doudian: page × size at most 10,000, so page 100 of 100 is the deepest, and it is served whole.
      expect(total).toBeGreaterThan(maxWindow);
      expect(plan.query.page).toBe(maxWindow / 100);
      expect(plan.problems.map((problem) => problem.param)).toEqual(["page"]);
      expect(problems).toEqual(plan.problems);
      // A filter that leaves fewer products than the window: one problem, naming the page the address asked for.
      const narrow = await browse(shop, "status=blocked&page=150&pageSize=100");
      expect(narrow.plan.query.page).toBe(maxWindow / 100);
      expect(narrow.page.total).toBeLessThan(maxWindow);
      expect(narrow.query.page).toBe(Math.ceil(narrow.page.total / 100));
      expect(narrow.problems).toEqual([{ param: "page", value: "150", message: expect.stringMatching(/^There are only \d+ pages; showing the last one\.$/) }]);
      const halves = await Promise.all([199, 200].map((half) => browse(shop, `page=${half}&pageSize=50`)));
      expect(ids(page.items)).toEqual(halves.flatMap((half) => ids(half.page.items)));
      expect(new Set(ids(page.items)).size).toBe(100);
      const refused = await failureOf(shop.connector.listProducts({ page: 150, pageSize: 100 }));
      expect(refused.kind).toBe("request");
    } else {
      expect(plan.problems).toEqual([]);
      expect(query.page).toBe(Math.ceil(total / 100));
      expect(problems.map((problem) => problem.param)).toEqual(["page"]);
      expect(page.items).toHaveLength(total - (query.page - 1) * 100);
    }
  });

  it("turns a link the platform no longer accepts into a Reconnect problem, not an exception", async () => {
    const { shop: revoked, sellerId } = await linkShop(id, 1);
    await endSellerTokens(sandbox.url, id, sellerId, "all");

    const first = await attempt(revoked, () => loadProductPage(revoked, { page: 1, pageSize: 25 }));
    expect(first.ok).toBe(false);
    if (!first.ok) expect(first.problem.reconnect).toBe(true);
    const row = await db().marketplaceAccount.findUniqueOrThrow({ where: { id: revoked.account.id } });
    expect(row.status).toBe("needs_relink");

    // Opened again, as the next page view does: the link is known to be dead and the platform is not asked.
    const reopened = await openShop(team, revoked.account.id);
    expect(reopened.account.health).toBe("needs_relink");
    const again = await attempt(reopened, () => loadProductPage(reopened, { page: 1, pageSize: 25 }));
    expect(again).toMatchObject({ ok: false, problem: { reconnect: true, platformCode: "needs_relinking" } });
  });
});
