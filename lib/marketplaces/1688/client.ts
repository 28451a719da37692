// Calls to 1688's gateway: `param2` APIs signed with `_aop_signature` (signAop over the url path and every
// sent parameter), and the unsigned getToken endpoint. Refusals come in three envelopes: the gateway's
// `{error_code, error_message}` (HTTP 4xx), the token endpoint's OAuth `{error, error_description}`, and each
// API's own business envelope, which the caller reads with `refusalOf`. 5xx and transport failures are
// already mapped by `send`.
import type { z } from "zod";
import { MarketplaceError, type FailureKind } from "../errors";
import { parseAnswer, redact, send, type HttpResponse } from "../http";
import type { AppConfig } from "../platform";
import { signAop } from "../signing";
import { gatewayErrorSchema, oauthErrorSchema } from "./schemas";

const NAMESPACE = "com.alibaba.product";
const FORM = "application/x-www-form-urlencoded; charset=UTF-8";

// 1688 throttles with HTTP 400 and a gw.Qos… code, not with 429.
const THROTTLE_CODE = /^gw\.Qos/;

// Codes that say the app or the seller's grant is refused: a fixed secret or a re-link helps, a retry does not.
// "401" is the gateway's answer to a missing, unknown or expired access token ("Request need user authorized").
const AUTH_CODES = new Set(["401", "gw.SignatureInvalid", "gw.AppKeyNotExist", "gw.APIACLDecline", "APIACLDecline", "invalid_client", "invalid_grant", "unauthorized_client"]);

function kindOf(code: string, status: number): FailureKind {
  if (THROTTLE_CODE.test(code)) return "throttled";
  return AUTH_CODES.has(code) || status === 401 || status === 403 ? "auth" : "request";
}

type Secrets = readonly (string | undefined)[];

/** A gateway or token-endpoint refusal as a MarketplaceError with 1688's code and message. */
function refusal(response: HttpResponse, secrets: Secrets): MarketplaceError {
  const gateway = gatewayErrorSchema.safeParse(response.json);
  const oauth = oauthErrorSchema.safeParse(response.json);
  let code = String(response.status);
  let message = response.text.slice(0, 200) || `HTTP ${response.status}`;
  if (gateway.success) {
    code = gateway.data.error_code;
    message = gateway.data.error_message || code;
  } else if (oauth.success) {
    code = oauth.data.error;
    message = oauth.data.error_description || code;
  }
  return new MarketplaceError({ platform: "1688", kind: kindOf(code, response.status), code, message: redact(message, secrets), status: response.status });
}

/** An API's own refusal inside a 200 answer, or null when it answered. */
export type Refusal = { code: string; message: string } | null;

export type Params = Record<string, string | undefined>;

export type AopApi = {
  call<T extends z.ZodType>(apiName: string, params: Params, schema: T, what: string, refusalOf: (answer: z.infer<T>) => Refusal): Promise<z.infer<T>>;
};

const defined = (params: Params): Record<string, string> =>
  Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));

/** The `com.alibaba.product` APIs on behalf of one seller; `accessToken` is asked before every call. */
export function aopApi(app: AppConfig, accessToken: () => Promise<string>): AopApi {
  return {
    async call(apiName, business, schema, what, refusalOf) {
      const token = await accessToken();
      const urlPath = `param2/1/${NAMESPACE}/${apiName}/${app.appKey}`;
      // Everything sent is signed, the token and the timestamp included.
      const params = { ...defined(business), access_token: token, _aop_timestamp: String(Date.now()) };
      const signed = { ...params, _aop_signature: signAop(app.appSecret, urlPath, params) };
      const secrets = [token, app.appSecret];
      const response = await send({
        platform: "1688",
        method: "POST",
        url: `${app.apiUrl}/openapi/${urlPath}`,
        headers: { "content-type": FORM, accept: "application/json" },
        body: new URLSearchParams(signed).toString(),
        secrets,
      });
      if (response.status >= 400) throw refusal(response, secrets);
      const answer = parseAnswer("1688", schema, response.json, what);
      const refused = refusalOf(answer);
      if (refused) throw new MarketplaceError({ platform: "1688", kind: "request", code: refused.code, message: redact(refused.message, secrets), status: response.status });
      return answer;
    },
  };
}

/** `POST /openapi/http/1/system.oauth2/getToken/{appKey}`: a plain form, never signed (docs §2.1). */
export async function tokenCall<T extends z.ZodType>(app: AppConfig, form: Params, schema: T): Promise<z.infer<T>> {
  const secrets = [app.appSecret, form.code, form.refresh_token];
  const response = await send({
    platform: "1688",
    method: "POST",
    url: `${app.apiUrl}/openapi/http/1/system.oauth2/getToken/${encodeURIComponent(app.appKey)}`,
    headers: { "content-type": FORM, accept: "application/json" },
    body: new URLSearchParams({ ...defined(form), client_id: app.appKey, client_secret: app.appSecret }).toString(),
    secrets,
  });
  if (response.status >= 400) throw refusal(response, secrets);
  return parseAnswer("1688", schema, response.json, "the token answer");
}
