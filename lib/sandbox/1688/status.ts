// Display status, done in the call: alibaba.product.expire (published → expired), alibaba.product.repost
// (expired → published) and alibaba.product.republish (never listed → published, at most 400 listings per
// member a day). The answer is the SDK's `{result: [{productId, result, code, desc}], errorCode, errorMessage}`:
// one operate result per product; on any refusal errorCode is the first refusal's code and errorMessage the
// reasons, a map of product id to reason for repost and republish ("是一个Map") and a sentence for expire. A call
// refused as a whole has no result list. Republish calls are kept as commands in the state, so the daily count
// survives a restart.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { unfilledRequired, type Product } from "../catalog";
import { jsonReply } from "../http";
import type { PlatformContext } from "../platform";
import { commandKey, type CommandTask } from "../state";
import { productIdList, readParams, type AopApi, type AopSession, type Refuse } from "./gateway";
import { RATE_LIMITS } from "./profile";

type Action = { from: readonly string[]; to: string; wrongStatus: string; checksAttributes: boolean; dailyQuota: boolean; reasonsByProduct: boolean };

const ACTIONS: Record<string, Action> = {
  "alibaba.product.expire": { from: ["published", "modified"], to: "expired", wrongStatus: "只有上网中的商品可以转为过期", checksAttributes: false, dailyQuota: false, reasonsByProduct: false },
  "alibaba.product.repost": { from: ["expired"], to: "published", wrongStatus: "只有过期商品可以重发；从未上网的商品请使用重新上架(republish)", checksAttributes: true, dailyQuota: false, reasonsByProduct: true },
  "alibaba.product.republish": { from: ["new"], to: "published", wrongStatus: "只有从未上网的商品可以重新上架；过期商品请使用重发(repost)", checksAttributes: true, dailyQuota: true, reasonsByProduct: true },
};

type Failure = { code: string; message: string };

const failure = (code: string, message: string): Failure => ({ code, message });

/** Why a product cannot take the action now, or null when it can (the daily quota aside). */
function refusal(session: AopSession, action: Action, id: string, product: Product | undefined, status: string | undefined): Failure | null {
  if (!product || !status) return failure("PRODUCT_NOT_EXIST", `商品不存在或不属于当前会员: ${id}`);
  if (status === "member expired") return failure("MEMBER_EXPIRED", `会员已撤销，商品 ${id} 不能操作`);
  if (status === "deleted" || status === "TBD") return failure("PRODUCT_DELETED", `商品 ${id} 已删除`);
  if (status === action.to) return failure("STATUS_UNCHANGED", `商品 ${id} 已是 ${status} 状态`);
  if (!action.from.includes(status)) return failure("STATUS_NOT_ALLOWED", `${action.wrongStatus} (${id}: ${status})`);
  if (!action.checksAttributes) return null;
  const missing = unfilledRequired(session.catalog.attributes.get(product.categoryId) ?? [], product.values);
  return missing.length ? failure("REQUIRED_ATTRIBUTE_MISSING", `商品 ${id} 缺少必填属性：${missing.map((attribute) => attribute.name.zh).join("、")}`) : null;
}

/** Products the member republished within the quota's window, from the recorded republish calls. */
function republishedRecently(context: PlatformContext, sellerId: string, windowMs: number, now: number): number {
  return Object.values(context.store.data.commands)
    .filter((command) => command.platform === context.id && command.sellerId === sellerId && command.action === "republish" && command.createdAt > now - windowMs)
    .reduce((sum, command) => sum + command.tasks.filter((task) => task.outcome === "SUCCESS").length, 0);
}

const paramsSchema = z.object({
  productIds: productIdList.pipe(z.array(z.string()).min(1, "must name at least one product")),
  webSite: z.literal("1688", 'this gateway serves the 1688 site only: webSite must be "1688"').optional(),
});

/** A product id as the Long 1688 writes, kept as text where a JSON number would lose digits. */
const asLong = (id: string) => (Number.isSafeInteger(Number(id)) ? Number(id) : id);

const refuse: Refuse = (code, message) => jsonReply(200, { errorCode: code, errorMessage: message });

function change(context: PlatformContext, action: Action, params: Record<string, string>, session: AopSession) {
  const query = readParams(paramsSchema, params, refuse);
  if (!query.ok) return query.reply;
  const now = Date.now();
  const sellerId = session.seller.id;
  const quota = context.knobs().rateLimits[context.id]?.republish ?? RATE_LIMITS.republish;
  let listedToday = action.dailyQuota ? republishedRecently(context, sellerId, quota.perSeconds * 1000, now) : 0;
  const tasks: CommandTask[] = [];
  for (const id of new Set(query.value.productIds)) {
    const product = session.catalog.productById.get(id);
    const status = product && context.shops.current(sellerId, product, now).status;
    let refused = refusal(session, action, id, product, status);
    if (!refused && action.dailyQuota && listedToday >= quota.requests) {
      refused = failure("REPUBLISH_LIMIT_EXCEEDED", `今日重新上架数量已达上限 (${quota.requests})，商品 ${id} 未上架`);
    }
    tasks.push({ itemId: id, outcome: refused ? "FAIL" : "SUCCESS", scheduledAt: now, finishAt: now, error: refused ?? undefined });
    if (refused) continue;
    context.shops.changeStatus(sellerId, product!, { to: action.to, at: now }, now);
    listedToday++;
  }
  if (action.dailyQuota && tasks.some((task) => task.outcome === "SUCCESS")) {
    context.store.data.commands[commandKey(context.id, randomUUID())] = { platform: context.id, sellerId, action: "republish", createdAt: now, tasks };
    context.store.changed();
  }
  const result = tasks.map(({ itemId, outcome, error }) => ({ productId: asLong(itemId), result: outcome === "SUCCESS", code: error?.code, desc: error?.message }));
  const refused = tasks.filter((task) => task.error);
  if (!refused.length) return jsonReply(200, { result });
  const reasons = action.reasonsByProduct ? Object.fromEntries(refused.map((task) => [task.itemId, task.error!.message])) : refused[0]!.error!.message;
  return jsonReply(200, { result, errorCode: refused[0]!.error!.code, errorMessage: reasons });
}

export function statusApis(context: PlatformContext): Record<string, AopApi> {
  return Object.fromEntries(
    Object.entries(ACTIONS).map(([name, action]) => [
      name,
      {
        needsToken: true,
        // republish takes productIds only; the other two name the site.
        required: action.dailyQuota ? ["productIds"] : ["productIds", "webSite"],
        handle: (params, session) => change(context, action, params, session),
      } satisfies AopApi,
    ]),
  );
}
