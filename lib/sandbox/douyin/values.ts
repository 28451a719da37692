// How Doudian writes values: int64 ids as bare numbers (bigint here, so 19 digits survive), prices in fen,
// list times in Unix seconds and detail times as Beijing wall-clock text; and how it reads them back.
import { z } from "zod";
import type { Catalog, Product } from "../catalog";
import type { PlatformContext } from "../platform";
import { parseNativeStatus, type NativeState } from "./profile";

/** An int64 parameter: a bare number (parsed losslessly, so digits past 2^53 arrive as a string) or a digit string. */
export const int64 = z.union([z.string().regex(/^\d{1,19}$/, "must be an integer id"), z.number().int().nonnegative()]).transform(String);

/** A small integer parameter, as a number or, as older clients send everything, a string. */
export const integer = z.union([z.number().int(), z.string().regex(/^-?\d+$/, "must be an integer").transform(Number)]);

export const fen = (price: string) => Math.round(Number(price) * 100);

export const unixSeconds = (ms: number) => Math.floor(ms / 1000);

/** `2025-03-01 09:30:00`, Beijing time, as product.detail writes its times. */
export function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** The product's state now, with any status change applied. */
export function currentState(context: PlatformContext, sellerId: string, product: Product): NativeState & { modifiedAt: number } {
  const now = context.shops.current(sellerId, product);
  return { ...parseNativeStatus(now.status), modifiedAt: now.modifiedAt };
}

/** `category_detail`: the product's path as first/second/third ids and names; this tree has no fourth level. */
export function categoryDetail(catalog: Catalog, categoryId: string) {
  const category = catalog.categories.get(categoryId);
  const path = category ? [...category.ancestorIds, category.id].map((id) => catalog.categories.get(id)) : [];
  const at = (level: number) => path[level];
  return {
    first_cid: Number(at(0)?.id ?? 0),
    second_cid: Number(at(1)?.id ?? 0),
    third_cid: Number(at(2)?.id ?? 0),
    fourth_cid: 0,
    first_cname: at(0)?.name.zh ?? "",
    second_cname: at(1)?.name.zh ?? "",
    third_cname: at(2)?.name.zh ?? "",
    fourth_cname: "",
  };
}
