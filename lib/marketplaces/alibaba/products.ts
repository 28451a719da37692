// ICBU products: the list (`/alibaba/icbu/product/list`, stitched from pages of at most 30) and one product in full
// (`/icbu/product/get` with its quality score from `/icbu/product/score/get`). The portal's id of a product is its
// encrypted `product_id`, which every API but the list takes; the list searches by the plain numeric id, so a search
// for an encrypted id is decrypted first.
import type { DisplayStatus, NativeStatus, ProductDetail, ProductPage, ProductQuery, ProductSummary, Sku } from "../types";
import { attributeLines } from "../attribute-lines";
import { isoTime, platformTime, PRODUCT_ID, skuStock } from "../iop/listing";
import { fetchWindow } from "../paging";
import { splitSearch } from "../search";
import type { CategoryBrowser } from "./categories";
import type { IcbuApi } from "./client";
import { MAX_PRODUCTS_PER_PAGE } from "./metadata";
import { idAnswerSchema, productListSchema, productSchema, scoreSchema, type IcbuSku, type ProductBrief } from "./schemas";

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

// One word of letters and digits may be an encrypted id, which is what the portal shows; their shape is not published.
const MAYBE_ENCRYPTED_ID = /^(?=.*[A-Za-z])[0-9A-Za-z]{8,}$/;

/** The list's `id` or `subject` for a search: a plain id as it is, an encrypted one decrypted, anything else a title. */
async function searchFilter(api: IcbuApi, text: string | undefined): Promise<{ id?: string; subject?: string }> {
  const search = splitSearch(text, PRODUCT_ID);
  if (!search.title || !MAYBE_ENCRYPTED_ID.test(search.title)) return { id: search.id, subject: search.title };
  const { result } = await api("/alibaba/icbu/product/id/encrypt", { product_id: search.title, convert_type: 2 }, idAnswerSchema, "the product id");
  return result.success && result.id ? { id: result.id } : { subject: search.title };
}

/** One portal page, in as many calls as ICBU's 30 products a page need. */
export async function listProducts(api: IcbuApi, query: ProductQuery): Promise<ProductPage> {
  const dates = {
    gmt_modified_from: query.modifiedFrom && platformTime("alibaba", query.modifiedFrom, "modifiedFrom"),
    gmt_modified_to: query.modifiedTo && platformTime("alibaba", query.modifiedTo, "modifiedTo"),
  };
  // Required, and ENGLISH is the only language the list supports.
  const filters = { language: "ENGLISH", category_id: query.categoryId, ...dates, ...(await searchFilter(api, query.search)) };
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

export async function getProduct(api: IcbuApi, categories: CategoryBrowser, id: string): Promise<ProductDetail> {
  const { product } = (await api("/icbu/product/get", { product_get_request: JSON.stringify({ productId: id }) }, productSchema, "the product")).result;
  const [score, categoryPath] = await Promise.all([
    api("/icbu/product/score/get", { product_id: product.product_id }, scoreSchema, "the product's quality score"),
    product.category_id ? categories.path(product.category_id) : [],
  ]);
  const { final_score: value, boutique_tag: tag } = score.result;
  const price = product.wholesale_trade?.price;
  const skus = (product.product_sku?.skus ?? []).map(sku);
  return {
    ...summary(product),
    price: price ? { amount: price, currency: CURRENCY } : undefined,
    stock: skuStock(skus),
    images: product.main_image?.images ?? [],
    categoryPath,
    skus,
    quality: { score: value, label: (tag && BOUTIQUE_LABELS[tag]) || "Not rated" },
    attributes: attributeLines((product.attributes ?? []).map((row) => ({ name: row.attribute_name, value: row.value_name }))),
  };
}
