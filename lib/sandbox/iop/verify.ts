// The checks the IOP gateway makes before any API runs: the system parameters and the signature (§1.2, §3.2).
// `/rest{path}` calls sign the API path followed by the sorted parameters; `/sync` calls sign the parameters alone.
// Like the official Java SDK (IopHashMap), the gateway leaves parameters with an empty value out of the signed set.
import { signIop } from "../../marketplaces/signing";
import type { AppCredentials } from "../config";
import type { SandboxRequest } from "../http";
import { missingParameter, type IopError } from "./envelope";

/** Lazada's IOP documentation allows "less than 7200s difference from UTC time". */
const TIMESTAMP_TOLERANCE_MS = 7200 * 1000;

/**
 * Every parameter of the call: the query string (where the `/sync` SDK puts the system parameters) and the form body
 * (the business parameters). A name given twice in the query (the Java SDK repeats `method`) counts once.
 */
export function readParams(request: SandboxRequest): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.query)) params[key] = Array.isArray(value) ? value[0]! : value;
  for (const [key, value] of new URLSearchParams(request.body)) params[key] = value;
  return params;
}

const signedSet = (params: Record<string, string>) => Object.fromEntries(Object.entries(params).filter(([key, value]) => key !== "sign" && key !== "" && value !== ""));

/**
 * Why the gateway refuses the call before looking at the API, or null. `apiPath` is the path signed in front of the
 * parameters: given for `/rest` calls, absent for `/sync`. The error codes other than MissingParameter and
 * IncompleteSignature (which Lazada's IOP documentation lists) are the sandbox's choice [INFER].
 */
export function refuseSystemParams(app: AppCredentials, params: Record<string, string>, apiPath: string | undefined, now: number): IopError | null {
  for (const name of ["app_key", "sign_method", "timestamp", "sign"]) if (!params[name]) return missingParameter(name);
  if (params.app_key !== app.appKey) return { code: "InvalidAppKey", message: `The app key ${params.app_key} is not registered` };
  if (params.sign_method !== "sha256") return { code: "InvalidSignMethod", message: `The sign method "${params.sign_method}" is not supported; use sha256` };
  const timestamp = Number(params.timestamp);
  if (!/^\d{13}$/.test(params.timestamp!) || Math.abs(now - timestamp) > TIMESTAMP_TOLERANCE_MS) {
    return { code: "InvalidTimestamp", message: "The timestamp must be the time of the call in milliseconds since the epoch, within 7200 seconds of now" };
  }
  const expected = signIop(app.appSecret, signedSet(params), apiPath);
  if (params.sign!.toUpperCase() !== expected) return { code: "IncompleteSignature", message: "The request signature does not conform to platform standards" };
  return null;
}
