// A shop's category tree and its leaves' attribute schemas, kept in CatalogCache: one row per level of the tree
// (kind "categories", key the parent's id, "" for the roots) and one per schema (kind "schema", key the category's
// id), with what the schema's last refresh found changed (kind "schema-changes", same key). Trees change rarely and
// some platforms answer one category per call (ICBU), so each level is fetched once and then served from the
// database until the user refreshes. What is read back is parsed again: a row of an older or broken shape is fetched
// anew rather than trusted.
import { z } from "zod";
import { mapBounded } from "@/lib/concurrency";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { MarketplaceError } from "@/lib/marketplaces/errors";
import { ATTRIBUTE_TYPES, type AttributeSchema, type CategoryNode } from "@/lib/marketplaces/types";
import { cacheEntryOf, readCacheEntry, writeCacheEntry, type CacheEntry } from "./cache-entry";
import { schemaChanges, schemaChangesSchema, type SchemaChanges } from "./schema-changes";
import type { Shop } from "./shop";

/** Category ids on every platform: digits on most, letters and separators on some. */
export const CATEGORY_ID = /^[\w.:-]{1,64}$/;

const ROOTS = "";
/** Levels fetched at once while walking the tree, and never more than the platform's per-account rate. */
const PARALLEL_LEVELS = 3;
/** The trees are three levels deep (Allegro's up to seven); a longer chain can only be a loop in the answers. */
const MAX_DEPTH = 16;
/** Search answers with the best matches only; the total says how many there are. */
const SEARCH_RESULTS = 50;

const nodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  altName: z.string().optional(),
  parentId: z.string().nullable(),
  leaf: z.boolean(),
  level: z.number().int(),
}) satisfies z.ZodType<CategoryNode>;

const levelSchema = z.array(nodeSchema);

const schemaSchema = z.object({
  categoryId: z.string(),
  attributes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.enum(ATTRIBUTE_TYPES),
      nativeType: z.string(),
      required: z.boolean(),
      units: z.array(z.string()).optional(),
      values: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
      maxSelections: z.number().int().positive().optional(),
      dependsOn: z.object({ attributeId: z.string(), valueIds: z.array(z.string()) }).optional(),
      description: z.string().optional(),
    }),
  ),
}) satisfies z.ZodType<AttributeSchema>;

type Kind = "categories" | "schema";

/** One level of the tree: the children of `parentId` (null for the roots). */
export type CategoryLevel = { parentId: string | null; children: CategoryNode[]; fetchedAt: string };
export type CategoryMatch = { category: CategoryNode; path: CategoryNode[] };

export type SchemaLookup =
  | { kind: "unknown" }
  | { kind: "not_leaf"; path: CategoryNode[] }
  | { kind: "schema"; path: CategoryNode[]; schema: AttributeSchema; fetchedAt: string; changes: SchemaChanges | null };

// ---------------------------------------------------------------------------------------------------------------
// Rows

// Page loads in this process that want the same row share one read (and one fetch when it is missing).
const inFlight = new Map<string, Promise<unknown>>();

function shared<T>(key: string, load: () => Promise<T>): Promise<T> {
  let running = inFlight.get(key) as Promise<T> | undefined;
  if (!running) {
    running = load().finally(() => inFlight.delete(key));
    inFlight.set(key, running);
  }
  return running;
}

/** The row, or what `fetch` gets from the platform, stored. */
function cached<T extends CategoryNode[] | AttributeSchema>(shop: Shop, kind: Kind, key: string, schema: z.ZodType<T>, fetch: () => Promise<T>): Promise<CacheEntry<T>> {
  const accountId = shop.account.id;
  return shared(`${accountId}\n${kind}\n${key}`, async () => (await readCacheEntry(accountId, kind, key, schema)) ?? writeCacheEntry(accountId, kind, key, await fetch()));
}

const level = (shop: Shop, key: string) =>
  cached(shop, "categories", key, levelSchema, () => shop.connector.listCategories(key === ROOTS ? null : key));

// ---------------------------------------------------------------------------------------------------------------
// The tree as far as it is cached

type Tree = Map<string, CacheEntry<CategoryNode[]>>;
type Indexed = Map<string, { node: CategoryNode; parentKey: string }>;

async function cachedTree(accountId: string): Promise<Tree> {
  const rows = await db().catalogCache.findMany({ where: { accountId, kind: "categories" }, select: { key: true, data: true, fetchedAt: true } });
  return new Map(
    rows.flatMap((row) => {
      const entry = cacheEntryOf(row, levelSchema);
      return entry ? [[row.key, entry] as const] : [];
    }),
  );
}

