// `/icbu/product/update/display` (TOP alibaba.icbu.product.batch.update.display): `new_display` on or off for up to
// MAX_DISPLAY_BATCH encrypted product ids (`product_id_list`, comma-separated or a JSON array), done at once. Products
// that cannot change are listed in `fail_id_map`, keyed by the reason (code, then text), the rest change.
import { z } from "zod";
import { unfilledRequired, type Product } from "../catalog";
import { answer } from "../iop/envelope";
import type { IopApi, IopCall } from "../iop/gateway";
import { invalidParameter, jsonParam } from "../iop/values";
import type { PlatformContext } from "../platform";
import { productByEncryptedId } from "./ids";
import { MAX_DISPLAY_BATCH, nativeState } from "./profile";

const idItem = z.union([z.string(), z.number()]).transform((id) => String(id).trim());
const idList = z
  .union([jsonParam(z.array(idItem)), z.string().transform((text) => text.split(",").map((id) => id.trim()))])
  .pipe(z.array(z.string().min(1)).min(1).max(MAX_DISPLAY_BATCH, `carries at most ${MAX_DISPLAY_BATCH} products`));

const requestSchema = z.object({ new_display: z.enum(["on", "off"]), product_id_list: idList });

/** Why the product cannot take the display, as `CODE: text`, or null when it can. Codes marked [INFER] are the sandbox's. */
function refusal(call: IopCall, product: Product | undefined, status: string, on: boolean): string | null {
  if (!product) return "PUB_BIZCHECK_NOT_PRODUCT_OWNER: The product does not exist or does not belong to this supplier";
  // A product off display only needs to stay so; only bringing one on display has conditions.
  if (!on || status === "approved") return on ? missingAttributes(call, product) : null;
  if (status === "tbd") return "PUB_BIZCHECK_AUDIT_REJECTED: The product failed review; edit it and pass review before displaying it"; // [INFER]
  if (status === "sketch") return "PUB_BIZCHECK_PRODUCT_IS_DRAFT: A draft cannot be displayed; publish it first"; // [INFER]
  return "PUB_BIZCHECK_PRODUCT_NOT_EDITABLE: The product is under review and cannot change its display";
}

function missingAttributes(call: IopCall, product: Product): string | null {
  const missing = unfilledRequired(call.catalog.attributes.get(product.categoryId) ?? [], product.values);
  if (!missing.length) return null;
  return `CHK_BASIC_REQUIRED: Required attributes are missing: ${missing.map((attribute) => `${attribute.name.en} (p-${attribute.id})`).join(", ")}`;
}

export function displayApi(context: PlatformContext): IopApi {
  return (call) => {
    const input = requestSchema.safeParse(call.params);
    if (!input.success) return invalidParameter(input.error);
    const on = input.data.new_display === "on";
    const failed: Record<string, string[]> = {};
    for (const id of input.data.product_id_list) {
      const product = productByEncryptedId(call.catalog, id);
      const current = product ? context.shops.current(call.seller.id, product, call.now).status : "";
      const reason = refusal(call, product, nativeState(current).status, on);
      if (reason) {
        (failed[reason] ??= []).push(id);
        continue;
      }
      // Off display keeps the review status: a draft or a product in review is off display already, not approved.
      const target = on ? "approved:Y" : `${nativeState(current).status}:N`;
      if (current !== target) context.shops.changeStatus(call.seller.id, product!, { to: target, at: call.now }, call.now);
    }
    return answer({ result: { sub_success: Object.keys(failed).length === 0, fail_id_map: failed } });
  };
}
