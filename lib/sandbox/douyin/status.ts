// product.setOnline and product.setOffline: one product per call, done at once. Refusals follow the state a
// product is in (deleted, banned, rejected, under review, never submitted, missing a required property) with
// the sub_codes the platform lists for these calls; asking for the state a product already has is refused
// as a repeated operation.
import { z } from "zod";
import { unfilledRequired, type Product } from "../catalog";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import { readParams, refuse, success, type Refusal } from "./errors";
import { nativeStatus, type NativeState } from "./profile";
import { shopRoute, type ShopSession } from "./session";
import { currentState, int64 } from "./values";

const schema = z.object({ product_id: int64 });

const NOT_FOUND: Refusal = { code: 50002, subCode: "isv.business-failed:2010058", subMsg: "商品不存在" };

const repeated = (label: string): Refusal => ({ code: 40004, subCode: "isv.parameter-invalid:2010021", subMsg: `【重复操作】商品操作重复，当前状态：${label}` });
const business = (code: number, subMsg: string): Refusal => ({ code: 50002, subCode: `isv.business-failed:${code}`, subMsg });

function offlineRefusal(state: NativeState): Refusal | null {
  if (state.status === 2) return { code: 40004, subCode: "isv.parameter-invalid:2010022", subMsg: "【状态非法】商品状态错误, 当前状态: 删除" };
  return state.status === 1 ? repeated("下架") : null;
}

function onlineRefusal(state: NativeState, session: ShopSession, product: Product): Refusal | null {
  if (state.status === 2) return business(2010004, "商品已删除，请先将商品恢复，再做修改");
  if (state.status === 0) return repeated("上架");
  switch (state.checkStatus) {
    case 5:
      return business(2010043, "该商品已封禁");
    case 4:
      return business(2010102, "系统检测审核不通过，内容未做修改，请修改后提交审核");
    case 2:
      return business(2010041, "该商品在审核中");
    case 1:
      return business(2010022, "商品状态错误：商品未提交审核");
  }
  const [missing] = unfilledRequired(session.catalog.attributes.get(product.categoryId) ?? [], product.values);
  return missing ? business(2010321, `${missing.name.zh}为必填属性，请重新进入页面补充`) : null;
}

function statusRoute(context: PlatformContext, path: string, target: "online" | "offline"): Route {
  return shopRoute(context, path, (params, session) => {
    const input = readParams(schema, params);
    if (!input.ok) return input.reply;
    const product = session.catalog.productById.get(input.value.product_id);
    if (!product) return refuse(NOT_FOUND);
    const state = currentState(context, session.seller.id, product);
    const refusal = target === "online" ? onlineRefusal(state, session, product) : offlineRefusal(state);
    if (refusal) return refuse(refusal);
    // Going online needs an approved product, which then stays approved; going offline keeps the review state.
    const next = target === "online" ? { status: 0, checkStatus: 3 } : { status: 1, checkStatus: state.checkStatus };
    context.shops.changeStatus(session.seller.id, product, { to: nativeStatus(next), at: Date.now() });
    return success({});
  });
}

export function statusRoutes(context: PlatformContext): Route[] {
  return [statusRoute(context, "/product/setOnline", "online"), statusRoute(context, "/product/setOffline", "offline")];
}
