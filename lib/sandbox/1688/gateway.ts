// What every param2 call passes at 1688's gateway, in the gateway's order: the API exists, the app key is
// known, `_aop_signature` is signAop over the url path and every other parameter sent (query and form alike),
// the app's rate, the access token (required by all but public APIs), the seller's rate, required parameters.
// Only then does the API run, with its own business envelope for what it refuses.
import { z } from "zod";
import { signAop } from "../../marketplaces/signing";
import type { Catalog } from "../catalog";
import { describeIssue, formObject, type Reply, type SandboxRequest } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import type { DemoSeller } from "../shops";
import { gatewayError, unauthorized } from "./errors";
import { NAMESPACE } from "./profile";

export type Params = Record<string, string>;

/** Public APIs called without a token answer from the first demo shop (a real tree is the same for all). */
export type AopSession = { seller: DemoSeller; catalog: Catalog };

export type AopApi = {
  needsToken: boolean;
  /** Parameters the gateway refuses to go without (gw.ParamMissing), before the API runs. */
  required: readonly string[];
  handle(params: Params, session: AopSession, request: SandboxRequest): Reply;
};

/** An API's own refusal in its business envelope (HTTP 200), e.g. `{success: false, code, message}`. */
export type Refuse = (code: string, message: string) => Reply;

/** Query and form parameters as one flat map; a repeated name keeps its last value, the form wins. */
function sentParams(request: SandboxRequest): Params {
  const query = Object.fromEntries(Object.entries(request.query).map(([key, value]) => [key, Array.isArray(value) ? value.at(-1)! : value]));
  return { ...query, ...formObject(request.body) };
}

function pass(context: PlatformContext, apis: Readonly<Record<string, AopApi>>, request: SandboxRequest): Reply {
  const { namespace = "", apiName = "", appKey = "" } = request.params;
  const api = namespace === NAMESPACE && Object.hasOwn(apis, apiName) ? apis[apiName] : undefined;
  if (!api) return gatewayError(400, "gw.APIUnsupported", `API ${namespace}:${apiName}-1 is not supported`);
  if (appKey !== context.app.appKey) return gatewayError(400, "gw.AppKeyNotExist", `App key ${appKey} does not exist`);
  const { _aop_signature: signature, ...params } = sentParams(request);
  if (!signature) return gatewayError(400, "gw.SignatureInvalid", "Signature is required: _aop_signature is missing");
  if (signature !== signAop(context.app.appSecret, `param2/1/${namespace}/${apiName}/${appKey}`, params)) {
    return gatewayError(400, "gw.SignatureInvalid", "Signature invalid");
  }
  const appThrottled = context.throttle("app", appKey);
  if (appThrottled) return appThrottled;
  let sellerId = context.shops.sellers[0]!.id;
  if (params.access_token) {
    const token = context.tokens.authenticate(params.access_token);
    if (!token.ok) return unauthorized(token.reason === "expired" ? "access_token expired" : "access_token is invalid");
    if (token.value.appKey !== appKey) return unauthorized("access_token was issued to another app");
    sellerId = token.value.sellerId;
    const accountThrottled = context.throttle("account", sellerId);
    if (accountThrottled) return accountThrottled;
  } else if (api.needsToken) {
    return unauthorized();
  }
  const missing = api.required.find((name) => !params[name]);
  if (missing) return gatewayError(400, "gw.ParamMissing", `Required parameter "${missing}" is missing`);
  const seller = context.shops.seller(sellerId);
  if (!seller) return unauthorized("access_token is invalid");
  return api.handle(params, { seller, catalog: context.shops.catalog(seller.id) }, request);
}

export function gatewayRoutes(context: PlatformContext, apis: Readonly<Record<string, AopApi>>): Route[] {
  const path = "/openapi/param2/1/:namespace/:apiName/:appKey";
  const handle = (request: SandboxRequest) => pass(context, apis, request);
  // The SDKs POST a form; a GET with the same parameters in the query is answered alike.
  return [
    { method: "POST", path, handle },
    { method: "GET", path, handle },
  ];
}

/** Reads an API's parameters; a value of the wrong form is the API's own refusal. */
export function readParams<T>(schema: z.ZodType<T>, params: Params, refuse: Refuse): { ok: true; value: T } | { ok: false; reply: Reply } {
  const parsed = schema.safeParse(params);
  if (parsed.success) return { ok: true, value: parsed.data };
  const { path, message } = describeIssue(parsed.error.issues[0]!);
  return { ok: false, reply: refuse("PARAM_INVALID", `${path}: ${message}`) };
}

/** A Long written as text. */
export const long = z.string().regex(/^\d{1,19}$/, "must be a whole number");

/** A param2 array: JSON text. */
export function jsonArray<T extends z.ZodType>(item: T) {
  return z
    .string()
    .transform((text, context): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        context.addIssue({ code: "custom", message: "must be a JSON array" });
        return z.NEVER;
      }
    })
    .pipe(z.array(item));
}

/** Product ids in a JSON array, as numbers (Longs) or digit strings. */
export const productIdList = jsonArray(z.union([z.number().int().nonnegative().transform(String), z.string().regex(/^\d+$/)]));
