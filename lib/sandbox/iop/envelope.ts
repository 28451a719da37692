// The IOP gateway's two answer envelopes (shared docs/marketplaces.md §1.5, §3.4). `/rest` (GOP) answers carry
// `code: "0"` and `request_id` beside the payload, and fail as `{type, code, message, request_id}`; `/sync` (TOP)
// answers wrap the payload in `<method_with_underscores>_response` and fail as `{error_response: {…}}`. Refusals come
// with HTTP 200, as the SDKs read the body and not the status; only the gateway's own breakdowns are 5xx.
import { randomBytes } from "node:crypto";
import { jsonReply, type Reply } from "../http";
import type { PlatformAnswers } from "../platform";

export type Protocol = "rest" | "sync";

export type IopError = {
  code: string;
  message: string;
  /** Whose fault: the caller (ISV, the default), the platform's service (ISP) or the gateway (SYSTEM). */
  type?: "ISV" | "ISP" | "SYSTEM";
  /** `/sync` only: the business code and text under the gateway code. */
  subCode?: string;
  subMessage?: string;
};

/** What an API handler returns: its payload, or why the call as a whole is refused. */
export type IopResult = { ok: true; payload: Record<string, unknown> } | { ok: false; error: IopError };

export const answer = (payload: Record<string, unknown>): IopResult => ({ ok: true, payload });
export const refuse = (code: string, message: string, extra: Omit<IopError, "code" | "message"> = {}): IopResult => ({ ok: false, error: { code, message, ...extra } });

// Shaped like the gateway's ids (hex, 21 characters), which support desks ask for.
const requestId = () => randomBytes(11).toString("hex").slice(0, 21);

const CONTENT_TYPE = "application/json;charset=UTF-8";

export function errorReply(protocol: Protocol, error: IopError, options: { status?: number; headers?: Record<string, string> } = {}): Reply {
  const type = error.type ?? "ISV";
  const body =
    protocol === "rest"
      ? { type, code: error.code, message: error.message, request_id: requestId() }
      : { error_response: { type, code: error.code, msg: error.message, sub_code: error.subCode, sub_msg: error.subMessage, request_id: requestId() } };
  return jsonReply(options.status ?? 200, body, CONTENT_TYPE, options.headers);
}

export function restReply(payload: Record<string, unknown>): Reply {
  return jsonReply(200, { ...payload, code: "0", request_id: requestId() }, CONTENT_TYPE);
}

/** `aliexpress.solution.product.list.get` answers under `aliexpress_solution_product_list_get_response`. */
export function syncReply(method: string, payload: Record<string, unknown>): Reply {
  return jsonReply(200, { [`${method.replaceAll(".", "_")}_response`]: { ...payload, request_id: requestId() } }, CONTENT_TYPE);
}

export const missingParameter = (name: string): IopError => ({
  code: "MissingParameter",
  message: `The input parameter "${name}" that is mandatory for processing this request is not supplied`,
});

/**
 * The core's answers in the envelope of the protocol the platform's business APIs use. `ApiCallLimit` is the IOP
 * family's throttling code (§1.6, §3.5); `InvalidApiPath` and `InternalError` are the sandbox's choice [INFER].
 */
export function iopAnswers(businessProtocol: Protocol): PlatformAnswers {
  return {
    notFound: (request) =>
      errorReply(request.path.startsWith("/sync") ? "sync" : "rest", { code: "InvalidApiPath", message: `The specified API path ${request.path} is invalid` }, { status: 404 }),
    throttled: (retryAfterSeconds) =>
      errorReply(
        businessProtocol,
        { code: "ApiCallLimit", message: `This request has exceeded the API call limit; try again in ${retryAfterSeconds} s` },
        { headers: { "retry-after": String(retryAfterSeconds) } },
      ),
    serverError: () => errorReply(businessProtocol, { type: "SYSTEM", code: "InternalError", message: "The request processing has failed due to some unknown error" }, { status: 500 }),
  };
}
