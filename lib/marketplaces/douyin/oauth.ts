// Authorization of a service-market app: the shop owner approves on fuwu.jinritemai.com/authorize, the
// browser comes back with `code` and `state`, and the code is traded through the signed API (token.create).
// token.refresh hands out a new pair and spends the refresh token it was given.
//
// No revoke: Doudian has no API to withdraw an authorization; the shop owner ends it in the service market,
// and unlinking just forgets the tokens.
import type { AppConfig, PlatformAdapter } from "../platform";
import type { TokenSet } from "../types";
import { tokenCall } from "./client";
import { tokenSchema } from "./schemas";

/** The answer names no refresh lifetime: 14 days from issue (the official SDK's field comment). */
const REFRESH_TOKEN_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

async function requestTokens(app: AppConfig, path: "/token/create" | "/token/refresh", params: Record<string, string>) {
  const issuedAt = Date.now();
  const answer = await tokenCall(app, path, params, tokenSchema);
  const tokens: TokenSet = {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    accessTokenExpiresAt: new Date(issuedAt + answer.expires_in * 1000),
    refreshTokenExpiresAt: new Date(issuedAt + REFRESH_TOKEN_LIFETIME_MS),
    scope: answer.scope ?? undefined,
  };
  return { tokens, seller: { sellerId: answer.shop_id, shopName: answer.shop_name } };
}

export const oauth: PlatformAdapter["oauth"] = {
  // The consent page asks for the service-market listing (DOUYIN_SERVICE_ID); the sandbox takes the app key for it.
  authorizeUrl: (app, { state }) => `${app.authUrl}/authorize?${new URLSearchParams({ service_id: app.serviceId ?? app.appKey, state, redirect_uri: app.redirectUri })}`,

  exchangeCode: (app, { code }) => requestTokens(app, "/token/create", { code, grant_type: "authorization_code" }),

  refresh: async (app, refreshToken) => (await requestTokens(app, "/token/refresh", { grant_type: "refresh_token", refresh_token: refreshToken })).tokens,
};
