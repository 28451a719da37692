// alibaba.product.list.get (filters, ordering, and 1688's page size: at most 20, "more is read as 20") and
// alibaba.product.get (one of the seller's own products).
import { z } from "zod";
import { parseAopDate } from "../../marketplaces/1688/dates";
import type { Product } from "../catalog";
import { jsonReply } from "../http";
import type { PlatformContext } from "../platform";
import type { ProductNow } from "../shops";
import { jsonArray, long, productIdList, readParams, type AopApi, type AopSession, type Refuse } from "./gateway";
import { productInfo } from "./product-info";

const MAX_PAGE_SIZE = 20;

const STATUS_LIST = ["published", "expired", "TBD", "deleted", "new", "modified", "member expired"] as const;
const ORDER_BY = ["CREATE_DATE", "POST_DATE", "MODIFY_DATE", "APPROVED_DATE", "EXPIRE_DATE", "STATUS", "ID", "GROUP_ID", "PRICE", "SALE_QUANTITY"] as const;

const count = long.transform(Number).pipe(z.number().int().min(1, "must be at least 1"));
const aopDate = z
  .string()
  .transform((text) => parseAopDate(text))
  .pipe(z.date("must be a date such as 20180717174002000+0800"));

const listSchema = z.object({
  pageNo: count.default(1),
  pageSize: count.transform((size) => Math.min(size, MAX_PAGE_SIZE)).default(MAX_PAGE_SIZE),
  statusList: jsonArray(z.enum(STATUS_LIST)).optional(),
  categoryId: long.optional(),
  startModifyTime: aopDate.optional(),
  endModifyTime: aopDate.optional(),
  subjectKey: z.string().optional(),
  cargoNumber: z.string().optional(),
  productIds: productIdList.optional(),
  orderByCondition: z.enum(ORDER_BY).optional(),
  orderByType: z.enum(["ASC", "DESC"]).default("DESC"),
});

type ListQuery = z.infer<typeof listSchema>;
type Match = { product: Product; now: ProductNow };

const ORDER_KEYS: Record<(typeof ORDER_BY)[number], (match: Match) => number | string> = {
  CREATE_DATE: ({ product }) => product.createdAt,
  POST_DATE: ({ product }) => product.createdAt,
  APPROVED_DATE: ({ product }) => product.createdAt,
  EXPIRE_DATE: ({ product }) => product.createdAt,
  MODIFY_DATE: ({ now }) => now.modifiedAt,
  STATUS: ({ now }) => now.status,
  ID: ({ product }) => Number(product.id),
  // The demo shops use no custom groups.
  GROUP_ID: () => 0,
  PRICE: ({ product }) => Number(product.price),
  SALE_QUANTITY: ({ product }) => product.sold,
};

function search(context: PlatformContext, session: AopSession, query: ListQuery): Match[] {
  const { catalog, seller } = session;
  const time = Date.now();
  const keyword = query.subjectKey?.trim().toLowerCase();
  const ids = query.productIds && new Set(query.productIds);
  const matches = catalog.products.flatMap((product) => {
    if (ids && !ids.has(product.id)) return [];
    if (keyword && !product.title.zh.toLowerCase().includes(keyword)) return [];
    if (query.cargoNumber && product.sellerSku !== query.cargoNumber) return [];
    if (query.categoryId && product.categoryId !== query.categoryId && !catalog.categories.get(product.categoryId)?.ancestorIds.includes(query.categoryId)) return [];
    const now = context.shops.current(seller.id, product, time);
    if (query.statusList && !(query.statusList as readonly string[]).includes(now.status)) return [];
    if (query.startModifyTime && now.modifiedAt < query.startModifyTime.getTime()) return [];
    if (query.endModifyTime && now.modifiedAt > query.endModifyTime.getTime()) return [];
    return [{ product, now }];
  });
  if (query.orderByCondition) {
    const key = ORDER_KEYS[query.orderByCondition];
    const direction = query.orderByType === "ASC" ? 1 : -1;
    // Stable, so equal keys keep the catalog's order and pages never overlap.
    matches.sort((a, b) => {
      const [left, right] = [key(a), key(b)];
      return left < right ? -direction : left > right ? direction : 0;
    });
  }
  return matches;
}

const listRefuse: Refuse = (code, message) => jsonReply(200, { success: false, code, message });
const getRefuse: Refuse = (code, message) => jsonReply(200, { success: false, errorCode: code, errMsg: message });

const getSchema = z.object({ productID: long, webSite: z.literal("1688", 'this gateway serves the 1688 site only: webSite must be "1688"') });

export function productApis(context: PlatformContext): Record<string, AopApi> {
  const view = (session: AopSession, product: Product, origin: string, now = context.shops.current(session.seller.id, product)) =>
    productInfo({ product, now, catalog: session.catalog, seller: session.seller, origin });
  return {
    "alibaba.product.list.get": {
      needsToken: true,
      required: [],
      handle: (params, session, request) => {
        const query = readParams(listSchema, params, listRefuse);
        if (!query.ok) return query.reply;
        const { pageNo, pageSize } = query.value;
        const matches = search(context, session, query.value);
        const page = matches.slice((pageNo - 1) * pageSize, pageNo * pageSize);
        const resultList = page.map(({ product, now }) => view(session, product, request.origin, now));
        return jsonReply(200, { result: { pageResult: { pageIndex: pageNo, sizePerPage: pageSize, totalRecords: matches.length, resultList } }, success: true });
      },
    },
    "alibaba.product.get": {
      needsToken: true,
      required: ["productID", "webSite"],
      handle: (params, session, request) => {
        const query = readParams(getSchema, params, getRefuse);
        if (!query.ok) return query.reply;
        const product = session.catalog.productById.get(query.value.productID);
        if (!product) return getRefuse("PRODUCT_NOT_EXIST", `商品不存在或不属于当前会员: ${query.value.productID}`);
        const info = view(session, product, request.origin);
        return jsonReply(200, { success: true, productInfo: info, createTime: info.createTime, lastUpdateTime: info.lastUpdateTime, approvedTime: info.approvedTime, expireTime: info.expireTime });
      },
    },
  };
}
