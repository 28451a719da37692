// On or off sale through `aliexpress.postproduct.redefining.onlineaeproduct` / `.offlineaeproduct`: `;`-separated
// ids, done within the call. Refused products come back grouped by reason in `error_details`; a call refused as a
// whole (unsuccessful, with no details) fails as the request's refusal.
import type { StatusChangeOutcome, StatusTarget } from "../types";
import { requestRefused } from "../iop/listing";
import { itemResults } from "../synchronous-connector";
import type { AeApi } from "./client";
import { statusChangeSchema } from "./schemas";

const METHOD: Record<StatusTarget, string> = {
  online: "aliexpress.postproduct.redefining.onlineaeproduct",
  offline: "aliexpress.postproduct.redefining.offlineaeproduct",
};

export async function changeStatus(api: AeApi, ids: readonly string[], target: StatusTarget): Promise<StatusChangeOutcome> {
  const { result } = await api(METHOD[target], { product_ids: ids.join(";") }, statusChangeSchema, "the status change");
  const failures = new Map<string, { code: string; message: string }>();
  for (const detail of result.error_details) {
    for (const id of detail.product_ids) failures.set(id, { code: detail.error_code, message: detail.error_message || detail.error_code });
  }
  if (result.success === false && !failures.size) {
    throw requestRefused("aliexpress", result.error_code || "STATUS_CHANGE_REFUSED", result.error_message || "the platform refused the status change");
  }
  return { kind: "done", results: itemResults(ids, failures) };
}
