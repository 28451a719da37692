// One IOP gateway in the sandbox, for Alibaba.com (ICBU) and AliExpress alike: the consent page and token APIs,
// business APIs on `/rest{path}` (GOP: signed with the path, `access_token`) and on `/sync?method=` (TOP: signed
// without it, `session`), each checked the way the gateway checks it before the API runs, then counted against the
// app's and the seller's rate limits.
import type { Catalog } from "../catalog";
import type { Reply, SandboxRequest } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import type { DemoSeller } from "../shops";
import { authRoutes, type TokenFields } from "./auth";
import { errorReply, missingParameter, restReply, syncReply, type IopResult, type Protocol } from "./envelope";
import { readParams, refuseSystemParams } from "./verify";

export type IopCall = {
  params: Record<string, string>;
  seller: DemoSeller;
  catalog: Catalog;
  /** `http://host:port` of the sandbox, for absolute image links. */
  origin: string;
  now: number;
};

export type IopApi = (call: IopCall) => IopResult;

export type IopGateway = {
  platformName: string;
  /** Business APIs on `/rest{path}`, by path (e.g. `/alibaba/icbu/product/list`). */
  rest?: Record<string, IopApi>;
  /** Business APIs on `/sync`, by method name (e.g. `aliexpress.solution.product.list.get`). */
  sync?: Record<string, IopApi>;
  tokenFields: TokenFields;
};

const TOKEN_PARAM: Record<Protocol, string> = { rest: "access_token", sync: "session" };

const ILLEGAL_ACCESS_TOKEN = { code: "IllegalAccessToken", message: "The specified access token is invalid or expired" };

/** Both methods: the IOP gateway serves its APIs over GET and POST alike. */
const getOrPost = (path: string, handle: (request: SandboxRequest) => Reply): Route[] => [
  { method: "GET", path, handle },
  { method: "POST", path, handle },
];

export function iopRoutes(context: PlatformContext, gateway: IopGateway): Route[] {
  function serve(request: SandboxRequest, protocol: Protocol, apiPath: string | undefined, find: (params: Record<string, string>) => { name: string; api: IopApi } | null): Reply {
    const now = Date.now();
    const params = readParams(request);
    const refused = refuseSystemParams(context.app, params, apiPath, now);
    if (refused) return errorReply(protocol, refused);
    if (protocol === "sync" && !params.method) return errorReply(protocol, missingParameter("method"));
    const found = find(params);
    if (!found) return errorReply(protocol, { code: "InvalidMethod", message: `The method ${params.method} does not exist` });
    const tokenParam = TOKEN_PARAM[protocol];
    if (!params[tokenParam]) return errorReply(protocol, missingParameter(tokenParam));
    const token = context.tokens.authenticate(params[tokenParam]!);
    if (!token.ok || token.value.appKey !== params.app_key) return errorReply(protocol, ILLEGAL_ACCESS_TOKEN);
    const throttled = context.throttle("app", token.value.appKey) ?? context.throttle("account", token.value.sellerId);
    if (throttled) return throttled;
    const seller = context.shops.seller(token.value.sellerId);
    if (!seller) return errorReply(protocol, ILLEGAL_ACCESS_TOKEN);
    const result = found.api({ params, seller, catalog: context.shops.catalog(seller.id), origin: request.origin, now });
    if (!result.ok) return errorReply(protocol, result.error);
    return protocol === "rest" ? restReply(result.payload) : syncReply(found.name, result.payload);
  }

  const rest = Object.entries(gateway.rest ?? {}).flatMap(([path, api]) =>
    getOrPost(`/rest${path}`, (request) => serve(request, "rest", path, () => ({ name: path, api }))),
  );
  const sync = gateway.sync ?? {};
  const syncRoutes = Object.keys(sync).length
    ? getOrPost("/sync", (request) =>
        serve(request, "sync", undefined, ({ method = "" }) => (Object.hasOwn(sync, method) ? { name: method, api: sync[method]! } : null)),
      )
    : [];
  return [...authRoutes(context, gateway.platformName, gateway.tokenFields), ...rest, ...syncRoutes];
}
