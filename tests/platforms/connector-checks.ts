// Checks of a linked connector that hold on every platform, each in the platform's own terms (its page limit, its
// filters, its batch maximum, its throttling), shared by the per-platform tests: what differs is passed in.
import { expect } from "vitest";
import type { MarketplaceError } from "@/lib/marketplaces/errors";
import type { AppConfig, PlatformAdapter } from "@/lib/marketplaces/platform";
import type { CategoryNode, Connector, LinkedSeller, PlatformId, ProductDetail, ProductQuery, ProductSummary, TokenSet } from "@/lib/marketplaces/types";
import { connectorFor, consentCode, failureOf, recordCalls, setKnobs, sleep, type SentCall } from "../support/sandbox";

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

/** Runs `work` and says which HTTP calls it made. */
export async function callsDuring<T>(work: () => Promise<T>): Promise<{ result: T; calls: SentCall[] }> {
  const recorder = recordCalls();
  try {
    return { result: await work(), calls: recorder.calls };
  } finally {
    recorder.stop();
  }
}

/** Runs `work` and fails when it reached the platform: refusals the connector makes on its own. */
export async function withoutCalls(work: () => Promise<void>): Promise<void> {
  const { calls } = await callsDuring(work);
  expect(calls.map((call) => call.url.pathname)).toEqual([]);
}

/**
 * Portal pages of these sizes at these page numbers hold exactly their slice of `whole`, and the platform was asked
 * for pages of at most `maxPageSize` (the size of each call as `pageSizeOf` reads it).
 */
export async function expectWindows(connector: Connector, whole: readonly ProductSummary[], windows: readonly (readonly [page: number, pageSize: number])[], maxPageSize: number, pageSizeOf: (call: SentCall) => number) {
  for (const [page, pageSize] of windows) {
    const { result, calls } = await callsDuring(() => connector.listProducts({ page, pageSize }));
    const start = (page - 1) * pageSize;
    expect(result.total).toBe(whole.length);
    expect(ids(result.items)).toEqual(ids(whole.slice(start, start + pageSize)));
    for (const size of calls.map(pageSizeOf)) {
      expect(size).toBeGreaterThanOrEqual(1);
      expect(size).toBeLessThanOrEqual(maxPageSize);
    }
  }
  expect(await connector.listProducts({ page: Math.ceil(whole.length / 100) + 1, pageSize: 100 })).toEqual({ items: [], total: whole.length });
}

/** A word of `first`'s title finds only titles holding it, whatever its case; `idSearch` with spaces around finds `first` alone. */
export async function expectSearch(connector: Connector, first: ProductSummary, word: string, idSearch = first.id) {
  const byTitle = await connector.listProducts({ page: 1, pageSize: 100, search: word.toUpperCase() });
  expect(ids(byTitle.items)).toContain(first.id);
  expect(byTitle.items.every((item) => item.title.toLowerCase().includes(word.toLowerCase()))).toBe(true);
  expect(await connector.listProducts({ page: 1, pageSize: 10, search: ` ${idSearch} ` })).toEqual({ items: [first], total: 1 });
}

/**
 * In a list of newest change first (`query` picks one), the products modified between the 41st's time and the 11th's,
 * both included, are the 11th to the 41st; a date that is not one is refused before calling.
 */
export async function expectModifiedRange(connector: Connector, query: Omit<ProductQuery, "page" | "pageSize"> = {}) {
  const { items } = await connector.listProducts({ ...query, page: 1, pageSize: 99 });
  const [newest, oldest] = [items[10]!, items[40]!];
  const within = await connector.listProducts({ ...query, page: 1, pageSize: 99, modifiedFrom: oldest.modifiedAt, modifiedTo: newest.modifiedAt });
  expect(ids(within.items)).toEqual(ids(items.slice(10, 41)));
  await withoutCalls(async () => {
    expect(await failureOf(connector.listProducts({ ...query, page: 1, pageSize: 10, modifiedTo: "last tuesday" }))).toMatchObject({ kind: "request", code: "invalid_date" });
  });
}

