// The shapes of 1688's answers the portal reads, and nothing more (shared docs/marketplaces.md §2.4–2.5; the
// official PHP SDK's result classes). Each API has its own envelope, misspellings included. Ids are Longs on
// 1688 but accepted as string or number and normalized to strings.
import { z } from "zod";

const id = z.union([z.string().min(1), z.number()]).transform(String);
const text = z.union([z.string(), z.number()]).transform(String).nullish();
/** 1688 writes some flags and counts as strings ("true", "36000"). */
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);
const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/** The gateway's refusal, before any API ran: `{error_code, error_message, request_id}`. */
export const gatewayErrorSchema = z.object({ error_code: z.union([z.string().min(1), z.number()]).transform(String), error_message: z.string().nullish() });

/** The token endpoint's refusal, OAuth style. */
export const oauthErrorSchema = z.object({ error: z.string().min(1), error_description: z.string().nullish() });

/** `system.oauth2/getToken` after a refresh: a new access token and nothing else that matters. */
export const refreshedTokenSchema = z.object({ access_token: z.string().min(1), expires_in: count });

/** `system.oauth2/getToken` for a code, with `need_refresh_token=true`. */
export const grantedTokenSchema = refreshedTokenSchema.extend({
  refresh_token: z.string().min(1),
  /** When the refresh token ends, e.g. `20270522123000000+0800`. */
  refresh_token_timeout: z.string().min(1),
  memberId: z.string().min(1),
  /** The seller's login id; `resourceOwner` in older examples. */
  resource_owner: z.string().min(1).optional(),
  resourceOwner: z.string().min(1).optional(),
});

const priceRangeSchema = z.object({ price: z.union([z.number(), z.string()]) });

const skuSchema = z.object({
  skuId: id,
  price: z.union([z.number(), z.string()]).nullish(),
  amountOnSale: z.number().nullish(),
  cargoNumber: z.string().nullish(),
  attributes: z.array(z.object({ attributeName: z.string().nullish(), attributeDisplayName: z.string().nullish(), attributeValue: z.string() })).nullish(),
});
export type Sku1688 = z.infer<typeof skuSchema>;

const productAttributeSchema = z.object({ attributeID: id, attributeName: z.string(), value: text });

const productInfoSchema = z.object({
  productID: id,
  subject: z.string(),
  // A string, not the documented list: a status added later is shown as it comes.
  status: z.string(),
  categoryID: id.nullish(),
  image: z.object({ images: z.array(z.string()).nullish() }).nullish(),
  saleInfo: z.object({ amountOnSale: z.number().nullish(), priceRanges: z.array(priceRangeSchema).nullish() }).nullish(),
  referencePrice: text,
  modifyTime: z.string().nullish(),
  lastUpdateTime: z.string().nullish(),
  skuInfos: z.array(skuSchema).nullish(),
  attributes: z.array(productAttributeSchema).nullish(),
  qualityLevel: z.number().nullish(),
});
export type ProductInfo = z.infer<typeof productInfoSchema>;

/** `alibaba.product.list.get`: `{result: {pageResult}, success, code, message}`. */
export const productListAnswerSchema = z.object({
  success: flag,
  code: text,
  message: text,
  result: z
    .object({ pageResult: z.object({ resultList: z.array(productInfoSchema).nullish(), totalRecords: count }) })
    .nullish(),
});

/** `alibaba.product.get`: `{productInfo, errMsg}`, and success with an error code on a refusal. */
export const productAnswerSchema = z.object({ success: flag.nullish(), productInfo: productInfoSchema.nullish(), errorCode: text, errMsg: text });

const categoryInfoSchema = z.object({
  categoryID: id,
  name: z.string(),
  isLeaf: flag,
  /** "1688 returns only one parent id"; 0 above the first level. */
  parentIDs: z.array(id).nullish(),
  childCategorys: z.array(z.object({ id, name: z.string(), isLeaf: flag })).nullish(),
});
export type CategoryInfo = z.infer<typeof categoryInfoSchema>;

/** `alibaba.category.get`: `{succes (sic), categoryInfo, errorCode, errorMsg}`; the spelled-out name is read too. */
export const categoryAnswerSchema = z.object({ succes: flag.nullish(), success: flag.nullish(), categoryInfo: z.array(categoryInfoSchema).nullish(), errorCode: text, errorMsg: text });

const attributeInfoSchema = z.object({
  attrID: id,
  name: z.string(),
  required: flag.nullish(),
  units: z.array(z.string()).nullish(),
  attrValues: z.array(z.object({ attrValueID: id, name: z.string() })).nullish(),
  /** 0 text, -1 number, 1 drop-down, 2 check boxes, 3 radio buttons, 4 drop-down list, 5 date. */
  inputType: text,
  /** int, string or enum. */
  fieldType: z.string().nullish(),
  parentAttrID: id.nullish(),
  parentAttrValueID: id.nullish(),
});
export type AttributeInfo = z.infer<typeof attributeInfoSchema>;

/** `alibaba.category.attribute.get`: attributes, and the cascade as `"attr:value" → "child,child"`. */
export const attributeAnswerSchema = z.object({
  success: flag.nullish(),
  attributes: z.array(attributeInfoSchema).nullish(),
  attributeLevelMapStr: z.union([z.record(z.string(), z.string()), z.string()]).nullish(),
  errorCode: text,
  errorMsg: text,
});

/** One product's outcome in a status change (the SDK's ProductOperateResult). */
const operateResultSchema = z.object({ productId: id, result: flag, code: text, desc: text });

/**
 * `alibaba.product.expire`, `.repost` and `.republish`: `{result: [operate result per product], errorCode,
 * errorMessage}`. errorMessage is a map of product id to reason (repost, republish) or a sentence (expire, and
 * any call refused as a whole, which has no result list).
 */
export const statusChangeAnswerSchema = z.object({
  result: z.array(operateResultSchema).nullish(),
  errorCode: text,
  errorMessage: z.union([z.string(), z.record(z.string(), z.string())]).nullish(),
});
export type StatusChangeAnswer = z.infer<typeof statusChangeAnswerSchema>;
