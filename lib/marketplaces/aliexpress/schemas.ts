// The shapes of AliExpress's answers the portal reads (request and domain classes of the official IOP Java SDK:
// AliexpressSolutionProductListGet…, …ProductInfoGet…, …SellerCategoryTreeQuery…, …ProductSchemaGet…,
// AliexpressPostproductRedefiningOnlineaeproduct…), each taken out of its `<method>_response` wrapper. TOP wraps a
// list in an object named after its item (`{item_display_dto: […]}`); with `simplify` it would be the bare array, so
// both are read. Unknown fields are dropped; optional ones may be absent or null.
import { z } from "zod";
import { count, id } from "../iop/schemas";

const text = z.string().nullish();
const decimal = z.union([z.string(), z.number()]).transform(String);

/** A TOP list: `{<item>: […]}` or the bare array; absent or null is empty. */
function topList<T extends z.ZodType>(item: string, schema: T) {
  return z
    .union([z.array(schema), z.object({ [item]: z.array(schema).nullish() }).transform((wrapped) => wrapped[item] ?? [])])
    .nullish()
    .transform((list): z.infer<T>[] => list ?? []);
}

const listedSchema = z.object({
  product_id: id,
  subject: z.string(),
  /** Image links separated by `;`. */
  image_u_r_ls: text,
  product_min_price: decimal.nullish(),
  currency_code: text,
  /** Why an offline product is offline: user_offline, expire_offline, violate_offline, punish_offline, degrade_offline. */
  ws_display: text,
  gmt_modified: text,
});
export type AeListed = z.infer<typeof listedSchema>;

export const productListSchema = z.object({
  result: z.object({
    aeop_a_e_product_display_d_t_o_list: topList("item_display_dto", listedSchema),
    product_count: count,
  }),
});

const propertySchema = z.object({ attr_name_id: id.nullish(), attr_name: z.string(), attr_value: z.union([z.string(), z.number()]).transform(String), attr_value_unit: text });

const skuSchema = z.object({
  id: z.string().min(1),
  sku_code: text,
  sku_price: decimal.nullish(),
  currency_code: text,
  ipm_sku_stock: count.nullish(),
  aeop_s_k_u_property_list: topList(
    "global_aeop_sku_property",
    z.object({ sku_property_id: id, property_value_id: id.nullish(), property_value_definition_name: text }),
  ),
});
export type AeSku = z.infer<typeof skuSchema>;

export const productSchema = z.object({
  result: listedSchema.extend({
    product_status_type: z.string(),
    category_id: id.nullish(),
    multi_language_subject_list: topList("global_subject", z.object({ locale: z.string(), subject: z.string() })),
    aeop_ae_product_propertys: topList("global_aeop_ae_product_property", propertySchema),
    aeop_ae_product_skus: topList("global_aeop_ae_product_sku", skuSchema),
  }),
});

export const categoryTreeSchema = z.object({
  children_category_list: topList(
    "category_info",
    z.object({
      children_category_id: id,
      is_leaf_category: z.boolean(),
      level: count,
      /** A JSON object of language → name, as a string. */
      multi_language_names: z.string(),
    }),
  ),
});

export const categoryNamesSchema = z.record(z.string(), z.string());

export const schemaAnswerSchema = z.object({ result: z.object({ schema: z.string().min(1) }) });

export const statusChangeSchema = z.object({
  result: z.object({
    success: z.boolean().nullish(),
    modify_count: count.nullish(),
    error_details: topList("error_detail", z.object({ error_code: z.union([z.string(), z.number()]).transform(String), error_message: text, product_ids: topList("number", id) })),
    /** A refusal of the whole call, when there are no details. */
    error_code: z.union([z.string(), z.number()]).transform(String).nullish(),
    error_message: text,
  }),
});
