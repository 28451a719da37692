// What the IOP platforms' connectors share around their products: the shape of a product id, times as the platforms
// write them, a product's stock from its SKUs, and a refusal of the portal's request.
import { MarketplaceError } from "../errors";
import type { PlatformId, Sku } from "../types";

export function requestRefused(platform: PlatformId, code: string, message: string): MarketplaceError {
  return new MarketplaceError({ platform, kind: "request", code, message });
}

/** Product ids are long runs of digits (ICBU's plain ids 11 or more, AliExpress's 16); a title search is not. */
export const PRODUCT_ID = /^\d{9,}$/;

// The platforms write `yyyy-MM-dd HH:mm:ss` without a zone, in China Standard Time (UTC+8) [INFER].
const UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A time of the portal's query (`2025-01-31` or a full ISO time) as the platforms write it. */
export function platformTime(platform: PlatformId, value: string, field: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw requestRefused(platform, "invalid_date", `${field} "${value}" is not a date`);
  return new Date(ms + UTC_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** A platform time as ISO, or undefined when it is absent or not one. */
export function isoTime(text: string | null | undefined): string | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return undefined;
  return new Date(Date.parse(`${text.replace(" ", "T")}Z`) - UTC_OFFSET_MS).toISOString();
}

/** The stock of a product is its SKUs' together; unknown when no SKU says. */
export function skuStock(skus: readonly Sku[]): number | undefined {
  const stocked = skus.filter((sku) => sku.stock !== undefined);
  return stocked.length ? stocked.reduce((sum, sku) => sum + sku.stock!, 0) : undefined;
}