/** Every cached category by id, with the level it was listed in: that level's key is its parent, whatever it says. */
function indexTree(tree: Tree): Indexed {
  const index: Indexed = new Map();
  for (const [parentKey, entry] of tree) for (const node of entry.data) index.set(node.id, { node, parentKey });
  return index;
}

/** From the top level down to the category, or null when it, or one of its ancestors' levels, is not cached. */
function pathIn(index: Indexed, id: string): CategoryNode[] | null {
  const path: CategoryNode[] = [];
  for (let at = index.get(id); at && path.length < MAX_DEPTH; at = index.get(at.parentKey)) {
    path.unshift(at.node);
    if (at.parentKey === ROOTS) return path;
  }
  return null;
}

/** Loads every level not yet cached, a depth at a time, a few levels at once. */
async function wholeTree(shop: Shop): Promise<Tree> {
  const tree = await cachedTree(shop.account.id);
  const seen = new Set<string>();
  const limit = Math.min(PARALLEL_LEVELS, shop.metadata.capabilities.rateLimit.perAccount);
  for (let keys = [ROOTS], depth = 0; keys.length && depth < MAX_DEPTH; depth++) {
    for (const key of keys) seen.add(key);
    const missing = keys.filter((key) => !tree.has(key));
    const loaded = await mapBounded(missing, limit, (key) => level(shop, key));
    missing.forEach((key, index) => tree.set(key, loaded[index]!));
    keys = keys.flatMap((key) => tree.get(key)!.data.filter((node) => !node.leaf && !seen.has(node.id)).map((node) => node.id));
  }
  return tree;
}

/**
 * The ids from the top level down to the category, asked of the platform (where a category is one call, this is
 * far cheaper than walking the tree); null when the platform says there is no such category.
 */
async function ancestry(shop: Shop, id: string): Promise<string[] | null> {
  const ids = [id];
  try {
    const get = (categoryId: string) => shop.connector.getCategory(categoryId);
    for (let node = await get(id); node.parentId !== null; node = await get(node.parentId)) {
      if (ids.length === MAX_DEPTH) {
        throw new MarketplaceError({ platform: shop.metadata.id, kind: "invalid_response", code: "category_loop", message: `the parents of category ${id} go round in a loop` });
      }
      ids.unshift(node.parentId);
    }
  } catch (error) {
    // The category id is the only input: a refused request means the platform has no such category.
    if (error instanceof MarketplaceError && (error.kind === "request" || error.kind === "item")) return null;
    throw error;
  }
  return ids;
}

function requireCapability(shop: Shop, capability: "categories" | "attributeSchema") {
  if (!shop.metadata.capabilities[capability]) {
    const what = capability === "categories" ? "a category tree" : "attribute schemas";
    throw new AppError("bad_request", `${shop.metadata.name} offers no ${what} the portal can read.`);
  }
}

const unknownCategory = (shop: Shop, id: string) => new AppError("not_found", `Category ${id} is not in the category tree of ${shop.account.shopName} on ${shop.metadata.name}.`);

// ---------------------------------------------------------------------------------------------------------------
// What the pages and routes ask

/** From the top level down to the category itself, or null when the shop's tree has no such category. */
export async function categoryPath(shop: Shop, id: string): Promise<CategoryNode[] | null> {
  requireCapability(shop, "categories");
  const known = pathIn(indexTree(await cachedTree(shop.account.id)), id);
  if (known || !CATEGORY_ID.test(id)) return known;
  const ids = await ancestry(shop, id);
  if (!ids) return null;
  // The levels along the way are cached, so the tree opens there and the path is read as the tree has it.
  const levels = await Promise.all([ROOTS, ...ids.slice(0, -1)].map((key) => level(shop, key)));
  const path = ids.map((step, depth) => levels[depth]!.data.find((node) => node.id === step));
  return path.every((node) => node !== undefined) ? path : null;
}

