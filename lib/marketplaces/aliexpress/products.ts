// AliExpress products: the list (`aliexpress.solution.product.list.get`, one operation status a call and under 100
// a page, joined and stitched into the portal's window) and one product in full (`aliexpress.solution.product.info.get`).
import type { ProductDetail, ProductPage, ProductQuery, ProductSummary, Sku } from "../types";
import { attributeLines } from "../attribute-lines";
import { isoTime, platformTime, PRODUCT_ID, skuStock } from "../iop/listing";
import { fetchWindowAcross } from "../paging";
import { splitSearch } from "../search";
import type { CategoryBrowser } from "./categories";
import type { AeApi } from "./client";
import { MAX_PRODUCTS_PER_PAGE } from "./metadata";
import { productListSchema, productSchema, type AeListed, type AeSku } from "./schemas";
import { ALL_SEGMENTS, SEGMENTS, statusOf, type Segment } from "./statuses";

const LIST = "aliexpress.solution.product.list.get";

const images = (links: string | null | undefined) => (links ?? "").split(";").map((link) => link.trim()).filter(Boolean);

function summary(product: AeListed, statusType: string): ProductSummary {
  const price = product.product_min_price;
  return {
    id: product.product_id,
    title: product.subject,
    ...statusOf(statusType, product.ws_display),
    imageUrl: images(product.image_u_r_ls)[0],
    price: price && product.currency_code ? { amount: price, currency: product.currency_code } : undefined,
    modifiedAt: isoTime(product.gmt_modified),
  };
}

/** One portal page: the segments the status filter asks for, one after the other, each in pages of under 100. */
export async function listProducts(api: AeApi, query: ProductQuery): Promise<ProductPage> {
  const search = splitSearch(query.search, PRODUCT_ID);
  const filters = {
    product_id: search.id,
    subject: search.title,
    gmt_modified_start: query.modifiedFrom && platformTime("aliexpress", query.modifiedFrom, "modifiedFrom"),
    gmt_modified_end: query.modifiedTo && platformTime("aliexpress", query.modifiedTo, "modifiedTo"),
  };
  const segment = ({ statusType, offlineReason }: Segment) => async (page: number, pageSize: number) => {
    const listQuery = { ...filters, product_status_type: statusType, ws_display: offlineReason, current_page: page, page_size: pageSize };
    const { result } = await api(LIST, { aeop_a_e_product_list_query: JSON.stringify(listQuery) }, productListSchema, "the product list");
    return { items: result.aeop_a_e_product_display_d_t_o_list.map((product) => summary(product, statusType)), total: result.product_count };
  };
  const segments = query.status ? SEGMENTS[query.status] : ALL_SEGMENTS;
  return fetchWindowAcross(segments.map(segment), (query.page - 1) * query.pageSize, query.pageSize, MAX_PRODUCTS_PER_PAGE);
}

function sku(entry: AeSku, currency: string | null | undefined): Sku {
  const properties = entry.aeop_s_k_u_property_list;
  const attributes = Object.fromEntries(properties.map((property) => [property.sku_property_id, property.property_value_definition_name || property.property_value_id || ""]));
  const name = Object.values(attributes).filter(Boolean).join(" / ") || entry.sku_code || entry.id;
  const skuCurrency = entry.currency_code || currency;
  return {
    id: entry.id,
    name,
    price: entry.sku_price && skuCurrency ? { amount: entry.sku_price, currency: skuCurrency } : undefined,
    stock: entry.ipm_sku_stock ?? undefined,
    attributes,
  };
}

export async function getProduct(api: AeApi, categories: CategoryBrowser, id: string): Promise<ProductDetail> {
  const { result: product } = await api("aliexpress.solution.product.info.get", { product_id: id }, productSchema, "the product");
  const categoryPath = product.category_id ? await categories.path(product.category_id) : [];
  const skus = product.aeop_ae_product_skus.map((entry) => sku(entry, product.currency_code));
  const altTitle = product.multi_language_subject_list.find((entry) => entry.locale.startsWith("zh"))?.subject;
  return {
    ...summary(product, product.product_status_type),
    altTitle: altTitle && altTitle !== product.subject ? altTitle : undefined,
    categoryId: product.category_id ?? undefined,
    stock: skuStock(skus),
    images: images(product.image_u_r_ls),
    categoryPath,
    skus,
    attributes: attributeLines(
      product.aeop_ae_product_propertys.map((property) => ({
        name: property.attr_name,
        value: property.attr_value_unit ? `${property.attr_value} ${property.attr_value_unit}` : property.attr_value,
      })),
    ),
  };
}
