import { isSafeNumber, parse } from "lossless-json";
import type { z } from "zod";
import { MarketplaceError } from "./errors";
import type { PlatformId } from "./types";

// Parameter names whose values are secrets on some platform; they are masked in every log line and error.
const SECRET_PARAMS = ["access_token", "refresh_token", "client_secret", "app_secret", "session", "code", "code_verifier", "sign", "_aop_signature"];

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Masks secret query/form parameters, bearer tokens and any given literal secrets. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(new RegExp(`\\b(${SECRET_PARAMS.join("|")})=([^&\\s"]+)`, "g"), "$1=[redacted]");
  out = out.replace(/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, "$1 [redacted]");
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join("[redacted]");
  return out;
}

/**
 * JSON with 64-bit integers intact: numbers beyond 2^53 become strings (Doudian's 19-digit ids), the rest
 * stay numbers. Schemas accept ids as string-or-number and normalize them to strings.
 */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, (value) => (isSafeNumber(value) ? Number(value) : value));
}

export type HttpRequest = {
  platform: PlatformId;
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  /** A raw body (form-encoded or JSON text) sent exactly as given: signatures cover these bytes. */
  body?: string;
  timeoutMs?: number;
  /** Literal secrets of this call (app secret, tokens) to mask wherever the call is described. */
  secrets?: readonly (string | undefined)[];
};

export type HttpResponse = { status: number; headers: Headers; text: string; json: unknown };

/**
 * The one HTTP client for every platform: a timeout on each call, lossless JSON, and transport failures
 * (network, timeout, 5xx, 429) turned into systemic MarketplaceErrors. Platform envelopes are read by the
 * platform's own client, which calls `parseAnswer` for the shape.
 */
export async function send(request: HttpRequest): Promise<HttpResponse> {
  const { platform, method, url, headers, body, timeoutMs = DEFAULT_TIMEOUT_MS, secrets = [] } = request;
  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError");
    logCall(platform, method, url, timedOut ? "timeout" : "network error", started, secrets);
    throw new MarketplaceError({
      platform,
      kind: timedOut ? "timeout" : "unavailable",
      code: timedOut ? "timeout" : "network_error",
      message: timedOut ? `no answer within ${Math.round(timeoutMs / 1000)} s` : redact((error as Error).message, secrets),
    });
  }
  const text = await response.text();
  logCall(platform, method, url, String(response.status), started, secrets);
  if (response.status === 429) {
    throw new MarketplaceError({ platform, kind: "throttled", code: "429", message: "Too many requests", status: 429, retryAfterMs: retryAfterMs(response.headers) });
  }
  if (response.status >= 500) {
    throw new MarketplaceError({ platform, kind: "unavailable", code: String(response.status), message: redact(text.slice(0, 200), secrets) || response.statusText, status: response.status });
  }
  let json: unknown = undefined;
  if (text && /json/.test(response.headers.get("content-type") ?? "json")) {
    try {
      json = parseJsonLossless(text);
    } catch {
      throw new MarketplaceError({ platform, kind: "invalid_response", code: "malformed_json", message: "the answer is not valid JSON", status: response.status });
    }
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Checks an answer against the platform's documented shape; a mismatch names the field, never crashes. */
export function parseAnswer<T extends z.ZodType>(platform: PlatformId, schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length ? issue.path.join(".") : "(the whole answer)";
  throw new MarketplaceError({ platform, kind: "invalid_response", code: "unexpected_answer", message: `${what}: field ${field} ${issue.message.toLowerCase()}` });
}

export function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function logCall(platform: PlatformId, method: string, url: string, outcome: string, started: number, secrets: readonly (string | undefined)[]) {
  if (process.env.MARKETPLACE_LOG !== "1") return;
  console.info(`[${platform}] ${method} ${redact(url, secrets)} -> ${outcome} in ${Date.now() - started} ms`);
}
