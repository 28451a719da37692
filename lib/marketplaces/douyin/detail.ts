// One product in full: product/detail for the product, its SKUs and its property values, the leaf
// category's properties to name those values, and product/qualityList for its quality score.
import { MarketplaceError } from "../errors";
import { parseAnswer, parseJsonLossless } from "../http";
import type { CategoryNode, ProductDetail, Sku } from "../types";
import type { CategoryBrowser } from "./categories";
import { refuse, type DoudianApi } from "./client";
import { leafCategoryId, PRODUCT_ID, summary, yuan } from "./products";
import { productDetailSchema, productFormatSchema, qualityListSchema, type CategoryDetail, type CategoryProperty, type DoudianSku } from "./schemas";

// qualityList's task_id is retired but still required; the documentation says to send this.
const RETIRED_TASK_ID = 9_999_999_999;

/** The product's category path, from `category_detail` (first to fourth level, 0 where the tree ends). */
function categoryPath(detail: CategoryDetail | null | undefined): CategoryNode[] {
  if (!detail) return [];
  const levels = [
    [detail.first_cid, detail.first_cname],
    [detail.second_cid, detail.second_cname],
    [detail.third_cid, detail.third_cname],
    [detail.fourth_cid, detail.fourth_cname],
  ].flatMap(([id, name]) => (id && id !== "0" ? [{ id, name: name ?? id }] : []));
  return levels.map((level, index) => ({ ...level, parentId: levels[index - 1]?.id ?? null, leaf: index === levels.length - 1, level: index + 1 }));
}

function sku(item: DoudianSku): Sku {
  const properties = item.sell_properties ?? [];
  return {
    id: item.sku_id,
    name: properties.map((property) => property.value_name).join(" / ") || item.outer_sku_id || item.sku_id,
    price: yuan(item.price),
    stock: item.stock_num ?? undefined,
    attributes: Object.fromEntries(properties.map((property) => [property.property_name, property.value_name])),
  };
}

/** `product_format_new`, a JSON text of property id → values, as names and values in words. */
function attributes(formatText: string | null | undefined, properties: readonly CategoryProperty[]): { name: string; value: string }[] {
  if (!formatText) return [];
  let parsed: unknown;
  try {
    parsed = parseJsonLossless(formatText);
  } catch {
    throw new MarketplaceError({ platform: "douyin", kind: "invalid_response", code: "malformed_json", message: "product_format_new is not valid JSON" });
  }
  const names = new Map(properties.map((property) => [property.property_id, property.property_name]));
  return Object.entries(parseAnswer("douyin", productFormatSchema, parsed, "the product's properties")).flatMap(([propertyId, values]) => {
    const value = values.map((item) => item.name).join(", ");
    return value ? [{ name: names.get(propertyId) ?? propertyId, value }] : [];
  });
}

async function quality(api: DoudianApi, productId: bigint): Promise<ProductDetail["quality"]> {
  const answer = await api.call("/product/qualityList", { product_id: productId, page: 1, page_size: 1, task_id: RETIRED_TASK_ID }, qualityListSchema, "the quality score");
  const [item] = answer.quality_list;
  if (!item) return undefined;
  const standard = item.meet_standard === 1 ? "Meets the standard 达标" : "Below the standard 不达标";
  const problems = item.problem_num_to_improve ? ` · ${item.problem_num_to_improve} to improve` : "";
  return { score: item.base_score, label: standard + problems };
}

export async function getProduct(api: DoudianApi, categories: CategoryBrowser, id: string): Promise<ProductDetail> {
  if (!PRODUCT_ID.test(id)) throw refuse("invalid_id", `"${id}" is not a Doudian product id (19 digits)`);
  // product/detail declares product_id a string; qualityList an int64, sent as bare digits.
  const [product, score] = await Promise.all([api.call("/product/detail", { product_id: id }, productDetailSchema, "the product"), quality(api, BigInt(id))]);
  const leaf = leafCategoryId(product.category_detail);
  const properties = leaf ? await categories.properties(leaf) : [];
  const skus = (product.spec_prices ?? []).map(sku);
  const images = product.pic ?? (product.img ? [product.img] : []);
  return {
    ...summary(product),
    imageUrl: images[0],
    stock: skus.reduce((sum, item) => sum + (item.stock ?? 0), 0),
    images,
    categoryPath: categoryPath(product.category_detail),
    skus,
    quality: score,
    attributes: attributes(product.product_format_new, properties),
  };
}
