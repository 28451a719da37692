// Allegro's authorization-code flow with PKCE (S256) and its token endpoint. Each refresh spends the refresh
// token and hands out a new pair; the new refresh token lives another three months.
//
// No revoke: Allegro has no public endpoint to revoke a token (allegro-openapi.yaml names only the authorize
// and token URLs), so unlinking just forgets the tokens.
import type { AppConfig, PlatformAdapter } from "../platform";
import type { TokenSet } from "../types";
import { allegroApi, tokenCall } from "./client";
import { meSchema, tokenSchema } from "./schemas";

/** Read the profile and the offers, and activate or end them; categories need no scope. */
const SCOPES = ["allegro:api:profile:read", "allegro:api:sale:offers:read", "allegro:api:sale:offers:write"];

/** Allegro does not say in its answer how long a refresh token lives: three months from its issue. */
const REFRESH_TOKEN_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;

async function requestTokens(app: AppConfig, form: Record<string, string | undefined>): Promise<TokenSet> {
  const issuedAt = Date.now();
  const answer = await tokenCall(app, form, tokenSchema);
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    accessTokenExpiresAt: new Date(issuedAt + answer.expires_in * 1000),
    refreshTokenExpiresAt: new Date(issuedAt + REFRESH_TOKEN_LIFETIME_MS),
    scope: answer.scope,
  };
}

export const oauth: PlatformAdapter["oauth"] = {
  authorizeUrl(app, { state, codeChallenge }) {
    const params = new URLSearchParams({ response_type: "code", client_id: app.appKey, redirect_uri: app.redirectUri, scope: SCOPES.join(" "), state });
    if (codeChallenge) {
      params.set("code_challenge", codeChallenge);
      params.set("code_challenge_method", "S256");
    }
    return `${app.authUrl}/auth/oauth/authorize?${params}`;
  },

  async exchangeCode(app, { code, codeVerifier }) {
    const tokens = await requestTokens(app, { grant_type: "authorization_code", code, redirect_uri: app.redirectUri, code_verifier: codeVerifier });
    const me = await allegroApi(app, async () => tokens.accessToken).get("/me", {}, meSchema, "the user's profile");
    return { tokens, seller: { sellerId: me.id, shopName: me.login } };
  },

  refresh: (app, refreshToken) => requestTokens(app, { grant_type: "refresh_token", refresh_token: refreshToken, redirect_uri: app.redirectUri }),
};
