// What a sandbox handler sees and returns. Handlers return a Reply instead of writing to the socket, so the
// fault layer can delay, replace or corrupt any answer the same way for every platform.
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { z } from "zod";

export type SandboxRequest = {
  method: string;
  /** The path below the platform's prefix, e.g. `/sale/offers`. */
  path: string;
  /** Route parameters, e.g. `{ offerId: "12345678901" }`. */
  params: Record<string, string>;
  /** Query parameters; a repeated name gives an array. */
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  body: string;
  /** `http://host:port` as the client reached the sandbox, for absolute links in answers. */
  origin: string;
  /** The path and query as received, for consent forms that post back to the same address. */
  rawUrl: string;
};

export type Reply = { status: number; headers: Record<string, string>; body: string };

export function jsonReply(status: number, value: unknown, contentType = "application/json;charset=UTF-8", headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": contentType, ...headers }, body: JSON.stringify(value) };
}

export function htmlReply(status: number, markup: string): Reply {
  return { status, headers: { "content-type": "text/html;charset=UTF-8", "cache-control": "no-store" }, body: markup };
}

export function redirectReply(location: string): Reply {
  return { status: 302, headers: { location, "cache-control": "no-store" }, body: "" };
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/** A form body as a flat object; a repeated name keeps its last value, as most OAuth servers do. */
export function formObject(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** A query parameter that may be given once or repeated (`?status=A&status=B`), always read as an array. */
export function repeatable<T extends z.ZodType>(item: T) {
  return z.union([item.transform((value) => [value]), z.array(item)]);
}

/** A non-negative integer written in a query string. */
export function queryInt(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(min, `must be greater than or equal to ${min}`).max(max, `must be less than or equal to ${max}`));
}

/** A zod problem as the dotted path of its field and its message. */
export function describeIssue(issue: z.core.$ZodIssue): { path: string; message: string } {
  return { path: issue.path.map(String).join("."), message: issue.message };
}

// Query and form names whose values are credentials on some platform; never written to a log.
const SECRET_PARAMS = new Set(["access_token", "refresh_token", "client_secret", "app_secret", "code", "code_verifier", "session", "sign", "_aop_signature", "password"]);

/** The path and query of a request with credential values masked, for the request log. */
export function redactUrl(rawUrl: string): string {
  const url = new URL(rawUrl, "http://sandbox");
  const query = [...url.searchParams].map(([key, value]) => `${encodeURI(key)}=${SECRET_PARAMS.has(key) ? "[redacted]" : encodeURI(value)}`);
  return url.pathname + (query.length ? `?${query.join("&")}` : "");
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
