// product.listV2 (filters, and the paging rule: page 1–100 and size 1–100, which is what keeps page×size
// within the documented 10 000) and product.detail, with 19-digit product ids written as bare JSON numbers.
import { z } from "zod";
import type { Product } from "../catalog";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import { readParams, refuse, success } from "./errors";
import { productFormatNew } from "./properties";
import { shopRoute, type ShopSession } from "./session";
import { beijingTime, categoryDetail, currentState, fen, int64, integer, unixSeconds } from "./values";

const listSchema = z.object({
  page: integer.refine((page) => page >= 1, "页数从1开始").refine((page) => page <= 100, "页码最大为100；page*size最大不能超过1万条"),
  size: integer.refine((size) => size >= 1 && size <= 100, "size 填写范围1~100"),
  status: integer.pipe(z.union([z.literal(0), z.literal(1), z.literal(2)])).optional(),
  check_status: integer.pipe(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(7)])).optional(),
  name: z.string().optional(),
  product_id: z.array(int64).max(100, "product_id 最多100个").optional(),
  start_time: integer.optional(),
  end_time: integer.optional(),
  update_start_time: integer.optional(),
  update_end_time: integer.optional(),
});

type ListQuery = z.infer<typeof listSchema>;

const detailSchema = z
  .object({ product_id: int64.optional(), out_product_id: z.string().optional(), show_draft: z.union([z.string(), z.boolean()]).optional() })
  .refine((query) => query.product_id !== undefined || query.out_product_id !== undefined, { path: ["product_id"], message: "product_id 与 out_product_id 至少传一个" });

/** Both bounds exclusive, as the platform documents ("不包含入参时间"). */
const within = (value: number, after?: number, before?: number) => (after === undefined || value > after) && (before === undefined || value < before);

function matches(context: PlatformContext, session: ShopSession, query: ListQuery) {
  const name = query.name?.toLowerCase();
  const ids = query.product_id ? new Set(query.product_id) : null;
  return session.catalog.products.flatMap((product) => {
    if (ids && !ids.has(product.id)) return [];
    if (name && !product.title.zh.toLowerCase().includes(name)) return [];
    if (!within(unixSeconds(product.createdAt), query.start_time, query.end_time)) return [];
    const state = currentState(context, session.seller.id, product);
    if (!within(unixSeconds(state.modifiedAt), query.update_start_time, query.update_end_time)) return [];
    // Deleted products sit in the recycle bin: listed only when asked for by status 2.
    if (query.status === undefined ? state.status === 2 : state.status !== query.status) return [];
    if (query.check_status !== undefined && state.checkStatus !== query.check_status) return [];
    return [{ product, state }];
  });
}

type Listed = ReturnType<typeof matches>[number];

function common({ product, state }: Listed, session: ShopSession, origin: string) {
  const price = fen(product.price);
  return {
    product_id: BigInt(product.id),
    name: product.title.zh,
    status: state.status,
    check_status: state.checkStatus,
    img: origin + product.images[0],
    discount_price: price,
    market_price: Math.round(price * 1.25),
    outer_product_id: product.sellerSku,
    product_type: 0,
    category_detail: categoryDetail(session.catalog, product.categoryId),
    description: `<p>${product.title.zh}</p>`,
  };
}

function listedProduct(listed: Listed, session: ShopSession, origin: string) {
  return {
    ...common(listed, session, origin),
    create_time: unixSeconds(listed.product.createdAt),
    update_time: unixSeconds(listed.state.modifiedAt),
    sell_num: listed.product.sold,
    is_package_product: false,
  };
}

// SKU ids are int64 too, but short enough for a JS number.
const skuId = (product: Product, n: number) => 1_700_000_000_000 + product.index * 10 + n;

function productDetail(listed: Listed, session: ShopSession, origin: string) {
  const { product, state } = listed;
  return {
    ...common(listed, session, origin),
    product_id_str: product.id,
    draft_status: 0,
    create_time: beijingTime(product.createdAt),
    update_time: beijingTime(state.modifiedAt),
    pic: product.images.map((path) => origin + path),
    spec_prices: product.variants.map((variant, n) => ({
      sku_id: skuId(product, n + 1),
      outer_sku_id: variant.id,
      price: fen(variant.price),
      stock_num: variant.stock,
      sell_properties: [{ property_name: "颜色", value_name: variant.colour.zh }],
    })),
    product_format_new: productFormatNew(session.catalog.attributes.get(product.categoryId) ?? [], product),
    sell_num: product.sold,
  };
}

export function productRoutes(context: PlatformContext): Route[] {
  return [
    shopRoute(context, "/product/listV2", (params, session, request) => {
      const input = readParams(listSchema, params, "isv.parameter-invalid:2010004");
      if (!input.ok) return input.reply;
      const { page, size } = input.value;
      const found = matches(context, session, input.value);
      const data = found.slice((page - 1) * size, page * size).map((listed) => listedProduct(listed, session, request.origin));
      return success({ data, total: found.length, page, size });
    }),
    shopRoute(context, "/product/detail", (params, session, request) => {
      const input = readParams(detailSchema, params);
      if (!input.ok) return input.reply;
      const { product_id: id, out_product_id: outerId } = input.value;
      const product = id !== undefined ? session.catalog.productById.get(id) : session.catalog.products.find((candidate) => candidate.sellerSku === outerId);
      if (!product) return refuse({ code: 40004, subCode: "isv.parameter-invalid:2010058", subMsg: "商品不存在或已彻底删除" });
      return success(productDetail({ product, state: currentState(context, session.seller.id, product) }, session, request.origin));
    }),
  ];
}
