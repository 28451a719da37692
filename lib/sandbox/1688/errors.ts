// 1688's envelopes for refusals made before any API runs: the gateway's `{error_code, error_message,
// request_id}` and the token endpoint's OAuth-style `{error, error_description}`. Each API's own business
// envelope is built beside the API.
import { randomBytes } from "node:crypto";
import { jsonReply, type Reply } from "../http";
import type { PlatformAnswers } from "../platform";

const requestId = () => randomBytes(12).toString("hex");

export function gatewayError(status: number, code: string, message: string): Reply {
  return jsonReply(status, { error_code: code, error_message: message, request_id: requestId() });
}

export function oauthError(status: number, error: string, description: string): Reply {
  return jsonReply(status, { error, error_description: description });
}

/** What the gateway says to a missing, unknown or expired access token (seen as error_code "401"). */
export const unauthorized = (detail?: string) => gatewayError(401, "401", detail ? `Request need user authorized: ${detail}` : "Request need user authorized");

export const answers: PlatformAnswers = {
  notFound: (request) => gatewayError(404, "gw.APIUnsupported", `No API at ${request.method} ${request.path}`),
  // HTTP 400, as in the one log line of it found (docs §2.6); no Retry-After.
  throttled: () => gatewayError(400, "gw.QosAppFrequencyLimit", "App call exceeds limited frequency"),
  serverError: () => gatewayError(500, "gw.InternalError", "Internal error, please retry later"),
};
