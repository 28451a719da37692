// Products: the seller's list (alibaba.product.list.get, stitched from pages of at most 20) and one product
// in full (alibaba.product.get), with its category path, attributes, SKUs and quality stars.
import { MarketplaceError } from "../errors";
import { attributeLines } from "../attribute-lines";
import { fetchWindow } from "../paging";
import { splitSearch } from "../search";
import type { Money, ProductDetail, ProductPage, ProductQuery, ProductSort, ProductSummary, Sku } from "../types";
import type { CategoryBrowser } from "./categories";
import type { AopApi, Params } from "./client";
import { formatAopDate, parseAopDate } from "./dates";
import { MAX_PRODUCTS_PER_PAGE } from "./metadata";
import { productAnswerSchema, productListAnswerSchema, type ProductInfo, type Sku1688 } from "./schemas";
import { statusListFor, statusOf } from "./statuses";

const CURRENCY = "CNY";
/** Picture paths in answers are relative to 1688's image host. */
const IMAGE_HOST = "https://cbu01.alicdn.com/";

// Product ids are 12 digits today; a title search is not a bare run of nine or more digits.
const PRODUCT_ID = /^\d{9,}$/;

type Order = { orderByCondition: string; orderByType: string };

// "To traverse every product, only ID order will do" (list.get's description): pages stitched without a sort
// the portal asked for are read in ID order, newest first, so that none is skipped or seen twice.
const BY_ID: Order = { orderByCondition: "ID", orderByType: "DESC" };

/** The sorts the metadata offers; the connector refuses the others before calling. */
const SORTS: Partial<Record<ProductSort, Order>> = {
  modified_desc: { orderByCondition: "MODIFY_DATE", orderByType: "DESC" },
  modified_asc: { orderByCondition: "MODIFY_DATE", orderByType: "ASC" },
};

const refuse = (code: string, message: string) => new MarketplaceError({ platform: "1688", kind: "request", code, message });

/** A portal date (`2025-01-31` or a full ISO time) as a 1688 date. */
function aopDate(value: string, field: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw refuse("invalid_date", `${field} "${value}" is not a date`);
  return formatAopDate(time);
}

/** The query's filters in list.get's parameters, or null when no product can match. */
function listFilters(query: ProductQuery): Params | null {
  const sort = (query.sort && SORTS[query.sort]) || BY_ID;
  const statusList = query.status ? statusListFor(query.status) : undefined;
  if (statusList === null) return null;
  const search = splitSearch(query.search, PRODUCT_ID);
  return {
    statusList: statusList && JSON.stringify(statusList),
    categoryId: query.categoryId,
    startModifyTime: query.modifiedFrom && aopDate(query.modifiedFrom, "modifiedFrom"),
    endModifyTime: query.modifiedTo && aopDate(query.modifiedTo, "modifiedTo"),
    productIds: search.id && `[${search.id}]`,
    subjectKey: search.title,
    ...sort,
  };
}

const listRefusal = (answer: { success: boolean; code?: string | null; message?: string | null }) =>
  answer.success ? null : { code: answer.code || "list_refused", message: answer.message || "1688 refused the product list" };

/** One page of list.get, of at most 20. */
export async function productPage(api: AopApi, params: Params, pageNo: number, pageSize = MAX_PRODUCTS_PER_PAGE): Promise<{ items: ProductInfo[]; total: number }> {
  const answer = await api.call("alibaba.product.list.get", { ...params, pageNo: String(pageNo), pageSize: String(pageSize) }, productListAnswerSchema, "the product list", listRefusal);
  const page = answer.result?.pageResult;
  return { items: page?.resultList ?? [], total: page?.totalRecords ?? 0 };
}

const imageUrl = (path: string) => (/^https?:\/\//.test(path) ? path : IMAGE_HOST + path.replace(/^\//, ""));

function money(value: number | string | null | undefined): Money | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  // referencePrice may be a range such as "12.50~30.00": the lowest price stands for the product.
  const amount = typeof value === "number" ? value.toFixed(2) : value.split("~")[0]!.trim();
  return { amount, currency: CURRENCY };
}

const isoDate = (text: string | null | undefined) => (text ? parseAopDate(text)?.toISOString() : undefined);

function summary(product: ProductInfo): ProductSummary {
  const images = product.image?.images ?? [];
  return {
    id: product.productID,
    title: product.subject,
    ...statusOf(product.status),
    categoryId: product.categoryID ?? undefined,
    imageUrl: images[0] ? imageUrl(images[0]) : undefined,
    price: money(product.saleInfo?.priceRanges?.[0]?.price ?? product.referencePrice),
    stock: product.saleInfo?.amountOnSale ?? undefined,
    modifiedAt: isoDate(product.modifyTime ?? product.lastUpdateTime),
  };
}

/** One portal page, in as many calls of at most 20 as it spans. */
export async function listProducts(api: AopApi, query: ProductQuery): Promise<ProductPage> {
  const filters = listFilters(query);
  if (!filters) return { items: [], total: 0 };
  const window = await fetchWindow((pageNo, pageSize) => productPage(api, filters, pageNo, pageSize), (query.page - 1) * query.pageSize, query.pageSize, MAX_PRODUCTS_PER_PAGE);
  return { items: window.items.map(summary), total: window.total };
}

function sku(item: Sku1688): Sku {
  const attributes = Object.fromEntries((item.attributes ?? []).map((attribute) => [attribute.attributeDisplayName || attribute.attributeName || "", attribute.attributeValue]));
  return {
    id: item.skuId,
    name: Object.values(attributes).join(" / ") || item.cargoNumber || item.skuId,
    price: money(item.price),
    stock: item.amountOnSale ?? undefined,
    attributes,
  };
}

export async function getProduct(api: AopApi, categories: CategoryBrowser, id: string): Promise<ProductDetail> {
  const answer = await api.call("alibaba.product.get", { productID: id, webSite: "1688" }, productAnswerSchema, "the product", (found) =>
    found.success === false || !found.productInfo ? { code: found.errorCode || "product_not_found", message: found.errMsg || `1688 has no product ${id} for this seller` } : null,
  );
  const product = answer.productInfo!;
  const quality = product.qualityLevel;
  return {
    ...summary(product),
    images: (product.image?.images ?? []).map(imageUrl),
    categoryPath: product.categoryID ? await categories.path(product.categoryID) : [],
    skus: (product.skuInfos ?? []).map(sku),
    quality: quality === null || quality === undefined ? undefined : { score: quality, label: `${quality} of 5 quality stars (质量星级)` },
    attributes: attributeLines((product.attributes ?? []).flatMap((attribute) => (attribute.value ? [{ name: attribute.attributeName, value: attribute.value }] : []))),
  };
}
