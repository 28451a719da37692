// The shapes of Doudian's answers the portal reads, and nothing more (the official SDK's response types).
// Ids are int64: http.ts parses losslessly, so a 19-digit id arrives as a string and a short one as a number;
// both are normalized to strings. Unknown fields are dropped, optional ones may be absent or null.
import { z } from "zod";

const id = z.union([z.string().min(1), z.number()]).transform(String);
const optionalText = z.string().nullish();
const optionalNumber = z.number().nullish();

/**
 * `{code, msg, sub_code, sub_msg, log_id, data}`: 10000 is success, anything else a refusal. The SDK's base
 * response has no `data`; each API's answer adds its own, and a refusal may come without one.
 */
export const envelopeSchema = z.object({ code: z.number(), msg: optionalText, sub_code: optionalText, sub_msg: optionalText, log_id: optionalText, data: z.unknown().optional() });

export const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().min(0),
  refresh_token: z.string().min(1),
  scope: optionalText,
  shop_id: id,
  shop_name: z.string(),
});

const categoryDetailSchema = z.object({
  first_cid: id,
  second_cid: id,
  third_cid: id,
  fourth_cid: id.nullish(),
  first_cname: optionalText,
  second_cname: optionalText,
  third_cname: optionalText,
  fourth_cname: optionalText,
});
export type CategoryDetail = z.infer<typeof categoryDetailSchema>;

const productFields = {
  product_id: id,
  name: z.string(),
  status: z.number(),
  check_status: z.number(),
  img: optionalText,
  /** Fen. Deprecated in the listing but still sent; the detail's SKUs carry the real prices. */
  discount_price: optionalNumber,
  category_detail: categoryDetailSchema.nullish(),
};

const listedProductSchema = z.object({ ...productFields, update_time: optionalNumber });
export type ListedProduct = z.infer<typeof listedProductSchema>;

export const productPageSchema = z.object({ data: z.array(listedProductSchema), total: z.number().int().min(0) });

const skuSchema = z.object({
  sku_id: id,
  outer_sku_id: optionalText,
  price: z.number(),
  stock_num: optionalNumber,
  sell_properties: z.array(z.object({ property_name: z.string(), value_name: z.string() })).nullish(),
});
export type DoudianSku = z.infer<typeof skuSchema>;

export const productDetailSchema = z.object({
  ...productFields,
  /** Beijing time, `yyyy-MM-dd HH:mm:ss`. */
  update_time: optionalText,
  pic: z.array(z.string()).nullish(),
  spec_prices: z.array(skuSchema).nullish(),
  /** A JSON text: property id → the chosen values. */
  product_format_new: optionalText,
});
export type ProductDetail = z.infer<typeof productDetailSchema>;

export const productFormatSchema = z.record(z.string(), z.array(z.object({ value: id.nullish(), name: z.string() })));

/** The data of shop.getShopCategory is the list itself. */
export const shopCategoriesSchema = z.array(
  z.object({ id, name: z.string(), level: z.number(), parent_id: id, is_leaf: z.boolean(), enable: z.boolean().nullish() }),
);
export type ShopCategory = z.infer<typeof shopCategoriesSchema>[number];

const propertySchema = z.object({
  property_id: id,
  property_name: z.string(),
  type: z.string(),
  required: z.number(),
  options: z.array(z.object({ name: z.string(), value_id: id })).nullish(),
  multi_select_max: optionalNumber,
  /** A 度量衡 ("measure") property's templates: value modules with the units a value may carry. */
  measure_templates: z.array(z.object({ value_modules: z.array(z.object({ units: z.array(z.object({ unit_name: z.string() })).nullish() })).nullish() })).nullish(),
  /** 0 in use, 1 retired. */
  status: optionalNumber,
});
export type CategoryProperty = z.infer<typeof propertySchema>;

export const categoryPropertiesSchema = z.object({ data: z.array(propertySchema) });

export const qualityListSchema = z.object({
  quality_list: z.array(z.object({ product_id: id, base_score: z.number(), meet_standard: z.number(), problem_num_to_improve: optionalNumber })),
  total: z.number(),
});
