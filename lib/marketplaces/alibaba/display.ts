// Display on or off through `/icbu/product/update/display`: one call for up to 20 products, done at once. Refused
// products come back in `fail_id_map`, keyed by the reason ("CODE: text" in practice, the text alone otherwise).
import type { StatusChangeOutcome, StatusTarget } from "../types";
import { itemResults } from "../synchronous-connector";
import type { IcbuApi } from "./client";
import { displayAnswerSchema } from "./schemas";

const NEW_DISPLAY: Record<StatusTarget, "on" | "off"> = { online: "on", offline: "off" };

/** `PUB_BIZCHECK_NOT_PRODUCT_OWNER: The product …` → its code and text; a reason without a code keeps a generic one. */
function reason(key: string): { code: string; message: string } {
  const coded = /^([A-Z][A-Z0-9_]+):\s*(.*)$/s.exec(key);
  return coded ? { code: coded[1]!, message: coded[2]! || coded[1]! } : { code: "DISPLAY_REFUSED", message: key };
}

export async function changeDisplay(api: IcbuApi, ids: readonly string[], target: StatusTarget): Promise<StatusChangeOutcome> {
  const { result } = await api("/icbu/product/update/display", { new_display: NEW_DISPLAY[target], product_id_list: ids.join(",") }, displayAnswerSchema, "the display change");
  const failures = new Map<string, { code: string; message: string }>();
  for (const [key, failedIds] of Object.entries(result.fail_id_map ?? {})) for (const id of failedIds) failures.set(id, reason(key));
  return { kind: "done", results: itemResults(ids, failures) };
}
