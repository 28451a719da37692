// Authorization on the IOP gateway (§1.1, §3.1): the consent page at `/oauth/authorize`, then the system APIs
// `/rest/auth/token/create` (a code) and `/rest/auth/token/refresh`, signed with their path and carrying no access
// token. Codes are single use and live 30 minutes (Lazada's IOP documentation: "Code is valid for 30 minutes").
import { z } from "zod";
import { consentRoutes, queryClient, type ConsentFlow } from "../consent";
import type { SandboxRequest } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import type { DemoSeller } from "../shops";
import type { IssuedTokens } from "../tokens";
import { errorReply, missingParameter, restReply, type IopError } from "./envelope";
import { readParams, refuseSystemParams } from "./verify";

/** The seller fields a platform adds to its token answers (`account`, `user_id`, `seller_id`, …). */
export type TokenFields = (seller: DemoSeller, tokens: IssuedTokens, issuedAt: number) => Record<string, unknown>;

const grantSchema = z.object({ response_type: z.literal("code"), force_auth: z.enum(["true", "false"]).optional() });

function consentFlow(platformName: string): ConsentFlow {
  return {
    path: "/oauth/authorize",
    platformName,
    client: queryClient(),
    // IOP apps have no scopes: an authorization covers every API the app was granted in the console.
    grant: (query) => {
      const parsed = grantSchema.safeParse(query);
      if (parsed.success) return { scope: "" };
      const field = String(parsed.error.issues[0]!.path[0]);
      return { error: { error: field === "response_type" ? "unsupported_response_type" : "invalid_request", error_description: `${field} is not valid` } };
    },
    // The gateway's wording on a refusal is not documented; these are OAuth's own names [INFER].
    denied: { error: "access_denied", error_description: "The seller did not authorize the application" },
  };
}

const INVALID_CODE: IopError = { code: "InvalidCode", message: "Invalid authorization code" };
const ILLEGAL_REFRESH_TOKEN: IopError = { code: "IllegalRefreshToken", message: "The specified refresh token is invalid or expired" };

type Issue = (params: Record<string, string>, appKey: string) => { ok: true; value: IssuedTokens } | { ok: false; error: IopError };

function tokenRoute(context: PlatformContext, path: string, tokenFields: TokenFields, issue: Issue): Route {
  return {
    method: "POST",
    path: `/rest${path}`,
    handle: (request: SandboxRequest) => {
      const now = Date.now();
      const params = readParams(request);
      const refused = refuseSystemParams(context.app, params, path, now);
      if (refused) return errorReply("rest", refused);
      const issued = issue(params, params.app_key!);
      if (!issued.ok) return errorReply("rest", issued.error);
      const tokens = issued.value;
      const seller = context.shops.seller(tokens.sellerId)!;
      return restReply({
        access_token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
        expires_in: tokens.accessExpiresIn,
        refresh_expires_in: tokens.refreshExpiresIn,
        ...tokenFields(seller, tokens, now),
      });
    },
  };
}

export function authRoutes(context: PlatformContext, platformName: string, tokenFields: TokenFields): Route[] {
  return [
    ...consentRoutes(context, consentFlow(platformName)),
    tokenRoute(context, "/auth/token/create", tokenFields, (params, appKey) => {
      if (!params.code) return { ok: false, error: missingParameter("code") };
      const redeemed = context.tokens.redeemCode({ code: params.code, appKey });
      return redeemed.ok ? redeemed : { ok: false, error: INVALID_CODE };
    }),
    tokenRoute(context, "/auth/token/refresh", tokenFields, (params, appKey) => {
      if (!params.refresh_token) return { ok: false, error: missingParameter("refresh_token") };
      const refreshed = context.tokens.refresh({ refreshToken: params.refresh_token, appKey });
      return refreshed.ok ? refreshed : { ok: false, error: ILLEGAL_REFRESH_TOKEN };
    }),
  ];
}
