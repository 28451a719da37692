// 1688's web authorization: the consent page on auth.1688.com, then getToken for the code (valid 2 minutes,
// once). A refresh hands out a new access token only: the refresh token lives until its own
// refresh_token_timeout, which is read from the answer because 1688's documents disagree on how long it is.
//
// No revoke: 1688 has no endpoint to withdraw a token; unlinking just forgets it.
import { MarketplaceError } from "../errors";
import type { PlatformAdapter } from "../platform";
import { tokenCall } from "./client";
import { parseAopDate } from "./dates";
import { grantedTokenSchema, refreshedTokenSchema } from "./schemas";

const expiresAt = (issuedAt: number, seconds: number) => new Date(issuedAt + seconds * 1000);

export const oauth: PlatformAdapter["oauth"] = {
  authorizeUrl(app, { state }) {
    const params = new URLSearchParams({ client_id: app.appKey, site: "1688", redirect_uri: app.redirectUri, state });
    return `${app.authUrl}/oauth/authorize?${params}`;
  },

  async exchangeCode(app, { code }) {
    const issuedAt = Date.now();
    const answer = await tokenCall(app, { grant_type: "authorization_code", need_refresh_token: "true", redirect_uri: app.redirectUri, code }, grantedTokenSchema);
    const refreshTokenExpiresAt = parseAopDate(answer.refresh_token_timeout);
    if (!refreshTokenExpiresAt) {
      throw new MarketplaceError({ platform: "1688", kind: "invalid_response", code: "unexpected_answer", message: `the token answer: refresh_token_timeout "${answer.refresh_token_timeout}" is not a 1688 date` });
    }
    return {
      tokens: { accessToken: answer.access_token, refreshToken: answer.refresh_token, accessTokenExpiresAt: expiresAt(issuedAt, answer.expires_in), refreshTokenExpiresAt },
      seller: { sellerId: answer.memberId, shopName: answer.resource_owner ?? answer.resourceOwner ?? answer.memberId },
    };
  },

  async refresh(app, refreshToken) {
    const issuedAt = Date.now();
    const answer = await tokenCall(app, { grant_type: "refresh_token", refresh_token: refreshToken }, refreshedTokenSchema);
    return { accessToken: answer.access_token, accessTokenExpiresAt: expiresAt(issuedAt, answer.expires_in) };
  },
};
