// What every Allegro API call must carry: a live bearer token with the right scope and the vnd Accept header.
// Then the call counts against the app's and the seller's rate limits.
import { z } from "zod";
import type { Catalog } from "../catalog";
import type { Reply, SandboxRequest } from "../http";
import type { PlatformContext } from "../platform";
import type { DemoSeller } from "../shops";
import type { AccessTokenRecord } from "../state";
import { apiErrors, apiUnauthorized } from "./errors";
import { MEDIA_TYPE } from "./profile";

export type AllegroSession = { seller: DemoSeller; catalog: Catalog; token: AccessTokenRecord };

export type UserHandler = (request: SandboxRequest, session: AllegroSession) => Reply | Promise<Reply>;

const bearerSchema = z.string().regex(/^Bearer\s+\S+$/i).transform((value) => value.replace(/^Bearer\s+/i, ""));
const acceptSchema = z.string().refine((value) => value.split(",").some((type) => type.trim().split(";")[0] === MEDIA_TYPE));

const unauthorized = (error: string, description: string) => apiUnauthorized(error, description, { "www-authenticate": `Bearer error="${error}", error_description="${description}"` });

/** Wraps a handler that needs a seller's token; `scope` null means any valid token will do. */
export function forUser(context: PlatformContext, scope: string | null, handle: UserHandler) {
  return (request: SandboxRequest): Reply | Promise<Reply> => {
    const bearer = bearerSchema.safeParse(request.headers.authorization);
    if (!bearer.success) return apiUnauthorized("unauthorized", "Full authentication is required to access this resource");
    const token = context.tokens.authenticate(bearer.data);
    if (!token.ok) return token.reason === "expired" ? unauthorized("invalid_token", "Access token expired") : unauthorized("invalid_token", "Invalid access token");
    if (!acceptSchema.safeParse(request.headers.accept).success) {
      return apiErrors(406, { code: "NotAcceptableException", message: "Not acceptable representation requested. Please check 'Accept' request header" });
    }
    if (scope && !token.value.scope.split(" ").includes(scope)) {
      return apiErrors(403, { code: "AccessDenied", message: `The token lacks the scope ${scope}`, userMessage: "Access denied." });
    }
    const throttled = context.throttle("app", token.value.appKey) ?? context.throttle("account", token.value.sellerId);
    if (throttled) return throttled;
    const seller = context.shops.seller(token.value.sellerId);
    if (!seller) return unauthorized("invalid_token", "Invalid access token");
    return handle(request, { seller, catalog: context.shops.catalog(seller.id), token: token.value });
  };
}
