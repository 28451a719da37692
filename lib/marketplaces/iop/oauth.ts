// Linking a shop on an IOP platform (§1.1, §3.1): the consent page at `{authUrl}/oauth/authorize` (force_auth, so the
// seller always chooses the account), then the signed system APIs `/auth/token/create` and `/auth/token/refresh`,
// which carry no access token. Both answer lifetimes in seconds; the refresh token's end is read from each answer
// because AliExpress keeps it fixed across refreshes. PKCE is not offered, and there is no revocation API.
import type { LinkedSeller, PlatformId, TokenSet } from "../types";
import type { AppConfig, PlatformAdapter } from "../platform";
import { iopClient } from "./client";
import { tokenAnswerSchema, type TokenAnswer } from "./schemas";

function tokenSet(answer: TokenAnswer, issuedAt: number): TokenSet {
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    accessTokenExpiresAt: new Date(issuedAt + answer.expires_in * 1000),
    // "Only refresh when refresh_expires_in > 0": zero or less means the refresh token is spent for good.
    refreshTokenExpiresAt: new Date(issuedAt + Math.max(0, answer.refresh_expires_in) * 1000),
  };
}

async function requestTokens(platform: PlatformId, app: AppConfig, apiPath: string, params: Record<string, string>) {
  const issuedAt = Date.now();
  const answer = await iopClient(platform, app).rest(apiPath, params, tokenAnswerSchema, "the token answer");
  return { answer, tokens: tokenSet(answer, issuedAt) };
}

/** The OAuth part of an IOP platform's adapter; `seller` reads who linked from the token answer. */
export function iopOAuth(platform: PlatformId, seller: (answer: TokenAnswer) => LinkedSeller): PlatformAdapter["oauth"] {
  return {
    authorizeUrl(app, { state }) {
      const params = new URLSearchParams({ response_type: "code", force_auth: "true", client_id: app.appKey, redirect_uri: app.redirectUri, state });
      return `${app.authUrl}/oauth/authorize?${params}`;
    },
    async exchangeCode(app, { code }) {
      const { answer, tokens } = await requestTokens(platform, app, "/auth/token/create", { code });
      return { tokens, seller: seller(answer) };
    },
    refresh: async (app, refreshToken) => (await requestTokens(platform, app, "/auth/token/refresh", { refresh_token: refreshToken })).tokens,
  };
}