/** What every product detail holds: the listed product, its images, SKUs in `currency` whose stock adds up, and its category path to the leaf. */
export function expectDetail(product: ProductDetail, listed: ProductSummary, currency: string) {
  expect(product).toMatchObject({ id: listed.id, title: listed.title, status: listed.status, native: listed.native, modifiedAt: listed.modifiedAt });
  expect(product.images.length).toBeGreaterThan(0);
  expect(product.imageUrl).toBe(product.images[0]);
  expect(product.skus.length).toBeGreaterThan(0);
  for (const sku of product.skus) {
    expect(sku.price).toEqual({ amount: expect.stringMatching(/^\d+\.\d{2}$/), currency });
    expect(sku.stock).toBeGreaterThanOrEqual(0);
  }
  expect(product.stock).toBe(product.skus.reduce((sum, sku) => sum + sku.stock!, 0));
  expect(product.categoryPath.map((node) => node.level)).toEqual([1, 2, 3]);
  expect(product.categoryPath[0]!.parentId).toBeNull();
  expect(product.categoryPath[2]).toMatchObject({ id: product.categoryId, leaf: true, parentId: product.categoryPath[1]!.id });
}

/** Walks from the roots down the last child of each level to the leaves, each level knowing its depth and parent. */
export async function walkToLeaves(connector: Connector): Promise<CategoryNode[]> {
  let nodes = await connector.listCategories(null);
  expect(nodes.every((node) => node.level === 1 && node.parentId === null && !node.leaf)).toBe(true);
  for (let level = 2; level <= 3; level++) {
    const parent = nodes.at(-1)!;
    nodes = await connector.listCategories(parent.id);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node) => node.level === level && node.parentId === parent.id)).toBe(true);
  }
  expect(nodes.every((node) => node.leaf)).toBe(true);
  return nodes;
}

/** Refused before any call: a batch one over the maximum (`tooMany`), and a ticket to check; none is done at once. */
export async function expectStatusChangeLimits(connector: Connector, tooMany: string[]) {
  await withoutCalls(async () => {
    expect(await failureOf(connector.changeStatus(tooMany, "offline"))).toMatchObject({ kind: "request", code: "batch_too_large" });
    expect(await connector.changeStatus([], "online")).toEqual({ kind: "done", results: [] });
    expect(await failureOf(connector.checkStatusChange("any"))).toMatchObject({ kind: "request", code: "no_ticket" });
  });
}

/**
 * Throttled over an account's rate while another account goes on, then over the app's rate shared by both; both
 * failures are returned for the platform's own code. The app's bucket is left empty.
 */
export async function expectRateLimits(sandboxUrl: string, platform: PlatformId, [first, second]: [Connector, Connector], call: (connector: Connector) => Promise<unknown>): Promise<{ account: MarketplaceError; app: MarketplaceError }> {
  await setKnobs(sandboxUrl, { rateLimits: { [platform]: { account: { requests: 2, perSeconds: 60 } } } });
  await call(first);
  await call(first);
  const account = await failureOf(call(first));
  await call(second);
  // A changed limit starts its buckets afresh: each account has three calls again, the app one for both.
  await setKnobs(sandboxUrl, { rateLimits: { [platform]: { account: { requests: 3, perSeconds: 60 }, app: { requests: 1, perSeconds: 60 } } } });
  await call(second);
  const app = await failureOf(call(first));
  for (const error of [account, app]) {
    expect(error.kind).toBe("throttled");
    expect(error.systemic).toBe(true);
  }
  return { account, app };
}

/** A code nobody issued, and a code exchanged once already: both refused as auth failures, returned for their codes. */
export async function codeRefusals(adapter: PlatformAdapter, app: AppConfig): Promise<{ unknown: MarketplaceError; reused: MarketplaceError }> {
  const unknown = await failureOf(adapter.oauth.exchangeCode(app, { code: "no-such-code" }));
  const consented = await consentCode(adapter, app);
  await adapter.oauth.exchangeCode(app, consented);
  const reused = await failureOf(adapter.oauth.exchangeCode(app, consented));
  for (const error of [unknown, reused]) {
    expect(error.kind).toBe("auth");
    expect(error.message).not.toContain(consented.code);
  }
  return { unknown, reused };
}

/** The failure of a list call with an access token that has expired: lifetimes are scaled so that a fresh one lives 50 ms. */
export async function expiredTokenFailure(sandboxUrl: string, adapter: PlatformAdapter, app: AppConfig, linked: { tokens: TokenSet; seller: LinkedSeller }): Promise<MarketplaceError> {
  const lifetimeSeconds = (linked.tokens.accessTokenExpiresAt!.getTime() - Date.now()) / 1000;
  await setKnobs(sandboxUrl, { tokenTtlScale: 0.05 / lifetimeSeconds });
  const shortLived = await adapter.oauth.refresh(app, linked.tokens.refreshToken!);
  await sleep(100);
  const expired = await failureOf(connectorFor(adapter, app, shortLived.accessToken, linked.seller.sellerId).listProducts({ page: 1, pageSize: 5 }));
  expect(expired.kind).toBe("auth");
  expect(expired.systemic).toBe(true);
  return expired;
}
