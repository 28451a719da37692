// What every Doudian call must carry: `POST /{path}` with app_key, method (the path with dots), timestamp,
// v=2, sign and sign_method in the query, and the signed param_json as the body, byte for byte. Shop calls
// also carry a live access_token. Then the call counts against the app's and the shop's rate limits.
import { parseJsonLossless } from "../../marketplaces/http";
import { signDoudian } from "../../marketplaces/signing";
import type { Catalog } from "../catalog";
import type { Reply, SandboxRequest } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import type { DemoSeller } from "../shops";
import { refuse, type Refusal } from "./errors";

export type ShopSession = { seller: DemoSeller; catalog: Catalog };

/** The business parameters, as parsed from param_json: 19-digit numbers arrive as digit strings. */
export type AppHandler = (params: unknown, request: SandboxRequest) => Reply;
export type ShopHandler = (params: unknown, session: ShopSession, request: SandboxRequest) => Reply;

// "timestamp 与服务器时间相差不超过10分钟" (the API guide, shared docs §4.2).
const TIMESTAMP_TOLERANCE_MS = 10 * 60 * 1000;

const APP_KEY = /^\d{19}$/;
const SIGN = /^[0-9a-f]{32}$|^[0-9a-f]{64}$/;

/** Unix seconds (the official SDK) or `yyyy-MM-dd HH:mm:ss` in Beijing time (the API guide). */
function timestampMs(value: string): number | null {
  if (/^\d{10}$/.test(value)) return Number(value) * 1000;
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return Date.parse(`${value.replace(" ", "T")}+08:00`);
  return null;
}

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

type Checked = { ok: true; params: unknown } | { ok: false; reply: Reply };

const refused = (refusal: Refusal) => ({ ok: false as const, reply: refuse(refusal) });

/** The checks the gateway makes before any API sees the call, in the order it makes them. */
function checkSignedCall(context: PlatformContext, request: SandboxRequest, path: string): Checked {
  const appKey = single(request.query.app_key);
  const sign = single(request.query.sign);
  const timestamp = single(request.query.timestamp);
  const signMethod = single(request.query.sign_method) ?? "md5";
  if (!appKey) return refused({ code: 40001, subCode: "isv.app-id-missing", subMsg: "认证失败，app_key不存在" });
  if (!APP_KEY.test(appKey)) return refused({ code: 40003, subCode: "isv.app-id-invalid", subMsg: "认证失败，app_key格式不正确，应为19位纯数字" });
  if (appKey !== context.app.appKey) return refused({ code: 40001, subCode: "isv.app-id-missing", subMsg: "认证失败，app_key不存在" });
  if (!sign) return refused({ code: 40001, subCode: "isv.signature-missing", subMsg: "获取签名失败，请根据文档确保参数拼装正确" });
  const method = path.slice(1).replaceAll("/", ".");
  if (single(request.query.method) !== method) return refused({ code: 40003, subCode: "isv.parameter-invalid", subMsg: `method 应为 ${method}` });
  if (single(request.query.v) !== "2") return refused({ code: 40003, subCode: "isv.parameter-invalid", subMsg: "v 应为 2" });
  const sentAt = timestamp ? timestampMs(timestamp) : null;
  if (!timestamp || sentAt === null || Number.isNaN(sentAt)) return refused({ code: 40003, subCode: "isv.timestamp-format-error", subMsg: "时间戳格式错误" });
  if (Math.abs(Date.now() - sentAt) > TIMESTAMP_TOLERANCE_MS) return refused({ code: 40003, subCode: "isv.timestamp-invalid", subMsg: "时间戳不合法" });
  const expected =
    signMethod === "hmac-sha256" || signMethod === "md5"
      ? signDoudian({ appKey, appSecret: context.app.appSecret, method, paramJson: request.body, timestamp, signMethod })
      : null;
  if (!SIGN.test(sign) || sign !== expected) return refused({ code: 40003, subCode: "isv.signature-invalid", subMsg: "签名校验失败" });
  let params: unknown;
  try {
    params = request.body.trim() ? parseJsonLossless(request.body) : {};
  } catch {
    params = null;
  }
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    return refused({ code: 40003, subCode: "isv.parameter-format-invalid", subMsg: "业务参数json解析失败" });
  }
  return { ok: true, params };
}

/** A gateway route: the signed call checked, then `handle` given its business parameters. */
function signedRoute(context: PlatformContext, path: string, handle: AppHandler): Route {
  return {
    method: "POST",
    path,
    handle: (request) => {
      const checked = checkSignedCall(context, request, path);
      return checked.ok ? handle(checked.params, request) : checked.reply;
    },
  };
}

/** A call signed by the app alone (the token endpoints): no access_token. */
export function appRoute(context: PlatformContext, path: string, handle: AppHandler): Route {
  return signedRoute(context, path, (params, request) => context.throttle("app", context.app.appKey) ?? handle(params, request));
}

/** The shop a call's access_token stands for, or the gateway's refusal of the token. */
function shopSession(context: PlatformContext, request: SandboxRequest): { ok: true; session: ShopSession } | { ok: false; reply: Reply } {
  const accessToken = single(request.query.access_token);
  if (!accessToken) return refused({ code: 40001, subCode: "isv.access-token-missing", subMsg: "认证失败，access_token不能为空" });
  const token = context.tokens.authenticate(accessToken);
  if (!token.ok) {
    return token.reason === "expired"
      ? refused({ code: 40003, subCode: "isv.access-token-expired", subMsg: "access_token已过期" })
      : refused({ code: 40003, subCode: "isv.access-token-no-existed", subMsg: "access_token不存在，请使用最新的access_token访问" });
  }
  if (token.value.appKey !== context.app.appKey) return refused({ code: 40003, subCode: "isv.access-token-invalid", subMsg: "app_key和access_token不匹配，请仔细检查" });
  const seller = context.shops.seller(token.value.sellerId);
  if (!seller) return refused({ code: 30001, subCode: "dop.authorization-no-existed", subMsg: "店铺授权已失效，请重新授权" });
  return { ok: true, session: { seller, catalog: context.shops.catalog(seller.id) } };
}

/** A call on behalf of a shop: signed, with the shop's live access token, within the app's and the shop's limits. */
export function shopRoute(context: PlatformContext, path: string, handle: ShopHandler): Route {
  return signedRoute(context, path, (params, request) => {
    const shop = shopSession(context, request);
    if (!shop.ok) return shop.reply;
    const throttled = context.throttle("app", context.app.appKey) ?? context.throttle("account", shop.session.seller.id);
    return throttled ?? handle(params, shop.session, request);
  });
}
