// 1688's web authorization: the consent page at /oauth/authorize (client_id, site=1688, redirect_uri, state)
// and getToken, unsigned, for a code (2 minutes, once) or a refresh token. A refresh answers with a new access
// token only: 1688 does not rotate refresh tokens.
//
// Refusals of getToken are OAuth style, `{error, error_description}`: the public SDKs and notes show 1688's
// token endpoint answering so, though none lists its codes; these follow RFC 6749 §5.2.
import { z } from "zod";
import { formatAopDate } from "../../marketplaces/1688/dates";
import { consentRoutes, queryClient, type ConsentFlow } from "../consent";
import { formObject, jsonReply, type Reply, type SandboxRequest } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import type { CodeRefusal, IssuedTokens, RefreshRefusal } from "../tokens";
import { oauthError } from "./errors";
import { ALI_IDS } from "./profile";

const consentFlow: ConsentFlow = {
  path: "/oauth/authorize",
  platformName: "1688",
  client: queryClient({ site: z.literal("1688") }, "The request must name the application (client_id), the site (site=1688) and where to return (redirect_uri)."),
  // 1688 has no scopes: an authorized app reaches every API it was granted in the console.
  grant: () => ({ scope: "" }),
  denied: { error: "access_denied", error_description: "The user denied the authorization" },
};

const tokenRequestSchema = z.discriminatedUnion("grant_type", [
  z.object({
    grant_type: z.literal("authorization_code"),
    code: z.string().min(1),
    redirect_uri: z.string().min(1),
    need_refresh_token: z.enum(["true", "false"]).default("false"),
  }),
  z.object({ grant_type: z.literal("refresh_token"), refresh_token: z.string().min(1) }),
]);

const clientCredentialsSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });

const CODE_REFUSALS: Record<CodeRefusal, string> = {
  unknown: "invalid authorization code",
  expired: "authorization code expired",
  used: "authorization code has been used",
  wrong_client: "authorization code was issued to another app",
  redirect_mismatch: "redirect_uri does not match the one of the authorization",
  pkce_missing: "invalid authorization code",
  pkce_mismatch: "invalid authorization code",
};

const REFRESH_REFUSALS: Record<RefreshRefusal, string> = {
  unknown: "invalid refresh_token",
  expired: "refresh_token expired",
  used: "invalid refresh_token",
  wrong_client: "refresh_token was issued to another app",
};

/** `20121222222222+0800`: getToken's example writes refresh_token_timeout to the second, without milliseconds. */
const secondsDate = (time: number) => formatAopDate(time).replace(/^(\d{14})\d{3}/, "$1");

function tokenAnswer(context: PlatformContext, tokens: IssuedTokens, withRefreshToken: boolean): Reply {
  const seller = context.shops.seller(tokens.sellerId);
  return jsonReply(200, {
    aliId: ALI_IDS[tokens.sellerId] ?? "",
    resource_owner: seller?.login ?? tokens.sellerId,
    memberId: tokens.sellerId,
    // A string in 1688's examples ("36000").
    expires_in: String(tokens.accessExpiresIn),
    access_token: tokens.accessToken,
    ...(withRefreshToken ? { refresh_token: tokens.refreshToken, refresh_token_timeout: secondsDate(Date.now() + tokens.refreshExpiresIn * 1000) } : {}),
  });
}

function getToken(context: PlatformContext, request: SandboxRequest): Reply {
  // The documented form is a POST body; older examples put the same parameters in the query string.
  const parameters = { ...request.query, ...formObject(request.body) };
  const client = clientCredentialsSchema.safeParse(parameters);
  if (!client.success) return oauthError(400, "invalid_request", "client_id and client_secret are required");
  const appKey = request.params.appKey;
  if (client.data.client_id !== appKey || appKey !== context.app.appKey || client.data.client_secret !== context.app.appSecret) {
    return oauthError(401, "invalid_client", "client_id or client_secret is invalid");
  }
  if (parameters.grant_type !== "authorization_code" && parameters.grant_type !== "refresh_token") {
    return oauthError(400, "unsupported_grant_type", `unsupported grant_type: ${String(parameters.grant_type ?? "")}`);
  }
  const parsed = tokenRequestSchema.safeParse(parameters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return oauthError(400, "invalid_request", `${issue.path.join(".")}: ${issue.message}`);
  }
  const input = parsed.data;
  if (input.grant_type === "authorization_code") {
    const redeemed = context.tokens.redeemCode({ code: input.code, appKey, redirectUri: input.redirect_uri });
    return redeemed.ok ? tokenAnswer(context, redeemed.value, input.need_refresh_token === "true") : oauthError(400, "invalid_grant", CODE_REFUSALS[redeemed.reason]);
  }
  const refreshed = context.tokens.refresh({ refreshToken: input.refresh_token, appKey });
  return refreshed.ok ? tokenAnswer(context, refreshed.value, false) : oauthError(400, "invalid_grant", REFRESH_REFUSALS[refreshed.reason]);
}

export function oauthRoutes(context: PlatformContext): Route[] {
  return [...consentRoutes(context, consentFlow), { method: "POST", path: "/openapi/http/1/system.oauth2/getToken/:appKey", handle: (request) => getToken(context, request) }];
}
