// How many products a shop has in each display status, for the overviews. The marketplaces have no count call:
// each count is the total of a one-item list page, one filtered by each status where the platform's list filters
// by status, else the total alone. Counts change slowly and cost several calls, so they are kept in the catalog
// cache for a few minutes and recounted on demand.
import { z } from "zod";
import { mapBounded } from "@/lib/concurrency";
import { DISPLAY_STATUSES, type DisplayStatus } from "@/lib/marketplaces/types";
import { readCacheEntry, writeCacheEntry } from "./cache-entry";
import type { Shop } from "./shop";

export const STATUS_COUNTS_FRESH_MS = 10 * 60 * 1000;
/** Calls in flight at once for one shop, and never more than the platform's per-account rate. */
const PARALLEL_CALLS = 3;
const KIND = "status-counts";

const countsSchema = z.object({
  total: z.number().int().nonnegative(),
  /** Null where the platform's list cannot be filtered by display status. */
  byStatus: z.record(z.enum(DISPLAY_STATUSES), z.number().int().nonnegative()).nullable(),
});

type Counts = z.infer<typeof countsSchema>;
export type StatusCounts = Counts & { fetchedAt: string };

async function countProducts(shop: Shop): Promise<Counts> {
  const { products, rateLimit } = shop.metadata.capabilities;
  const statuses = products.statusFilter ? DISPLAY_STATUSES : [];
  const count = (status: DisplayStatus | undefined) => shop.connector.listProducts({ page: 1, pageSize: 1, status }).then((page) => page.total);
  const [total, ...perStatus] = await mapBounded([undefined, ...statuses], Math.min(PARALLEL_CALLS, rateLimit.perAccount), count);
  return { total: total!, byStatus: products.statusFilter ? (Object.fromEntries(statuses.map((status, index) => [status, perStatus[index]!])) as Record<DisplayStatus, number>) : null };
}

/** The shop's counts: from the cache while fresh, else (or when `refresh`) counted anew through its connector. */
export async function statusCounts(shop: Shop, { refresh = false } = {}): Promise<StatusCounts> {
  const accountId = shop.account.id;
  if (!refresh) {
    const cached = await readCacheEntry(accountId, KIND, "", countsSchema);
    if (cached && Date.now() - Date.parse(cached.fetchedAt) < STATUS_COUNTS_FRESH_MS) return { ...cached.data, fetchedAt: cached.fetchedAt };
  }
  const { data, fetchedAt } = await writeCacheEntry(accountId, KIND, "", await countProducts(shop));
  return { ...data, fetchedAt };
}
