// `aliexpress.postproduct.redefining.onlineaeproduct` and `.offlineaeproduct`: up to MAX_PRODUCT_IDS ids a call,
// `;`-separated, done at once. The answer counts the products changed (`modify_count`) and groups the refused ones by
// reason in `error_details` (code, message, product ids). The error codes are the sandbox's own [INFER].
import { z } from "zod";
import { unfilledRequired, type Product } from "../catalog";
import { answer } from "../iop/envelope";
import type { IopApi, IopCall } from "../iop/gateway";
import { invalidParameter } from "../iop/values";
import type { PlatformContext } from "../platform";
import { MAX_PRODUCT_IDS, nativeState } from "./profile";

type Target = "online" | "offline";

const requestSchema = z.object({
  product_ids: z
    .string()
    .transform((text) => text.split(";").map((id) => id.trim()))
    .pipe(z.array(z.string().regex(/^\d+$/, "must be product ids separated by ;")).min(1).max(MAX_PRODUCT_IDS, `carries at most ${MAX_PRODUCT_IDS} products`)),
  edit_reason: z.string().optional(),
});

type Refusal = { code: string; message: string };

const TARGET_STATUS: Record<Target, string> = { online: "onSelling", offline: "offline:user_offline" };

function refusal(call: IopCall, product: Product | undefined, status: string, target: Target): Refusal | null {
  if (!product) return { code: "PRODUCT_NOT_EXIST", message: "The product does not exist or does not belong to this store" };
  const { statusType, offlineReason } = nativeState(status);
  if (statusType === "auditing") return { code: "PRODUCT_IN_AUDIT", message: "The product is under review and cannot change its status" };
  if (target === "offline" || statusType === "onSelling") return null;
  if (statusType === "editingRequired") return { code: "PRODUCT_EDITING_REQUIRED", message: "The product must be edited as review asked before it can go on sale" };
  if (offlineReason === "violate_offline" || offlineReason === "punish_offline") {
    return { code: "PRODUCT_PUNISHED", message: "The product was taken offline for a rule violation and cannot be put on sale" };
  }
  if (offlineReason === "expire_offline") return { code: "PRODUCT_EXPIRED", message: "The product's validity has expired; renew it (aliexpress.postproduct.redefining.renewexpire) first" };
  const missing = unfilledRequired(call.catalog.attributes.get(product.categoryId) ?? [], product.values);
  if (!missing.length) return null;
  return { code: "REQUIRED_ATTRIBUTE_MISSING", message: `Required attributes are missing: ${missing.map((attribute) => `${attribute.name.en} (${attribute.id})`).join(", ")}` };
}

export function publishApi(context: PlatformContext, target: Target): IopApi {
  return (call) => {
    const input = requestSchema.safeParse(call.params);
    if (!input.success) return invalidParameter(input.error);
    const refused = new Map<string, { error_code: string; error_message: string; product_ids: { number: number[] } }>();
    let modified = 0;
    for (const id of input.data.product_ids) {
      const product = call.catalog.productById.get(id);
      const current = product ? context.shops.current(call.seller.id, product, call.now).status : "";
      const reason = refusal(call, product, current, target);
      if (reason) {
        const key = `${reason.code}\u0000${reason.message}`;
        const entry = refused.get(key) ?? { error_code: reason.code, error_message: reason.message, product_ids: { number: [] } };
        entry.product_ids.number.push(Number(id));
        refused.set(key, entry);
        continue;
      }
      // An offline product stays offline for its own reason: taking it offline again does not clear a violation.
      const there = target === "offline" ? nativeState(current).statusType === "offline" : current === TARGET_STATUS.online;
      if (!there) context.shops.changeStatus(call.seller.id, product!, { to: TARGET_STATUS[target], at: call.now }, call.now);
      modified++;
    }
    return answer({ result: { success: refused.size === 0, modify_count: modified, error_details: { error_detail: [...refused.values()] } } });
  };
}
