// Signed calls to an IOP gateway (Alibaba.com ICBU, AliExpress), as shared docs/marketplaces.md §1.2–1.3 and §3.2
// describe them: system parameters app_key, timestamp (ms) and sign_method=sha256; `/rest{path}` (GOP) signs the
// path in front of the sorted parameters and carries `access_token`, `/sync?method=` (TOP) signs the parameters alone
// and carries `session`. Bodies are form-encoded. Refusals in either envelope become MarketplaceErrors here (429,
// 5xx and transport failures are already mapped by `send`).
import { z } from "zod";
import { MarketplaceError, type FailureKind } from "../errors";
import { parseAnswer, redact, retryAfterMs, send, type HttpResponse } from "../http";
import type { AppConfig } from "../platform";
import { signIop } from "../signing";
import type { PlatformId } from "../types";
import { restFailureSchema, syncFailureSchema } from "./schemas";

export type Params = Record<string, string | number | boolean | undefined>;

// Gateway codes that say the app's credentials, the signature or the grant are refused: re-linking or fixing the
// configuration helps, retrying does not. InvalidCode, IllegalRefreshToken, IllegalAccessToken and
// IncompleteSignature are documented (Lazada's IOP pages, §3.4); the rest are the sandbox's names [INFER].
const AUTH_CODES = new Set(["IncompleteSignature", "IllegalAccessToken", "IllegalRefreshToken", "InvalidCode", "InvalidAppKey", "InvalidSignMethod", "InvalidTimestamp"]);
// ApiCallLimit is the IOP family's throttling code (§1.6, §3.5); 7 is TOP's "App Call Limited".
const THROTTLING_CODES = new Set(["ApiCallLimit", "7"]);

function kindOf(code: string, type: string | null | undefined): FailureKind {
  if (THROTTLING_CODES.has(code)) return "throttled";
  if (AUTH_CODES.has(code)) return "auth";
  // ISP and SYSTEM: the platform's service or the gateway failed, not the request.
  return type === "ISP" || type === "SYSTEM" ? "unavailable" : "request";
}

/** The refusal in either envelope, or null when the answer is not one. */
function refusal(platform: PlatformId, response: HttpResponse, secrets: readonly (string | undefined)[]): MarketplaceError | null {
  const retryAfter = retryAfterMs(response.headers);
  const sync = syncFailureSchema.safeParse(response.json);
  if (sync.success) {
    const { code, type, msg, sub_code: subCode, sub_msg: subMessage } = sync.data.error_response;
    return new MarketplaceError({ platform, kind: kindOf(code, type), code: subCode || code, message: redact(subMessage || msg || code, secrets), status: response.status, retryAfterMs: retryAfter });
  }
  const rest = restFailureSchema.safeParse(response.json);
  if (rest.success) {
    const { code, type, message } = rest.data;
    return new MarketplaceError({ platform, kind: kindOf(code, type), code, message: redact(message || code, secrets), status: response.status, retryAfterMs: retryAfter });
  }
  return null;
}

const asStrings = (params: Params) =>
  Object.fromEntries(
    Object.entries(params)
      .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== "")
      .map(([key, value]) => [key, String(value)]),
  );

export type IopClient = {
  /** `POST {apiUrl}/rest{apiPath}`; without an access token for the token APIs. */
  rest<T extends z.ZodType>(apiPath: string, params: Params, schema: T, what: string, accessToken?: string): Promise<z.infer<T>>;
  /** `POST {apiUrl}/sync?method=…`, the answer taken out of its `<method_with_underscores>_response` wrapper. */
  sync<T extends z.ZodType>(method: string, params: Params, schema: T, what: string, session: string): Promise<z.infer<T>>;
};

export function iopClient(platform: PlatformId, app: AppConfig): IopClient {
  async function post(url: string, body: Record<string, string>, credentials: (string | undefined)[]): Promise<HttpResponse> {
    const secrets = [app.appSecret, ...credentials];
    const response = await send({
      platform,
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8", accept: "application/json" },
      body: new URLSearchParams(body).toString(),
      secrets,
    });
    const refused = refusal(platform, response, secrets);
    if (refused) throw refused;
    if (response.status < 200 || response.status >= 300) {
      throw new MarketplaceError({ platform, kind: "request", code: String(response.status), message: redact(response.text.slice(0, 200), secrets) || `HTTP ${response.status}`, status: response.status });
    }
    return response;
  }

  const systemParams = () => ({ app_key: app.appKey, timestamp: String(Date.now()), sign_method: "sha256" });

  return {
    async rest(apiPath, params, schema, what, accessToken) {
      const signed = asStrings({ ...params, ...systemParams(), access_token: accessToken });
      signed.sign = signIop(app.appSecret, signed, apiPath);
      const response = await post(`${app.apiUrl}/rest${apiPath}`, signed, [accessToken, signed.code, signed.refresh_token]);
      return parseAnswer(platform, schema, response.json, what);
    },
    async sync(method, params, schema, what, session) {
      // As the official SDK sends them: the system parameters in the query string, the business ones in the body.
      const system = asStrings({ ...systemParams(), method, session, format: "json", v: "2.0" });
      const business = asStrings(params);
      const sign = signIop(app.appSecret, { ...system, ...business });
      const response = await post(`${app.apiUrl}/sync?${new URLSearchParams({ ...system, sign })}`, business, [session]);
      const wrapper = `${method.replaceAll(".", "_")}_response`;
      const body = parseAnswer(platform, z.object({ [wrapper]: z.record(z.string(), z.unknown()) }), response.json, what);
      return parseAnswer(platform, schema, body[wrapper], what);
    },
  };
}
