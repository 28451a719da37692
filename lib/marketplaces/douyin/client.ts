// Calls to Doudian's gateway: `POST {apiUrl}/{path}` with app_key, method, timestamp, v=2, sign, sign_method and
// (for a shop) access_token in the query, and the signed param_json as the body, sent exactly as signed.
// Every answer is the `{code, sub_code, …, data}` envelope; refusals come with HTTP 200 and are read here
// into MarketplaceErrors (429, 5xx and transport failures are already mapped by `send`).
import type { z } from "zod";
import { MarketplaceError, type FailureKind } from "../errors";
import { parseAnswer, send } from "../http";
import type { AppConfig } from "../platform";
import { doudianParamJson, signDoudian } from "../signing";
import { envelopeSchema } from "./schemas";

const SUCCESS = 10000;

/** Sub-codes that say the app's credentials, the signature or the shop's authorization were refused. */
const AUTH_SUB_CODE = /^(isv\.(signature-|access-token-|app-id-|authorization-type-invalid|app-permissions-)|dop\.(token-generate-failed|authorization-|app-forbidden))/;

/** The gateway's limit (60000, `isp.traffic-limited…`) and the product service's own (`2010401`, "触发商品操作限流"). */
const isThrottling = (code: number, subCode: string) => code === 60000 || subCode.startsWith("isp.traffic-limited") || subCode === "isv.business-failed:2010401";

function kindOf(code: number, subCode: string, perItem: boolean): FailureKind {
  if (isThrottling(code, subCode)) return "throttled";
  // 20000 service unavailable, 20001 internal timeout.
  if (code === 20000 || code === 20001) return "unavailable";
  // 30001: the app lacks the permission package, or the shop's authorization ended or was switched off.
  if (code === 30001 || AUTH_SUB_CODE.test(subCode)) return "auth";
  // Missing or wrong business parameters, and business refusals, concern the one product a call names.
  if (perItem && (code === 40002 || code === 40004 || code === 50002)) return "item";
  return "request";
}

/** A request the portal will not send, refused before calling Doudian. */
export function refuse(code: string, message: string): MarketplaceError {
  return new MarketplaceError({ platform: "douyin", kind: "request", code, message });
}

export type CallOptions = {
  /** The call names one product: a business refusal is that product's, kind "item". */
  perItem?: boolean;
};

type SignedCall = { app: AppConfig; path: string; params: Record<string, unknown>; accessToken?: string; options?: CallOptions };

async function signedCall<T extends z.ZodType>(call: SignedCall, schema: T, what: string): Promise<z.infer<T>> {
  const { app, path, params, accessToken, options = {} } = call;
  const method = path.slice(1).replaceAll("/", ".");
  const paramJson = doudianParamJson(params);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const sign = signDoudian({ appKey: app.appKey, appSecret: app.appSecret, method, paramJson, timestamp, signMethod: "hmac-sha256" });
  const query = new URLSearchParams({ app_key: app.appKey, method, timestamp, v: "2", sign, sign_method: "hmac-sha256" });
  if (accessToken) query.set("access_token", accessToken);
  const secrets = [app.appSecret, accessToken, typeof params.refresh_token === "string" ? params.refresh_token : undefined];
  const response = await send({
    platform: "douyin",
    method: "POST",
    url: `${app.apiUrl}${path}?${query}`,
    // The official SDK asks for the new error codes with this header.
    headers: { "content-type": "application/json", accept: "application/json", "x-open-no-old-err-code": "1" },
    body: paramJson,
    secrets,
  });
  if (response.status >= 400 && !envelopeSchema.safeParse(response.json).success) {
    throw new MarketplaceError({ platform: "douyin", kind: "request", code: String(response.status), message: `HTTP ${response.status} from ${method}`, status: response.status });
  }
  const envelope = parseAnswer("douyin", envelopeSchema, response.json, what);
  if (envelope.code !== SUCCESS) {
    const subCode = envelope.sub_code ?? "";
    throw new MarketplaceError({
      platform: "douyin",
      kind: kindOf(envelope.code, subCode, options.perItem ?? false),
      code: subCode || String(envelope.code),
      message: envelope.sub_msg || envelope.msg || `code ${envelope.code}`,
      status: response.status,
    });
  }
  return parseAnswer("douyin", schema, envelope.data, what);
}

export type DoudianApi = {
  call<T extends z.ZodType>(path: string, params: Record<string, unknown>, schema: T, what: string, options?: CallOptions): Promise<z.infer<T>>;
};

/** The API on behalf of one shop; `accessToken` is asked before every call, so a refresh is picked up. */
export function doudianApi(app: AppConfig, accessToken: () => Promise<string>): DoudianApi {
  return {
    call: async (path, params, schema, what, options) => signedCall({ app, path, params, accessToken: await accessToken(), options }, schema, what),
  };
}

/** `token/create` and `token/refresh`: signed by the app alone, without an access token. */
export function tokenCall<T extends z.ZodType>(app: AppConfig, path: "/token/create" | "/token/refresh", params: Record<string, unknown>, schema: T): Promise<z.infer<T>> {
  return signedCall({ app, path, params }, schema, "the token answer");
}
