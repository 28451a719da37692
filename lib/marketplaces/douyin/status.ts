// Display status through product/setOnline and product/setOffline: one product a call, done within the call,
// so there is never a ticket to poll. A business refusal is that product's result, with Doudian's sub_code.
import { z } from "zod";
import { MarketplaceError } from "../errors";
import type { ItemResult, StatusChangeOutcome, StatusTarget } from "../types";
import type { DoudianApi } from "./client";
import { PRODUCT_ID } from "./products";

const PATHS: Record<StatusTarget, string> = { online: "/product/setOnline", offline: "/product/setOffline" };

/** "【重复操作】商品操作重复": the product already has the asked state, as after a retried change. */
const ALREADY_SO = "isv.parameter-invalid:2010021";

async function changeOne(api: DoudianApi, id: string, target: StatusTarget): Promise<ItemResult> {
  if (!PRODUCT_ID.test(id)) return { id, ok: false, code: "invalid_id", message: `"${id}" is not a Doudian product id (19 digits)` };
  try {
    // product_id is an int64: sent as bare digits, never through a JS number.
    await api.call(PATHS[target], { product_id: BigInt(id) }, z.unknown(), `the ${target} change`, { perItem: true });
    return { id, ok: true };
  } catch (error) {
    if (!(error instanceof MarketplaceError) || error.kind !== "item") throw error;
    if (error.code === ALREADY_SO) return { id, ok: true };
    return { id, ok: false, code: error.code, message: error.platformMessage };
  }
}

/** The connector passes one id at a time (the declared batch maximum); each would be a call of its own. */
export async function changeStatus(api: DoudianApi, ids: readonly string[], target: StatusTarget): Promise<StatusChangeOutcome> {
  const results: ItemResult[] = [];
  for (const id of ids) results.push(await changeOne(api, id, target));
  return { kind: "done", results };
}
