// The dry run: the selection's products as the platform lists them now, each with its verdict. Creating a job runs
// the same plan and stores one item per product, so what the user confirmed is what the job does.
import { mapBounded } from "@/lib/concurrency";
import { AppError } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import { MarketplaceError } from "@/lib/marketplaces/errors";
import type { NativeStatus, PlatformMetadata, ProductSummary, StatusTarget } from "@/lib/marketplaces/types";
import { classify, type Verdict } from "./classify";
import { MAX_JOB_ITEMS, type JobRequest, type ProductFilter, type Selection } from "./selection";
import type { BulkShop } from "./shop";

/** Platform calls a dry run makes at once (each still waits for the limits). */
const READ_CONCURRENCY = 4;
const SAMPLE_SIZE = 10;

export type ProductSample = { id: string; title: string; status: ProductSummary["status"]; native: NativeStatus };

export type Plan = {
  target: StatusTarget;
  /** Products in the selection, found or not. */
  total: number;
  counts: { change: number; already: number; cannot: number; notFound: number };
  /** Why products cannot change, most frequent first. */
  reasons: { code: string; reason: string; count: number }[];
  samples: { change: ProductSample[]; already: ProductSample[]; cannot: (ProductSample & { code: string; reason: string })[]; notFound: string[] };
};

export type PlannedItem = { product: ProductSummary; verdict: Verdict };

export type PreparedJob = { plan: Plan; items: PlannedItem[]; notFound: string[] };

/** Refuses a target the platform's display-status capability does not offer. */
export function checkTarget(metadata: PlatformMetadata, target: StatusTarget): void {
  const capability = metadata.capabilities.displayStatus;
  if (!capability) throw new AppError("bad_request", `${metadata.name} does not let the portal change display status.`);
  if (!capability.targets.includes(target)) throw new AppError("bad_request", `${metadata.name} does not let the portal put products ${target}.`);
}


type Listing = { items: ProductSummary[]; total: number };

const listPage = (shop: BulkShop, filter: ProductFilter, page: number): Promise<Listing> =>
  shop.call((connector) => connector.listProducts({ ...filter, page, pageSize: shop.metadata.capabilities.products.maxPageSize }));

/** The list's first `upTo` products, given its first page; the other pages are read a few at a time. */
async function listRest(shop: BulkShop, filter: ProductFilter, first: Listing, upTo: number): Promise<ProductSummary[]> {
  const pageCount = Math.ceil(upTo / shop.metadata.capabilities.products.maxPageSize);
  const pages = Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) => index + 2);
  const rest = await mapBounded(pages, READ_CONCURRENCY, async (page) => (await listPage(shop, filter, page)).items);
  const unique = new Map([...first.items, ...rest.flat()].map((product) => [product.id, product]));
  return [...unique.values()];
}

/** Every product matching the table's filters. */
async function listMatching(shop: BulkShop, filter: ProductFilter): Promise<ProductSummary[]> {
  const { name, capabilities } = shop.metadata;
  const { maxWindow } = capabilities.products;
  const first = await listPage(shop, filter, 1);
  if (!first.total) throw new AppError("validation_failed", "No product matches these filters.");
  if (first.total > MAX_JOB_ITEMS) {
    throw new AppError("validation_failed", `${formatCount(first.total)} products match; one job takes at most ${formatCount(MAX_JOB_ITEMS)}. Narrow the filters.`);
  }
  if (maxWindow && first.total > maxWindow) {
    throw new AppError("validation_failed", `${name} lists only the first ${formatCount(maxWindow)} products of a filter, and ${formatCount(first.total)} match. Narrow the filters.`);
  }
  return listRest(shop, filter, first, first.total);
}

const summaryOf = ({ id, title, altTitle, status, native }: ProductSummary): ProductSummary => ({ id, title, altTitle, status, native });

/** The product, or null when the platform says it has none by that id. */
async function readOne(shop: BulkShop, id: string): Promise<ProductSummary | null> {
  try {
    return summaryOf(await shop.call((connector) => connector.getProduct(id)));
  } catch (error) {
    if (error instanceof MarketplaceError && !error.systemic) return null;
    throw error;
  }
}

/**
 * Chosen rows. Reading the whole list costs a call per page, reading products one by one a call each: the cheaper
 * way is taken, and ids the list did not show (beyond its window, or left out of it, such as deleted products) are
 * read one by one.
 */
async function readIds(shop: BulkShop, ids: readonly string[]): Promise<{ products: ProductSummary[]; notFound: string[] }> {
  const { maxPageSize, maxWindow } = shop.metadata.capabilities.products;
  const found = new Map<string, ProductSummary>();
  if (ids.length > 1) {
    const first = await listPage(shop, {}, 1);
    const listed = Math.min(first.total, maxWindow ?? first.total);
    if (Math.ceil(listed / maxPageSize) < ids.length) {
      const wanted = new Set(ids);
      for (const product of await listRest(shop, {}, first, listed)) if (wanted.has(product.id)) found.set(product.id, product);
    }
  }
  const rest = ids.filter((id) => !found.has(id));
  const read = await mapBounded(rest, READ_CONCURRENCY, (id) => readOne(shop, id));
  rest.forEach((id, index) => read[index] && found.set(id, read[index]));
  return { products: ids.flatMap((id) => found.get(id) ?? []), notFound: ids.filter((id) => !found.has(id)) };
}

async function readSelection(shop: BulkShop, selection: Selection): Promise<{ products: ProductSummary[]; notFound: string[] }> {
  if ("ids" in selection) return readIds(shop, selection.ids);
  return { products: await listMatching(shop, selection.allMatching), notFound: [] };
}

const sample = (product: ProductSummary): ProductSample => ({ id: product.id, title: product.title, status: product.status, native: product.native });

export function summarize(target: StatusTarget, items: readonly PlannedItem[], notFound: readonly string[]): Plan {
  const of = (kind: Verdict["kind"]) => items.filter((item) => item.verdict.kind === kind);
  const reasons = new Map<string, Plan["reasons"][number]>();
  const cannot = of("cannot").map(({ product, verdict }) => {
    const { code, reason } = verdict as Extract<Verdict, { kind: "cannot" }>;
    const entry = reasons.get(code) ?? { code, reason, count: 0 };
    entry.count++;
    reasons.set(code, entry);
    return { ...sample(product), code, reason };
  });
  return {
    target,
    total: items.length + notFound.length,
    counts: { change: of("change").length, already: of("already").length, cannot: cannot.length, notFound: notFound.length },
    reasons: [...reasons.values()].sort((a, b) => b.count - a.count),
    samples: {
      change: of("change").slice(0, SAMPLE_SIZE).map((item) => sample(item.product)),
      already: of("already").slice(0, SAMPLE_SIZE).map((item) => sample(item.product)),
      cannot: cannot.slice(0, SAMPLE_SIZE),
      notFound: notFound.slice(0, SAMPLE_SIZE),
    },
  };
}

/** Reads and classifies the selection on the shop. */
export async function prepare(shop: BulkShop, request: JobRequest): Promise<PreparedJob> {
  checkTarget(shop.metadata, request.target);
  const { products, notFound } = await readSelection(shop, request.selection);
  const items = products.map((product) => ({ product, verdict: classify(product.status, request.target) }));
  return { plan: summarize(request.target, items, notFound), items, notFound };
}
