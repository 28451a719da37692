// AliExpress products on `/sync` (shared docs/marketplaces.md §3.3): `aliexpress.solution.product.list.get` (the query
// as JSON in `aeop_a_e_product_list_query`; one status a call, onSelling when none is named; under 100 a page; newest
// change first [INFER]) and `aliexpress.solution.product.info.get`. Lists are wrapped the TOP way: `{item_name: […]}`.
import { z } from "zod";
import type { Product } from "../catalog";
import { answer } from "../iop/envelope";
import type { IopApi, IopCall } from "../iop/gateway";
import { chinaTime, chinaTimeSchema, invalidParameter, jsonParam, modifiedWithin, numericValueId, productValues } from "../iop/values";
import type { PlatformContext } from "../platform";
import type { ProductNow } from "../shops";
import { businessRefusal } from "./errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, nativeState, OFFLINE_REASONS, STATUS_TYPES } from "./profile";

const id = z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(String);

const listQuerySchema = z.object({
  current_page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, "must be less than 100").default(DEFAULT_PAGE_SIZE),
  product_status_type: z.enum(STATUS_TYPES).default("onSelling"),
  subject: z.string().max(128).optional(),
  product_id: id.optional(),
  ws_display: z.enum(OFFLINE_REASONS).optional(),
  gmt_modified_start: chinaTimeSchema.optional(),
  gmt_modified_end: chinaTimeSchema.optional(),
});

const listSchema = z.object({ aeop_a_e_product_list_query: jsonParam(listQuerySchema) });
const infoSchema = z.object({ product_id: id });

type ListQuery = z.infer<typeof listQuerySchema>;

const notFound = (productId: string) => businessRefusal("isv.product-not-exist", `The product ${productId} does not exist or does not belong to this store`);

function images(call: IopCall, product: Product): string {
  return product.images.map((path) => call.origin + path).join(";");
}

function listed(call: IopCall, product: Product, now: ProductNow) {
  const prices = product.variants.map((variant) => Number(variant.price));
  const { offlineReason } = nativeState(now.status);
  return {
    product_id: Number(product.id),
    subject: product.title.en,
    image_u_r_ls: images(call, product),
    product_min_price: Math.min(...prices).toFixed(2),
    product_max_price: Math.max(...prices).toFixed(2),
    currency_code: "USD",
    ws_display: offlineReason,
    ws_offline_date: offlineReason ? chinaTime(now.modifiedAt) : undefined,
    owner_member_id: call.seller.login,
    freight_template_id: 1000,
    src: "isv",
    gmt_create: chinaTime(product.createdAt),
    gmt_modified: chinaTime(now.modifiedAt),
  };
}

function matches(query: ListQuery, product: Product, now: ProductNow): boolean {
  const { statusType, offlineReason } = nativeState(now.status);
  if (statusType !== query.product_status_type) return false;
  if (query.ws_display && offlineReason !== query.ws_display) return false;
  if (query.product_id && product.id !== query.product_id) return false;
  if (query.subject && !product.title.en.toLowerCase().includes(query.subject.toLowerCase())) return false;
  return modifiedWithin(now.modifiedAt, query.gmt_modified_start, query.gmt_modified_end);
}

function properties(call: IopCall, product: Product) {
  return productValues(call.catalog, product).map(({ attribute, value, option }) => ({
    attr_name_id: Number(attribute.id),
    attr_name: attribute.name.en,
    attr_value_id: option ? Number(numericValueId(option.id)) : undefined,
    attr_value: option ? option.name.en : value,
    attr_value_unit: attribute.unit,
  }));
}

function skus(product: Product) {
  return product.variants.map((variant, n) => ({
    id: `14:${n + 1}`,
    sku_code: `${product.sellerSku}-${n + 1}`,
    sku_price: variant.price,
    currency_code: "USD",
    ipm_sku_stock: variant.stock,
    sku_stock: variant.stock > 0,
    aeop_s_k_u_property_list: { global_aeop_sku_property: [{ sku_property_id: 14, property_value_id: n + 1, property_value_definition_name: variant.colour.en }] },
  }));
}

export function productApis(context: PlatformContext): Record<string, IopApi> {
  return {
    "aliexpress.solution.product.list.get": (call) => {
      const input = listSchema.safeParse(call.params);
      if (!input.success) return invalidParameter(input.error);
      const query = input.data.aeop_a_e_product_list_query;
      const rows = call.catalog.products
        .map((product) => ({ product, now: context.shops.current(call.seller.id, product, call.now) }))
        .filter(({ product, now }) => matches(query, product, now))
        .sort((a, b) => b.now.modifiedAt - a.now.modifiedAt || a.product.index - b.product.index);
      const page = rows.slice((query.current_page - 1) * query.page_size, query.current_page * query.page_size);
      return answer({
        result: {
          aeop_a_e_product_display_d_t_o_list: { item_display_dto: page.map(({ product, now }) => listed(call, product, now)) },
          current_page: query.current_page,
          product_count: rows.length,
          total_page: Math.ceil(rows.length / query.page_size),
          success: true,
        },
      });
    },
    "aliexpress.solution.product.info.get": (call) => {
      const input = infoSchema.safeParse(call.params);
      if (!input.success) return invalidParameter(input.error);
      const product = call.catalog.productById.get(input.data.product_id);
      if (!product) return notFound(input.data.product_id);
      const now = context.shops.current(call.seller.id, product, call.now);
      const { statusType } = nativeState(now.status);
      return answer({
        result: {
          ...listed(call, product, now),
          product_status_type: statusType,
          category_id: Number(product.categoryId),
          multi_language_subject_list: { global_subject: [{ locale: "en_US", subject: product.title.en }, { locale: "zh_CN", subject: product.title.zh }] },
          aeop_ae_product_propertys: { global_aeop_ae_product_property: properties(call, product) },
          aeop_ae_product_skus: { global_aeop_ae_product_sku: skus(product) },
        },
      });
    },
  };
}
