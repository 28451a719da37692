// ICBU products (shared docs/marketplaces.md §1.4): the list `/alibaba/icbu/product/list` (newest change first, at
// most 30 a page), one product `/icbu/product/get` and its quality score `/icbu/product/score/get`. Answers follow the
// TOP metadata of alibaba.icbu.product.list / .get / .score.get, under `result` as the GOP gateway returns them.
import { z } from "zod";
import { unfilledRequired, type Catalog, type Product } from "../catalog";
import { queryInt } from "../http";
import { answer, missingParameter, refuse, type IopResult } from "../iop/envelope";
import type { IopApi, IopCall } from "../iop/gateway";
import { chinaTime, chinaTimeSchema, invalidParameter, jsonParam, modifiedWithin, numericValueId, productValues } from "../iop/values";
import type { PlatformContext } from "../platform";
import type { ProductNow } from "../shops";
import { encryptedId, productByEncryptedId } from "./ids";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, nativeState } from "./profile";

const digits = z.string().regex(/^\d+$/, "must be a number");

const listSchema = z.object({
  current_page: queryInt(1, 1_000_000).default(1),
  page_size: queryInt(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  subject: z.string().optional(),
  category_id: digits.optional(),
  id: digits.optional(),
  gmt_modified_from: chinaTimeSchema.optional(),
  gmt_modified_to: chinaTimeSchema.optional(),
  // Required by the TOP metadata: "商品语种，目前只支持ENGLISH".
  language: z.literal("ENGLISH", 'must be "ENGLISH", the only language supported'),
});

const getSchema = z.object({
  product_get_request: jsonParam(z.object({ productId: z.union([z.string().min(1), z.number()]).transform(String), webSite: z.string().optional() })),
});

const scoreSchema = z.object({ product_id: z.string().min(1) });

/** The product by its encrypted id, or by its plain id as `product_get_request` also accepts. */
const findProduct = (catalog: Catalog, id: string) => productByEncryptedId(catalog, id) ?? catalog.productById.get(id);

const notFound = (id: string) => refuse("PRODUCT_NOT_EXIST", `The product ${id} does not exist or does not belong to this supplier`);

function brief(call: IopCall, product: Product, now: ProductNow) {
  const { status, display } = nativeState(now.status);
  const slug = product.title.en.replace(/[^A-Za-z0-9]+/g, "-");
  return {
    product_id: encryptedId(product.id),
    subject: product.title.en,
    status,
    display,
    category_id: Number(product.categoryId),
    keywords: [call.catalog.categories.get(product.categoryId)?.name.en ?? ""],
    main_image: { images: product.images.map((path) => call.origin + path), watermark: false },
    product_type: "sourcing",
    language: "ENGLISH",
    owner_member_display_name: `${call.seller.owner.firstName} ${call.seller.owner.lastName}`,
    pc_detail_url: `https://www.alibaba.com/product-detail/${slug}_${product.id}.html`,
    gmt_create: chinaTime(product.createdAt),
    gmt_modified: chinaTime(now.modifiedAt),
  };
}

/** One row per value, as ICBU lists them: enum values by id and name, text and numbers by name only. */
function attributeRows(call: IopCall, product: Product) {
  return productValues(call.catalog, product).map(({ attribute, value, option }) => ({
    attribute_id: Number(attribute.id),
    attribute_name: attribute.name.en,
    value_id: option ? Number(numericValueId(option.id)) : 0,
    value_name: option ? option.name.en : attribute.unit ? `${value} ${attribute.unit}` : value,
  }));
}

function productSku(product: Product) {
  return {
    sku_attributes: [{ attribute_id: 3, attribute_name: "Color", values: product.variants.map((variant) => ({ value_id: 0, system_value_name: variant.colour.en })) }],
    skus: product.variants.map((variant, n) => ({
      sku_id: Number(`${product.id}${n + 1}`),
      sku_code: `${product.sellerSku}-${n + 1}`,
      attr2_value: { Color: variant.colour.en },
      bulk_discount_prices: [{ start_quantity: 1, price: variant.price }],
      inventory_dto_list: [{ store_code: "", inventory: variant.stock }],
    })),
  };
}

/** A deterministic score out of 5; missing required attributes make a low-quality product (boutique_tag 3). */
function score(context: PlatformContext, call: IopCall, product: Product) {
  const random = context.random("score", product.id);
  const incomplete = unfilledRequired(call.catalog.attributes.get(product.categoryId) ?? [], product.values).length > 0;
  const value = incomplete ? 1 + random.next() * 1.8 : 3 + random.next() * 2;
  const tag = incomplete ? 3 : value >= 4.6 ? (product.sold > 60 ? 4 : 1) : 2;
  return { final_score: value.toFixed(1), boutique_tag: tag };
}

function list(context: PlatformContext, call: IopCall): IopResult {
  if (!call.params.language) return { ok: false, error: missingParameter("language") };
  const query = listSchema.safeParse(call.params);
  if (!query.success) return invalidParameter(query.error);
  const { current_page: page, page_size: pageSize, subject, category_id: categoryId, id, gmt_modified_from: from, gmt_modified_to: to } = query.data;
  const words = subject?.toLowerCase();
  const matches = call.catalog.products.flatMap((product) => {
    if (id && product.id !== id) return [];
    if (words && !product.title.en.toLowerCase().includes(words)) return [];
    if (categoryId && product.categoryId !== categoryId && !call.catalog.categories.get(product.categoryId)?.ancestorIds.includes(categoryId)) return [];
    const now = context.shops.current(call.seller.id, product, call.now);
    if (!modifiedWithin(now.modifiedAt, from, to)) return [];
    return [{ product, now }];
  });
  // "结果以修改时间倒序返回": newest change first.
  matches.sort((a, b) => b.now.modifiedAt - a.now.modifiedAt || a.product.index - b.product.index);
  const rows = matches.slice((page - 1) * pageSize, page * pageSize);
  return answer({
    result: {
      total_item: matches.length,
      current_page: page,
      page_size: pageSize,
      products: rows.map(({ product, now }) => ({ id: Number(product.id), ...brief(call, product, now) })),
    },
  });
}

export function productApis(context: PlatformContext): Record<string, IopApi> {
  return {
    "/alibaba/icbu/product/list": (call) => list(context, call),
    "/icbu/product/get": (call) => {
      const input = getSchema.safeParse(call.params);
      if (!input.success) return invalidParameter(input.error);
      const id = input.data.product_get_request.productId;
      const product = findProduct(call.catalog, id);
      if (!product) return notFound(id);
      const now = context.shops.current(call.seller.id, product, call.now);
      return answer({
        result: {
          product: {
            ...brief(call, product, now),
            attributes: attributeRows(call, product),
            wholesale_trade: { unit_type: "piece", sale_type: "normal", price: product.price, min_order_quantity: 1 },
            product_sku: productSku(product),
            price_type: "sku_price",
            description: `<p>${product.title.en}</p>`,
          },
        },
      });
    },
    "/icbu/product/score/get": (call) => {
      const input = scoreSchema.safeParse(call.params);
      if (!input.success) return invalidParameter(input.error);
      const product = productByEncryptedId(call.catalog, input.data.product_id);
      return product ? answer({ result: score(context, call, product) }) : notFound(input.data.product_id);
    },
  };
}
