import type { PlatformId } from "./types";

/**
 * Why a marketplace call failed. The first five are systemic: they say nothing about the items in the call,
 * so bulk jobs pause or retry instead of failing items. "item" and "request" are the caller's problem.
 */
export type FailureKind =
  | "throttled" // the platform's rate limit: wait and retry
  | "unavailable" // 5xx, network error
  | "timeout"
  | "auth" // token expired, revoked or refused: refresh, or the link needs re-linking
  | "invalid_response" // the answer did not match the platform's documented shape
  | "item" // this product cannot change (wrong state, missing parameters, not the seller's)
  | "request"; // the portal asked for something the platform refuses (bad parameter, unknown id)

const SYSTEMIC: ReadonlySet<FailureKind> = new Set(["throttled", "unavailable", "timeout", "auth", "invalid_response"]);

const PLATFORM_NAMES: Record<PlatformId, string> = {
  alibaba: "Alibaba.com",
  "1688": "1688",
  aliexpress: "AliExpress",
  douyin: "Douyin shop",
  allegro: "Allegro",
};

const PLAIN_WORDS: Record<FailureKind, string> = {
  throttled: "is limiting how fast we may call it; the portal waits and retries",
  unavailable: "is not answering properly right now",
  timeout: "did not answer in time",
  auth: "refused the shop's authorization",
  invalid_response: "sent an answer the portal could not read",
  item: "refused this product",
  request: "refused the request",
};

/** A marketplace failure, in plain words for the user, with the platform's own code and message beside them. */
export class MarketplaceError extends Error {
  readonly platform: PlatformId;
  readonly kind: FailureKind;
  /** The platform's own error code, e.g. `ApiCallLimit`, `gw.SignatureInvalid`, `invalid_grant`. */
  readonly code: string;
  /** The platform's own message, as it sent it (secrets already redacted). */
  readonly platformMessage: string;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(init: { platform: PlatformId; kind: FailureKind; code: string; message: string; status?: number; retryAfterMs?: number }) {
    super(`${PLATFORM_NAMES[init.platform]} ${PLAIN_WORDS[init.kind]}: ${init.message} (${init.code})`);
    this.name = "MarketplaceError";
    this.platform = init.platform;
    this.kind = init.kind;
    this.code = init.code;
    this.platformMessage = init.message;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
  }

  get systemic(): boolean {
    return SYSTEMIC.has(this.kind);
  }
}

export const platformName = (platform: PlatformId) => PLATFORM_NAMES[platform];
