// ICBU's product APIs other than the list take the product's "encrypted" (混淆) id, which the list returns as
// `product_id` beside the plain numeric `id` (§1.7), and `/alibaba/icbu/product/id/encrypt` turns one into the other
// (`convert_type` 1 plain to encrypted, 2 back; the answer `{result: {success, id, msg}}` as ronknight's script reads
// it). The sandbox scrambles ids with a fixed affine map: one-to-one, and undone exactly.
import { z } from "zod";
import type { Catalog, Product } from "../catalog";
import { answer } from "../iop/envelope";
import type { IopApi } from "../iop/gateway";
import { invalidParameter } from "../iop/values";

const MULTIPLIER = 48_271n;
const OFFSET = 2_147_483_647n;

export function encryptedId(plainId: string): string {
  return (BigInt(plainId) * MULTIPLIER + OFFSET).toString(36).toUpperCase();
}

/** The plain id behind an encrypted one, or undefined when the text is not one. */
export function plainId(encrypted: string): string | undefined {
  if (!/^[0-9A-Z]{1,24}$/.test(encrypted)) return undefined;
  const scrambled = [...encrypted].reduce((value, digit) => value * 36n + BigInt(parseInt(digit, 36)), 0n) - OFFSET;
  return scrambled > 0n && scrambled % MULTIPLIER === 0n ? String(scrambled / MULTIPLIER) : undefined;
}

export function productByEncryptedId(catalog: Catalog, id: string): Product | undefined {
  const plain = plainId(id);
  return plain === undefined ? undefined : catalog.productById.get(plain);
}

const convertSchema = z.object({ product_id: z.string().min(1), convert_type: z.enum(["1", "2"]) });

/** Converts any id, the supplier's or not, as the ids are only a scrambling; what is not an id is refused in `result`. */
export const convertId: IopApi = (call) => {
  const input = convertSchema.safeParse(call.params);
  if (!input.success) return invalidParameter(input.error);
  const { product_id: id, convert_type: convertType } = input.data;
  const converted = convertType === "1" ? (/^\d{1,19}$/.test(id) ? encryptedId(id) : undefined) : plainId(id);
  if (converted === undefined) return answer({ result: { success: false, msg: `${id} is not a valid product id` } });
  return answer({ result: { success: true, id: convertType === "1" ? converted : Number(converted) } });
};
