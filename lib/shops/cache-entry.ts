// One row of a shop's CatalogCache, read back through a zod schema (a row of an older or broken shape reads as
// missing, so it is fetched anew rather than trusted) and written with the moment it was fetched.
import type { z } from "zod";
import { db, isUniqueViolation } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type CacheEntry<T> = { data: T; fetchedAt: string };

const rowId = (accountId: string, kind: string, key: string) => ({ accountId_kind_key: { accountId, kind, key } });

/** A row read some other way (several at once, say), through its schema; null when it is missing or misshapen. */
export function cacheEntryOf<T>(row: { data: unknown; fetchedAt: Date } | null, schema: z.ZodType<T>): CacheEntry<T> | null {
  const parsed = row ? schema.safeParse(row.data) : null;
  return parsed?.success ? { data: parsed.data, fetchedAt: row!.fetchedAt.toISOString() } : null;
}

export async function readCacheEntry<T>(accountId: string, kind: string, key: string, schema: z.ZodType<T>): Promise<CacheEntry<T> | null> {
  return cacheEntryOf(await db().catalogCache.findUnique({ where: rowId(accountId, kind, key) }), schema);
}

export async function writeCacheEntry<T extends Prisma.InputJsonValue>(accountId: string, kind: string, key: string, data: T): Promise<CacheEntry<T>> {
  const fetchedAt = new Date();
  const write = () => db().catalogCache.upsert({ where: rowId(accountId, kind, key), create: { accountId, kind, key, data, fetchedAt }, update: { data, fetchedAt } });
  // Another request may insert the same row between the upsert's look and its insert; then it is there to update.
  await write().catch((error: unknown) => (isUniqueViolation(error) ? write() : Promise.reject(error)));
  return { data, fetchedAt: fetchedAt.toISOString() };
}
