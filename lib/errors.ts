import { z } from "zod";
import { MarketplaceError, type FailureKind } from "./marketplaces/errors";

const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  marketplace_unavailable: 502,
} as const;

export type ErrorCode = keyof typeof STATUS;

/** The one error shape of the portal, on the wire and in the UI. */
export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    /** Per-field messages for forms, keyed by the input's name. */
    fields?: Record<string, string>;
    retryAfterSeconds?: number;
    /** For marketplace failures: the platform and its own error code, shown beside the plain message. */
    platform?: string;
    platformCode?: string;
  };
};

/** An error whose message is safe and meant to be shown to the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

const MARKETPLACE_CODES: Record<FailureKind, ErrorCode> = {
  throttled: "rate_limited",
  unavailable: "marketplace_unavailable",
  timeout: "marketplace_unavailable",
  invalid_response: "marketplace_unavailable",
  auth: "conflict",
  item: "validation_failed",
  request: "bad_request",
};

/** Maps anything thrown to the error body and HTTP status; unknown errors never leak their text. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof MarketplaceError) {
    const code = MARKETPLACE_CODES[error.kind];
    return {
      status: STATUS[code],
      body: {
        error: {
          code,
          message: error.message,
          platform: error.platform,
          platformCode: error.code,
          ...(error.retryAfterMs ? { retryAfterSeconds: Math.ceil(error.retryAfterMs / 1000) } : {}),
        },
      },
    };
  }
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...error.details } } };
  }
  if (error instanceof z.ZodError) {
    const fields = fieldErrors(error);
    const summary = Object.entries(fields)
      .map(([field, message]) => (field === "_" ? message : `${field}: ${message}`))
      .join("; ");
    return { status: 422, body: { error: { code: "validation_failed", message: `Please check the input. ${summary}`, fields } } };
  }
  console.error("Unexpected error", error);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side. Please try again." } } };
}
