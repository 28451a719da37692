// What the IOP platforms' connectors share around their lists and status changes: the one order their lists come in,
// times as they write them, and per-item results of a status change that finishes in the call.
import { MarketplaceError } from "../errors";
import type { ItemResult, PlatformId, ProductQuery, ProductSort, StatusChangeProgress } from "../types";

export function requestRefused(platform: PlatformId, code: string, message: string): MarketplaceError {
  return new MarketplaceError({ platform, kind: "request", code, message });
}

/** The lists take no order parameter: a sort other than the one the platform's list comes in (`sorts`) is refused. */
export function checkSort(platform: PlatformId, query: ProductQuery, sorts: readonly ProductSort[]): void {
  if (query.sort && !sorts.includes(query.sort)) {
    throw requestRefused(platform, "unsupported_sort", sorts.length ? `the list comes in the order ${sorts.join(", ")} only, not "${query.sort}"` : `the list cannot be sorted ("${query.sort}")`);
  }
}

/** Product ids are long runs of digits; a title search is not. */
export const looksLikeProductId = (text: string) => /^\d{9,}$/.test(text);

// The platforms write `yyyy-MM-dd HH:mm:ss` without a zone, in China Standard Time (UTC+8) [INFER].
const UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO time (the portal's) as the platforms write it. */
export function platformTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`"${iso}" is not a time`);
  return new Date(ms + UTC_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** A platform time as ISO, or undefined when it is absent or not one. */
export function isoTime(text: string | null | undefined): string | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return undefined;
  return new Date(Date.parse(`${text.replace(" ", "T")}Z`) - UTC_OFFSET_MS).toISOString();
}

export function checkBatch(platform: PlatformId, ids: readonly string[], max: number): void {
  if (ids.length > max) throw requestRefused(platform, "batch_too_large", `one call changes at most ${max} products, not ${ids.length}`);
}

/** Every id in order: refused where `failures` names it, done otherwise. */
export function itemResults(ids: readonly string[], failures: ReadonlyMap<string, { code: string; message: string }>): ItemResult[] {
  return ids.map((id) => {
    const failure = failures.get(id);
    return failure ? { id, ok: false, ...failure } : { id, ok: true };
  });
}

/** Status changes on these platforms finish within the call: there is never a ticket to check. */
export function noTicket(platform: PlatformId): Promise<StatusChangeProgress> {
  return Promise.reject(requestRefused(platform, "no_ticket", "status changes finish within the call; there is nothing to check"));
}
