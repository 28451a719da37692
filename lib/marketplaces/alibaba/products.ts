// ICBU products: the list (`/alibaba/icbu/product/list`, stitched from pages of at most 30) and one product in full
// (`/icbu/product/get` with its quality score from `/icbu/product/score/get`). The portal's id of a product is its
// encrypted `product_id`, which every API but the list takes; the plain numeric id is searchable.
import type { DisplayStatus, NativeStatus, ProductDetail, ProductPage, ProductQuery, ProductSummary, Sku } from "../types";
import { fetchWindow } from "../iop/paging";
import { checkSort, isoTime, looksLikeProductId, platformTime, requestRefused } from "../iop/listing";
import type { CategoryBrowser } from "./categories";
import type { IcbuApi } from "./client";
import { MAX_PRODUCTS_PER_PAGE, metadata } from "./metadata";
import { productListSchema, productSchema, scoreSchema, type IcbuProduct, type IcbuSku, type ProductBrief } from "./schemas";

// ICBU prices are in US dollars ("价格，单位是美元").
const CURRENCY = "USD";

/** `status` besides approved: in review (new, modified), refused in review (tbd), or a draft (sketch). */
const UNAPPROVED: Record<string, { status: DisplayStatus; label: string }> = {
  new: { status: "pending", label: "New, in review" },
  modified: { status: "pending", label: "Modified, in review" },
  tbd: { status: "blocked", label: "Refused in review" },
  sketch: { status: "draft", label: "Draft" },
};

/** `boutique_tag`: 1 premium, 2 normal, 3 low quality, 4 "strong" product. */
const BOUTIQUE_LABELS: Record<number, string> = { 1: "Premium", 2: "Normal", 3: "Low quality", 4: "Strong product" };

/** The native state is two fields, kept together as `status:display` (e.g. `approved:Y`). */
function statusOf(product: ProductBrief): { status: DisplayStatus; native: NativeStatus } {
  const code = `${product.status}:${product.display}`;
  if (product.status === "approved") {
    const shown = product.display === "Y";
    return { status: shown ? "online" : "offline", native: { code, label: shown ? "Approved, on display" : "Approved, off display" } };
  }
  const known = UNAPPROVED[product.status];
  return { status: known?.status ?? "unknown", native: { code, label: known?.label ?? code } };
}

function summary(product: ProductBrief): ProductSummary {
  return {
    id: product.product_id,
    title: product.subject,
    ...statusOf(product),
    categoryId: product.category_id ?? undefined,
    imageUrl: product.main_image?.images?.[0],
    modifiedAt: isoTime(product.gmt_modified),
  };
}

/** One portal page, in as many calls as ICBU's 30 products a page need. */
export async function listProducts(api: IcbuApi, query: ProductQuery): Promise<ProductPage> {
  checkSort("alibaba", query, metadata.capabilities.products.sorts);
  if (query.status) throw requestRefused("alibaba", "unsupported_filter", "the product list cannot be filtered by display status");
  const search = query.search?.trim() || undefined;
  const byId = search !== undefined && looksLikeProductId(search);
  const filters = {
    id: byId ? search : undefined,
    subject: byId ? undefined : search,
    category_id: query.categoryId,
    gmt_modified_from: query.modifiedFrom && platformTime(query.modifiedFrom),
    gmt_modified_to: query.modifiedTo && platformTime(query.modifiedTo),
  };
  const fetchPage = async (page: number, pageSize: number) => {
    const { result } = await api("/alibaba/icbu/product/list", { ...filters, current_page: page, page_size: pageSize }, productListSchema, "the product list");
    return { items: (result.products ?? []).map(summary), total: result.total_item };
  };
  return fetchWindow(fetchPage, (query.page - 1) * query.pageSize, query.pageSize, MAX_PRODUCTS_PER_PAGE);
}

function sku(entry: IcbuSku): Sku {
  const attributes = entry.attr2_value ?? {};
  const price = entry.bulk_discount_prices?.[0]?.price;
  const stock = entry.inventory_dto_list?.reduce((sum, inventory) => sum + inventory.inventory, 0);
  return { id: entry.sku_id, name: Object.values(attributes).join(" / ") || entry.sku_code || entry.sku_id, price: price ? { amount: price, currency: CURRENCY } : undefined, stock, attributes };
}

/** One line per attribute, its values joined, in the product's order. */
function attributeLines(product: IcbuProduct): { name: string; value: string }[] {
  const lines = new Map<string, string[]>();
  for (const row of product.attributes ?? []) lines.set(row.attribute_name, [...(lines.get(row.attribute_name) ?? []), row.value_name]);
  return [...lines].map(([name, values]) => ({ name, value: values.join(", ") }));
}

export async function getProduct(api: IcbuApi, categories: CategoryBrowser, id: string): Promise<ProductDetail> {
  const { product } = (await api("/icbu/product/get", { product_get_request: JSON.stringify({ productId: id }) }, productSchema, "the product")).result;
  const [score, categoryPath] = await Promise.all([
    api("/icbu/product/score/get", { product_id: product.product_id }, scoreSchema, "the product's quality score"),
    product.category_id ? categories.path(product.category_id) : [],
  ]);
  const { final_score: value, boutique_tag: tag } = score.result;
  const price = product.wholesale_trade?.price;
  return {
    ...summary(product),
    price: price ? { amount: price, currency: CURRENCY } : undefined,
    images: product.main_image?.images ?? [],
    categoryPath,
    skus: (product.product_sku?.skus ?? []).map(sku),
    quality: { score: value, label: (tag && BOUTIQUE_LABELS[tag]) || "Not rated" },
    attributes: attributeLines(product),
  };
}
