// The shapes of ICBU's answers the portal reads (TOP metadata of alibaba.icbu.product.list / .get / .score.get /
// category.get.new / product.schema.get / product.batch.update.display), each under `result` as the GOP gateway
// answers. Unknown fields are dropped; optional ones may be absent or null.
import { z } from "zod";
import { count, id } from "../iop/schemas";

const text = z.string().nullish();

const briefSchema = z.object({
  /** The encrypted (混淆) id every other product API takes. */
  product_id: z.string().min(1),
  subject: z.string(),
  status: z.string(),
  display: z.string(),
  category_id: id.nullish(),
  main_image: z.object({ images: z.array(z.string()).nullish() }).nullish(),
  gmt_modified: text,
});
export type ProductBrief = z.infer<typeof briefSchema>;

export const productListSchema = z.object({
  result: z.object({ total_item: count, products: z.array(briefSchema.extend({ id })).nullish() }),
});

const attributeRowSchema = z.object({ attribute_id: id, attribute_name: z.string(), value_id: id.nullish(), value_name: z.string() });

const skuSchema = z.object({
  sku_id: id,
  sku_code: text,
  attr2_value: z.record(z.string(), z.string()).nullish(),
  bulk_discount_prices: z.array(z.object({ start_quantity: count, price: z.union([z.string(), z.number()]).transform(String) })).nullish(),
  inventory_dto_list: z.array(z.object({ inventory: count })).nullish(),
});
export type IcbuSku = z.infer<typeof skuSchema>;

export const productSchema = z.object({
  result: z.object({
    product: briefSchema.extend({
      attributes: z.array(attributeRowSchema).nullish(),
      wholesale_trade: z.object({ price: z.union([z.string(), z.number()]).transform(String).nullish() }).nullish(),
      product_sku: z.object({ skus: z.array(skuSchema).nullish() }).nullish(),
    }),
  }),
});

/** `/alibaba/icbu/product/id/encrypt`: the id converted, or `success` false for what is not an id. */
export const idAnswerSchema = z.object({ result: z.object({ success: z.boolean(), id: id.nullish(), msg: text }) });

export const scoreSchema = z.object({
  result: z.object({ final_score: z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/).transform(Number)]), boutique_tag: count.nullish() }),
});

const categorySchema = z.object({
  category_id: id,
  name: z.string(),
  cn_name: text,
  level: count,
  leaf_category: z.boolean(),
  child_ids: z.array(id).nullish(),
  parent_ids: z.array(id).nullish(),
});
export type IcbuCategory = z.infer<typeof categorySchema>;

export const categoryAnswerSchema = z.object({ result: z.object({ category: categorySchema }) });

export const schemaAnswerSchema = z.object({
  result: z.object({ biz_success: z.boolean(), data: text, msg_code: text, message: text }),
});

export const displayAnswerSchema = z.object({
  result: z.object({ sub_success: z.boolean().nullish(), fail_id_map: z.record(z.string(), z.array(id)).nullish(), sub_error_code: text, sub_error_msg: text }),
});
