// Calls to Allegro: the REST API with a bearer token and the vnd media type, and the OAuth token endpoint
// with HTTP Basic client authentication. Allegro signs nothing; its refusals come in two envelopes, read
// here into MarketplaceErrors (429, 5xx and transport failures are already mapped by `send`).
import type { z } from "zod";
import { MarketplaceError } from "../errors";
import { parseAnswer, redact, send, type HttpResponse } from "../http";
import type { AppConfig } from "../platform";
import { authErrorSchema, errorsHolderSchema } from "./schemas";

const MEDIA_TYPE = "application/vnd.allegro.public.v1+json";

// OAuth error codes that say the grant or the client's credentials are refused: re-linking or a fixed
// configuration helps, retrying does not.
const AUTH_CODES = new Set(["invalid_grant", "invalid_client", "unauthorized_client", "unauthorized", "invalid_token"]);

/** Allegro's refusal as a MarketplaceError, with the first error's code and its message for people. */
function refusal(response: HttpResponse, secrets: readonly (string | undefined)[]): MarketplaceError {
  const { status, json } = response;
  const errors = errorsHolderSchema.safeParse(json);
  const oauth = authErrorSchema.safeParse(json);
  let code = String(status);
  let message = redact(response.text.slice(0, 200), secrets) || `HTTP ${status}`;
  if (errors.success) {
    const first = errors.data.errors[0]!;
    code = first.code;
    message = first.userMessage || first.message || first.code;
  } else if (oauth.success) {
    code = oauth.data.error;
    message = oauth.data.error_description || oauth.data.error;
  }
  // 403: the token lacks the scope or the user the rights ("no rights to query offers or token is invalid").
  const auth = status === 401 || status === 403 || AUTH_CODES.has(code);
  return new MarketplaceError({ platform: "allegro", kind: auth ? "auth" : "request", code, message: redact(message, secrets), status });
}

function answer<T extends z.ZodType>(response: HttpResponse, schema: T, what: string, secrets: readonly (string | undefined)[]): z.infer<T> {
  if (response.status < 200 || response.status >= 300) throw refusal(response, secrets);
  return parseAnswer("allegro", schema, response.json, what);
}

export type Query = Record<string, string | number | readonly string[] | undefined>;

function withQuery(url: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

export type AllegroApi = {
  get<T extends z.ZodType>(path: string, query: Query, schema: T, what: string): Promise<z.infer<T>>;
  put<T extends z.ZodType>(path: string, body: unknown, schema: T, what: string): Promise<z.infer<T>>;
};

/** The REST API on behalf of one seller; `accessToken` is asked before every call, so a refresh is picked up. */
export function allegroApi(app: AppConfig, accessToken: () => Promise<string>): AllegroApi {
  async function call<T extends z.ZodType>(method: "GET" | "PUT", url: string, body: unknown, schema: T, what: string): Promise<z.infer<T>> {
    const token = await accessToken();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: MEDIA_TYPE };
    if (body !== undefined) headers["content-type"] = MEDIA_TYPE;
    const secrets = [token];
    const response = await send({ platform: "allegro", method, url, headers, body: body === undefined ? undefined : JSON.stringify(body), secrets });
    return answer(response, schema, what, secrets);
  }
  return {
    get: (path, query, schema, what) => call("GET", withQuery(app.apiUrl + path, query), undefined, schema, what),
    put: (path, body, schema, what) => call("PUT", app.apiUrl + path, body, schema, what),
  };
}

/** `POST /auth/oauth/token` with the app's id and secret as HTTP Basic credentials and a form body. */
export async function tokenCall<T extends z.ZodType>(app: AppConfig, form: Record<string, string | undefined>, schema: T): Promise<z.infer<T>> {
  const fields = Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const secrets = [app.appSecret, form.code, form.code_verifier, form.refresh_token];
  const response = await send({
    platform: "allegro",
    method: "POST",
    url: `${app.authUrl}/auth/oauth/token`,
    headers: {
      authorization: `Basic ${Buffer.from(`${app.appKey}:${app.appSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    },
    body: new URLSearchParams(fields).toString(),
    secrets,
  });
  return answer(response, schema, "the token answer", secrets);
}
