// The shop's products through product/listV2: the portal's filters in listV2's terms, and any portal page
// stitched from listV2's pages (numbered 1 to 100, of 1 to 100 products; the connector keeps the window within
// the first 10 000). A portal status that takes two native filters (offline is "offline and approved" or
// "approved, waiting to be listed") is listed filter after filter, as one list.
import { fetchWindowAcross, type PageFetch } from "../paging";
import { splitSearch } from "../search";
import type { Money, ProductPage, ProductQuery, ProductSummary } from "../types";
import { refuse, type DoudianApi } from "./client";
import { MAX_PAGE, MAX_PAGE_SIZE } from "./metadata";
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
  const search = splitSearch(query.search, PRODUCT_ID);
  return { ...dateFilters(query), name: search.title, product_id: search.id === undefined ? undefined : [search.id] };
}

export async function listProducts(api: DoudianApi, query: ProductQuery): Promise<ProductPage> {
  const base = baseFilters(query);
  const filtered = (filter: NativeFilter): PageFetch<ProductSummary> => async (page, size) => {
    const answer = await api.call("/product/listV2", { ...base, ...filter, page, size }, productPageSchema, "the product list");
    return { items: answer.data.map(summary), total: answer.total };
  };
  const filters: NativeFilter[] = query.status ? STATUS_FILTERS[query.status] : [{}];
  return fetchWindowAcross(filters.map(filtered), (query.page - 1) * query.pageSize, query.pageSize, MAX_PAGE_SIZE, MAX_PAGE);
}
