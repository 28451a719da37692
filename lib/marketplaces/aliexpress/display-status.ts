// On or off sale through `aliexpress.postproduct.redefining.onlineaeproduct` / `.offlineaeproduct`: `;`-separated
// ids, done within the call. Refused products come back grouped by reason in `error_details`; a refusal of the whole
// call (no details) refuses every product with its code.
import type { StatusChangeOutcome, StatusTarget } from "../types";
import { checkBatch, itemResults, requestRefused } from "../iop/listing";
import type { AeApi } from "./client";
import { MAX_PRODUCTS_PER_STATUS_CHANGE } from "./metadata";
import { statusChangeSchema } from "./schemas";

const METHOD: Record<StatusTarget, string> = {
  online: "aliexpress.postproduct.redefining.onlineaeproduct",
  offline: "aliexpress.postproduct.redefining.offlineaeproduct",
};

export async function changeStatus(api: AeApi, ids: readonly string[], target: StatusTarget): Promise<StatusChangeOutcome> {
  if (!ids.length) return { kind: "done", results: [] };
  checkBatch("aliexpress", ids, MAX_PRODUCTS_PER_STATUS_CHANGE);
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
