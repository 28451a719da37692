import type { ErrorBody } from "@/lib/errors";

export type ApiError = ErrorBody["error"];
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Calls one of the portal's JSON routes from the browser; every failure comes back in the one error shape. */
export async function callApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    return { ok: false, error: { code: "internal", message: "The portal could not be reached. Check your connection and try again." } };
  }
  const payload = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: payload as T };
  const error = (payload as ErrorBody | null)?.error;
  return { ok: false, error: error ?? { code: "internal", message: `The portal answered ${response.status}.` } };
}
