// Allegro's authorization-code flow with PKCE (S256 only) and its token endpoint with HTTP Basic client
// authentication, refresh-token rotation and the 60-second grace for a spent refresh token.
import { z } from "zod";
import { consentRoutes, queryClient, type ConsentFlow } from "../consent";
import { formObject, type Reply, type SandboxRequest } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import type { CodeRefusal, IssuedTokens, RefreshRefusal } from "../tokens";
import { oauthError } from "./errors";
import { ALL_SCOPES } from "./profile";

const grantSchema = z.object({
  response_type: z.literal("code"),
  code_challenge_method: z.literal("S256", "only S256 is supported"),
  // base64url of a SHA-256: 43 characters.
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be the base64url SHA-256 of the code_verifier"),
  scope: z
    .string()
    .optional()
    .transform((scope) => (scope ? scope.split(" ").filter(Boolean) : [...ALL_SCOPES]))
    .refine((scopes) => scopes.every((scope) => ALL_SCOPES.includes(scope)), "unknown scope"),
});

// The OAuth error code for each field that can be wrong (RFC 6749 §4.1.2.1).
const AUTHORIZE_ERRORS: Record<string, string> = { response_type: "unsupported_response_type", scope: "invalid_scope" };

const consentFlow: ConsentFlow = {
  path: "/auth/oauth/authorize",
  platformName: "Allegro",
  client: queryClient(),
  grant: (query) => {
    const parsed = grantSchema.safeParse(query);
    if (parsed.success) return { scope: parsed.data.scope.join(" "), codeChallenge: parsed.data.code_challenge };
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0]);
    return { error: { error: AUTHORIZE_ERRORS[field] ?? "invalid_request", error_description: `${field}: ${issue.message}` } };
  },
  denied: { error: "access_denied", error_description: "The user denied access to the application" },
};

const basicSchema = z
  .string()
  .regex(/^Basic\s+[A-Za-z0-9+/=]+$/i)
  .transform((header) => Buffer.from(header.replace(/^Basic\s+/i, ""), "base64").toString("utf8"))
  .pipe(z.string().regex(/^[^:]*:.*$/s));

const GRANT_TYPES = z.enum(["authorization_code", "refresh_token"]);

const tokenRequestSchema = z.discriminatedUnion("grant_type", [
  z.object({
    grant_type: z.literal("authorization_code"),
    code: z.string().min(1),
    redirect_uri: z.string().min(1),
    code_verifier: z
      .string()
      .regex(/^[A-Za-z0-9._~-]{43,128}$/, "must be 43 to 128 unreserved characters")
      .optional(),
  }),
  z.object({ grant_type: z.literal("refresh_token"), refresh_token: z.string().min(1) }),
]);

const CODE_REFUSALS: Record<CodeRefusal, string> = {
  unknown: "Invalid authorization code",
  expired: "Authorization code expired",
  used: "Authorization code has already been used",
  wrong_client: "Authorization code was issued to another client",
  redirect_mismatch: "Redirect URI mismatch",
  pkce_missing: "Missing code_verifier",
  pkce_mismatch: "Invalid code_verifier",
};

const REFRESH_REFUSALS: Record<RefreshRefusal, string> = {
  unknown: "Invalid refresh token",
  expired: "Invalid refresh token: expired",
  used: "Invalid refresh token: already used",
  wrong_client: "Invalid refresh token: issued to another client",
};

function tokenAnswer(tokens: IssuedTokens): Reply {
  return {
    status: 200,
    headers: { "content-type": "application/json;charset=UTF-8", "cache-control": "no-store" },
    body: JSON.stringify({
      access_token: tokens.accessToken,
      token_type: "bearer",
      refresh_token: tokens.refreshToken,
      expires_in: tokens.accessExpiresIn,
      scope: tokens.scope,
      allegro_api: true,
      jti: tokens.tokenId,
    }),
  };
}

function token(context: PlatformContext, request: SandboxRequest): Reply {
  const credentials = basicSchema.safeParse(request.headers.authorization);
  if (!credentials.success) {
    return oauthError(401, "unauthorized", "Full authentication is required to access this resource", { "www-authenticate": 'Basic realm="oauth2/client"' });
  }
  const separator = credentials.data.indexOf(":");
  const clientId = credentials.data.slice(0, separator);
  if (clientId !== context.app.appKey || credentials.data.slice(separator + 1) !== context.app.appSecret) {
    return oauthError(401, "invalid_client", "Bad client credentials");
  }
  // Clients send the parameters in the query string or in a form body; both are accepted, the body wins.
  const parameters = { ...request.query, ...formObject(request.body) };
  if (!GRANT_TYPES.safeParse(parameters.grant_type).success) return oauthError(400, "unsupported_grant_type", `Unsupported grant type: ${String(parameters.grant_type ?? "")}`);
  const parsed = tokenRequestSchema.safeParse(parameters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return oauthError(400, "invalid_request", `${issue.path.join(".")}: ${issue.message}`);
  }
  const input = parsed.data;
  if (input.grant_type === "authorization_code") {
    const redeemed = context.tokens.redeemCode({ code: input.code, appKey: clientId, redirectUri: input.redirect_uri, codeVerifier: input.code_verifier });
    return redeemed.ok ? tokenAnswer(redeemed.value) : oauthError(400, "invalid_grant", CODE_REFUSALS[redeemed.reason]);
  }
  const refreshed = context.tokens.refresh({ refreshToken: input.refresh_token, appKey: clientId });
  return refreshed.ok ? tokenAnswer(refreshed.value) : oauthError(400, "invalid_grant", REFRESH_REFUSALS[refreshed.reason]);
}

export function oauthRoutes(context: PlatformContext): Route[] {
  return [...consentRoutes(context, consentFlow), { method: "POST", path: "/auth/oauth/token", handle: (request) => token(context, request) }];
}