/** The children of a category (null: the roots), from the cache or fetched and cached; an unknown parent is a 404. */
export async function categoryChildren(shop: Shop, parentId: string | null): Promise<CategoryLevel> {
  requireCapability(shop, "categories");
  const key = parentId ?? ROOTS;
  let entry = await readCacheEntry(shop.account.id, "categories", key, levelSchema);
  if (!entry) {
    // Asking the platform for the children of a category it does not have gives platform-specific answers (an
    // empty list on some); the parent is looked up first so that a wrong id is always "not found".
    if (parentId !== null) {
      const path = await categoryPath(shop, parentId);
      if (!path) throw unknownCategory(shop, parentId);
      if (path.at(-1)!.leaf) throw new AppError("bad_request", `Category ${path.at(-1)!.name} is a leaf: it has no subcategories.`);
    }
    entry = await level(shop, key);
  }
  return { parentId, children: entry.data, fetchedAt: entry.fetchedAt };
}

/**
 * Fetches the roots anew and drops every deeper level, which is fetched again when next opened: the tree never mixes
 * levels from before and after a change on the platform, and a refresh costs one level's calls, not the whole tree's.
 * When the platform fails, the cached tree stays as it was.
 */
export async function refreshCategories(shop: Shop): Promise<CategoryLevel> {
  requireCapability(shop, "categories");
  const roots = await shop.connector.listCategories(null);
  await db().catalogCache.deleteMany({ where: { accountId: shop.account.id, kind: "categories", key: { not: ROOTS } } });
  const entry = await writeCacheEntry(shop.account.id, "categories", ROOTS, roots);
  return { parentId: null, children: entry.data, fetchedAt: entry.fetchedAt };
}

const folded = (text: string) => text.normalize("NFKC").toLocaleLowerCase();

/** Categories whose name (or name in the other language) contains the text, shallowest first, with their paths. */
export async function searchCategories(shop: Shop, text: string): Promise<{ results: CategoryMatch[]; total: number }> {
  requireCapability(shop, "categories");
  const index = indexTree(await wholeTree(shop));
  const wanted = folded(text.trim());
  const matches = [...index.values()]
    .filter(({ node }) => folded(node.name).includes(wanted) || (node.altName !== undefined && folded(node.altName).includes(wanted)))
    .flatMap(({ node }) => {
      const path = pathIn(index, node.id);
      return path ? [{ category: node, path }] : [];
    })
    .sort((a, b) => a.path.length - b.path.length || a.path.map((node) => node.name).join("\n").localeCompare(b.path.map((node) => node.name).join("\n")));
  return { results: matches.slice(0, SEARCH_RESULTS), total: matches.length };
}

/** A leaf's attribute schema, from the cache or fetched (anew when `refresh`), with the leaf's path. */
export async function leafSchema(shop: Shop, categoryId: string, { refresh = false } = {}): Promise<SchemaLookup> {
  requireCapability(shop, "attributeSchema");
  const path = await categoryPath(shop, categoryId);
  if (!path) return { kind: "unknown" };
  if (!path.at(-1)!.leaf) return { kind: "not_leaf", path };
  const fetch = () => shop.connector.getAttributeSchema(categoryId);
  if (refresh) return { kind: "schema", path, ...(await refreshSchema(shop, categoryId, await fetch())) };
  const [entry, changes] = await Promise.all([cached(shop, "schema", categoryId, schemaSchema, fetch), readCacheEntry(shop.account.id, "schema-changes", categoryId, schemaChangesSchema)]);
  return { kind: "schema", path, schema: entry.data, fetchedAt: entry.fetchedAt, changes: changes?.data ?? null };
}

/** Keeps a schema fetched anew, and what changed since the one it replaces (nothing when there was none). */
async function refreshSchema(shop: Shop, categoryId: string, schema: AttributeSchema) {
  const previous = await readCacheEntry(shop.account.id, "schema", categoryId, schemaSchema);
  const entry = await writeCacheEntry(shop.account.id, "schema", categoryId, schema);
  const changes = previous ? { since: previous.fetchedAt, changes: schemaChanges(previous.data, schema) } : null;
  if (changes) await writeCacheEntry(shop.account.id, "schema-changes", categoryId, changes);
  return { schema: entry.data, fetchedAt: entry.fetchedAt, changes };
}

/** The schema lookup as a route answers it: an unknown category is a 404, a category with subcategories a 400. */
export function schemaOrThrow(shop: Shop, categoryId: string, lookup: SchemaLookup): Extract<SchemaLookup, { kind: "schema" }> {
  if (lookup.kind === "unknown") throw unknownCategory(shop, categoryId);
  if (lookup.kind === "not_leaf") throw new AppError("bad_request", `Category ${lookup.path.at(-1)!.name} has subcategories: only leaf categories have an attribute schema.`);
  return lookup;
}
