// The shop's products through product/listV2: the portal's filters in listV2's terms, and any portal page
// stitched from calls within listV2's paging rule. A portal status that takes two native filters (offline is
// "offline and approved" or "approved, waiting to be listed") is listed filter after filter, as one list.
import type { Money, ProductPage, ProductQuery, ProductSummary } from "../types";
import { refuse, type DoudianApi } from "./client";
import { MAX_WINDOW } from "./metadata";
import { pagesFor } from "./paging";
import { productPageSchema, type CategoryDetail, type ListedProduct, type ProductDetail } from "./schemas";
import { STATUS_FILTERS, statusOf, type NativeFilter } from "./statuses";

/** Product ids are 19 digits; a search of 19 digits is looked up as an id, anything else as a title. */
export const PRODUCT_ID = /^\d{19}$/;

/** Fen, as Doudian counts money, in yuan. */
export const yuan = (fen: number): Money => ({ amount: (fen / 100).toFixed(2), currency: "CNY" });

/** The deepest category the product sits in: its leaf. */
export function leafCategoryId(detail: CategoryDetail | null | undefined): string | undefined {
  if (!detail) return undefined;
  return [detail.fourth_cid, detail.third_cid, detail.second_cid, detail.first_cid].find((id) => id && id !== "0") ?? undefined;
}

/** listV2 writes Unix seconds, product/detail Beijing wall-clock text (`2025-03-01 09:30:00`). */
function isoTime(updateTime: number | string | null | undefined): string | undefined {
  if (updateTime === null || updateTime === undefined) return undefined;
  const ms = typeof updateTime === "number" ? updateTime * 1000 : Date.parse(`${updateTime.replace(" ", "T")}+08:00`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function summary(product: ListedProduct | ProductDetail): ProductSummary {
  return {
    id: product.product_id,
    title: product.name,
    ...statusOf(product.status, product.check_status),
    categoryId: leafCategoryId(product.category_detail),
    imageUrl: product.img || undefined,
    price: product.discount_price === null || product.discount_price === undefined ? undefined : yuan(product.discount_price),
    modifiedAt: isoTime(product.update_time),
  };
}

type Params = Record<string, unknown>;

/** listV2's update times are Unix seconds and exclude both bounds: widen by a second to include the portal's. */
function dateFilters(query: ProductQuery): Params {
  const seconds = (value: string | undefined, name: string, round: (ms: number) => number) => {
    if (!value) return undefined;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw refuse("invalid_filter", `${name} "${value}" is not a date`);
    return round(ms);
  };
  return {
    update_start_time: seconds(query.modifiedFrom, "modifiedFrom", (ms) => Math.ceil(ms / 1000) - 1),
    update_end_time: seconds(query.modifiedTo, "modifiedTo", (ms) => Math.floor(ms / 1000) + 1),
  };
}

function baseFilters(query: ProductQuery): Params {
  if (query.sort) throw refuse("unsupported_sort", `Doudian cannot sort products in the order "${query.sort}"`);
  if (query.categoryId) throw refuse("unsupported_filter", "Doudian cannot filter the product list by category");
  const search = query.search?.trim() || undefined;
  const byId = search !== undefined && PRODUCT_ID.test(search);
  return { ...dateFilters(query), name: byId ? undefined : search, product_id: byId ? [search] : undefined };
}

/** Products `from` to `to` of one native filter, and how many it has in all. */
async function listRange(api: DoudianApi, params: Params, from: number, to: number): Promise<ProductPage> {
  // Past the window, one product is asked for its total alone.
  const calls = to > from ? pagesFor(from, to) : [{ page: 1, size: 1, skip: 0, take: 0 }];
  const items: ProductSummary[] = [];
  let total = 0;
  for (const call of calls) {
    const answer = await api.call("/product/listV2", { ...params, page: call.page, size: call.size }, productPageSchema, "the product list");
    items.push(...answer.data.slice(call.skip, call.skip + call.take).map(summary));
    total = answer.total;
    if (answer.data.length < call.size) break;
  }
  return { items, total };
}

export async function listProducts(api: DoudianApi, query: ProductQuery): Promise<ProductPage> {
  const base = baseFilters(query);
  const filters: NativeFilter[] = query.status ? STATUS_FILTERS[query.status] : [{}];
  const start = (query.page - 1) * query.pageSize;
  const end = start + query.pageSize;
  if (end > MAX_WINDOW) {
    throw refuse("window_exceeded", `Doudian lists only the first ${MAX_WINDOW} products of a search (page × size ≤ ${MAX_WINDOW}); narrow the search instead`);
  }
  const page: ProductPage = { items: [], total: 0 };
  for (const filter of filters) {
    // Where this filter's products start in the stitched list.
    const offset = page.total;
    const part = await listRange(api, { ...base, ...filter }, Math.max(0, start - offset), Math.max(0, end - offset));
    page.items.push(...part.items);
    page.total += part.total;
  }
  return page;
}
