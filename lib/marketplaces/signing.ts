// Request signatures of the platforms that sign (see shared docs/marketplaces.md §1.2, §2.2, §3.2, §4.2) and
// the PKCE challenge Allegro needs. Pure functions: the sandbox uses the same ones to check what it receives.
import { createHash, createHmac } from "node:crypto";
import { isLosslessNumber } from "lossless-json";

/** Plain code-unit order, as Java's Arrays.sort and Python's sorted: `_` before letters, upper before lower case. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * IOP gateway signature (Alibaba.com ICBU, AliExpress): HMAC-SHA256 over the API path followed by every
 * parameter's key and value, keys in code-unit order. `/rest` calls pass their API path; `/sync` calls pass
 * none. Every parameter is signed as given, so leave out of `params` what is not sent.
 */
export function signIop(secret: string, params: Record<string, string>, apiPath?: string): string {
  const pairs = Object.keys(params)
    .filter((key) => key !== "sign")
    .sort(byCodeUnit)
    .map((key) => key + params[key]);
  return hmacHex("sha256", secret, (apiPath ?? "") + pairs.join("")).toUpperCase();
}

/**
 * 1688 `_aop_signature`: HMAC-SHA1 over the url path (`param2/1/<namespace>/<api>/<appKey>`) followed by the
 * `key+value` strings sorted as whole strings. Sorting the joined strings is not sorting the keys: `page1`
 * sorts before `pageSize20` only because of the value, and the gateway does it this way.
 */
export function signAop(secret: string, urlPath: string, params: Record<string, string>): string {
  const pairs = Object.entries(params)
    .filter(([key]) => key !== "_aop_signature")
    .map(([key, value]) => key + value)
    .sort(byCodeUnit);
  return hmacHex("sha1", secret, urlPath + pairs.join("")).toUpperCase();
}

export type DoudianSignInput = {
  appKey: string;
  appSecret: string;
  /** The API path with dots, e.g. `product.detail`. */
  method: string;
  /** The exact body sent: build it once with `doudianParamJson` and never re-serialize it. */
  paramJson: string;
  timestamp: string;
  signMethod?: "hmac-sha256" | "md5";
};

/** Doudian (抖店) signature, lower-case hex over `secret + fixed pattern + secret`. */
export function signDoudian(input: DoudianSignInput): string {
  const { appKey, appSecret, method, paramJson, timestamp, signMethod = "hmac-sha256" } = input;
  const pattern = `app_key${appKey}method${method}param_json${paramJson}timestamp${timestamp}v2`;
  const data = appSecret + pattern + appSecret;
  if (signMethod === "md5") return createHash("md5").update(data, "utf8").digest("hex");
  return hmacHex("sha256", appSecret, data);
}

/** RFC 7636 S256 code challenge: base64url of the verifier's SHA-256, without padding. */
export function pkceChallenge(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

/**
 * The `param_json` Doudian signs: compact JSON with object keys sorted at every depth, non-ASCII and HTML
 * characters left as they are (the Go SDK turns HTML escaping off). 64-bit ids given as lossless-json
 * LosslessNumber or bigint come out as bare digits, exact; dates and undefined members are treated as
 * JSON.stringify treats them.
 */
export function doudianParamJson(params: unknown): string {
  return compactSorted(params, "param_json");
}

function compactSorted(value: unknown, where: string): string {
  if (value === null) return "null";
  if (isLosslessNumber(value)) return value.value;
  if (value instanceof Date) return JSON.stringify(value.toJSON());
  switch (typeof value) {
    case "bigint":
      return value.toString();
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`${where} is ${value}, which JSON cannot carry`);
      return JSON.stringify(value);
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        return `[${value.map((item, index) => (item === undefined ? "null" : compactSorted(item, `${where}[${index}]`))).join(",")}]`;
      }
      const members = Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .sort(([a], [b]) => byCodeUnit(a, b))
        .map(([key, member]) => `${JSON.stringify(key)}:${compactSorted(member, `${where}.${key}`)}`);
      return `{${members.join(",")}}`;
    }
    default:
      throw new TypeError(`${where} is a ${typeof value}, which JSON cannot carry`);
  }
}

function hmacHex(algorithm: "sha1" | "sha256", key: string, data: string): string {
  return createHmac(algorithm, key).update(data, "utf8").digest("hex");
}
