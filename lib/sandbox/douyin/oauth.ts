// Authorization of a service-market app: the shop owner approves on `/authorize?service_id=…&state=…`, the
// browser returns with `code` and `state`, and the app trades the code through the signed API (token.create,
// then token.refresh). Each refresh hands out a new pair and spends the refresh token it was given.
import { z } from "zod";
import { consentRoutes, type ConsentFlow } from "../consent";
import type { Reply } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import type { CodeRefusal, IssuedTokens, RefreshRefusal } from "../tokens";
import { readParams, refuse, success, type Refusal } from "./errors";
import { appRoute } from "./session";

const clientSchema = z.object({ service_id: z.string().min(1), redirect_uri: z.string().min(1) });

const consentFlow: ConsentFlow = {
  path: "/authorize",
  platformName: "抖店 Douyin shop",
  client: (query) => {
    const parsed = clientSchema.safeParse(query);
    if (!parsed.success) return { error: "The request must name the service (service_id) and where to return (redirect_uri)." };
    return { appKey: parsed.data.service_id, redirectUri: parsed.data.redirect_uri };
  },
  // A service-market app is granted the permission packages it subscribed to; the request names none.
  grant: () => ({ scope: "" }),
  denied: { error: "access_denied", error_description: "商家拒绝授权" },
};

const createSchema = z.object({ code: z.string().min(1), grant_type: z.string() });
const refreshSchema = z.object({ refresh_token: z.string().min(1), grant_type: z.literal("refresh_token") });

const generateFailed = (cause: string, subMsg: string): Refusal => ({ code: 50001, subCode: `dop.token-generate-failed:${cause}`, subMsg });

const CODE_INVALID = generateFailed("code-invalid", "生成token失败，code参数不正确，请引导商家重新授权获取code");
const CODE_REFUSALS: Record<CodeRefusal, Refusal> = {
  unknown: CODE_INVALID,
  used: CODE_INVALID,
  wrong_client: CODE_INVALID,
  redirect_mismatch: CODE_INVALID,
  pkce_missing: CODE_INVALID,
  pkce_mismatch: CODE_INVALID,
  expired: generateFailed("code-expired", "生成token失败，code已经失效（code的有效期为10分钟）"),
};

const TOKEN_INVALID = generateFailed("token-invalid", "生成token失败，token不存在");
const REFRESH_REFUSALS: Record<RefreshRefusal, Refusal> = {
  unknown: TOKEN_INVALID,
  used: TOKEN_INVALID,
  wrong_client: TOKEN_INVALID,
  expired: generateFailed("token-expired", "生成token失败，token已过期"),
};

/** The token data as the platform sends it: the shop id a bare number, no refresh lifetime, scope a placeholder. */
function tokenAnswer(context: PlatformContext, tokens: IssuedTokens): Reply {
  const seller = context.shops.seller(tokens.sellerId);
  return success({
    access_token: tokens.accessToken,
    expires_in: tokens.accessExpiresIn,
    refresh_token: tokens.refreshToken,
    scope: "SCOPE",
    shop_id: Number(tokens.sellerId),
    shop_name: seller?.shopName ?? "",
    authority_id: null,
    auth_subject_type: null,
    token_type: 0,
    shop_biz_type: 0,
    operator_name: "",
    encrypt_operator: "",
  });
}

export function oauthRoutes(context: PlatformContext): Route[] {
  const appKey = context.app.appKey;
  return [
    ...consentRoutes(context, consentFlow),
    appRoute(context, "/token/create", (params) => {
      const input = readParams(createSchema, params);
      if (!input.ok) return input.reply;
      // Self-built apps use authorization_self with a shop_id; this sandbox app is a service-market one.
      if (input.value.grant_type !== "authorization_code") {
        return refuse(generateFailed("grant-type-invalid", "生成token失败，grant_type参数取值不正确，请参照文档根据应用类型填写不同的值"));
      }
      const redeemed = context.tokens.redeemCode({ code: input.value.code, appKey });
      return redeemed.ok ? tokenAnswer(context, redeemed.value) : refuse(CODE_REFUSALS[redeemed.reason]);
    }),
    appRoute(context, "/token/refresh", (params) => {
      const input = readParams(refreshSchema, params);
      if (!input.ok) return input.reply;
      const refreshed = context.tokens.refresh({ refreshToken: input.value.refresh_token, appKey });
      return refreshed.ok ? tokenAnswer(context, refreshed.value) : refuse(REFRESH_REFUSALS[refreshed.reason]);
    }),
  ];
}
