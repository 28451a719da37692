// The category tree and attribute schema pages' data on every platform: a shop linked on the consent page and stored
// on a team in this file's database, read through the categories routes and lib/shops/catalog-cache.ts from the
// sandbox over HTTP. What comes back is checked against the sandbox's own catalog of that shop (its generator), not
// against fixed values; that an answer came from the cache is shown by the sandbox failing every call meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schemaRefreshRoute from "@/app/api/teams/[team]/shops/[account]/categories/[category]/schema/refresh/route";
import * as refreshRoute from "@/app/api/teams/[team]/shops/[account]/categories/refresh/route";
import * as categoriesRoute from "@/app/api/teams/[team]/shops/[account]/categories/route";
import { db } from "@/lib/db";
import { saveLink } from "@/lib/marketplaces/accounts";
import { appConfig, ENV_PREFIX } from "@/lib/marketplaces/config";
import { platform } from "@/lib/marketplaces/registry";
import { ATTRIBUTE_TYPES, PLATFORM_IDS, type AttributeSchema, type CategoryNode, type PlatformId } from "@/lib/marketplaces/types";
import type { Catalog, Category } from "@/lib/sandbox/catalog";
import { SANDBOX_DEFAULTS } from "@/lib/sandbox/config";
import { PLATFORMS } from "@/lib/sandbox/platforms";
import type { RunningSandbox } from "@/lib/sandbox/server";
import { Shops } from "@/lib/sandbox/shops";
import { writeCacheEntry } from "@/lib/shops/cache-entry";
import { categoryPath, leafSchema, type CategoryLevel, type CategoryMatch } from "@/lib/shops/catalog-cache";
import type { SchemaChanges } from "@/lib/shops/schema-changes";
import { openShop, type Shop } from "@/lib/shops/shop";
import { call, createTeam, createUsers, type TestTeam, type TestUser } from "../support/harness";
import { linkThroughConsent, recordCalls, sandboxEnv, setKnobs, startTestSandbox } from "../support/sandbox";

let sandbox: RunningSandbox;
let portalEnv: Record<string, string> = {};
let users: Record<"owner" | "viewer" | "stranger", TestUser>;
let team: TestTeam;
let foreignAccountId: string;
const linked = {} as Record<PlatformId, { accountId: string; sellerId: string }>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  portalEnv = Object.assign({}, ...PLATFORM_IDS.map((id) => sandboxEnv(sandbox.url, id, ENV_PREFIX[id])));
  Object.assign(process.env, portalEnv);
  users = await createUsers("owner", "viewer", "stranger");
  team = await createTeam([
    [users.owner, "owner"],
    [users.viewer, "viewer"],
  ]);
  const other = await createTeam([[users.stranger, "owner"]]);
  for (const id of PLATFORM_IDS) {
    const { tokens, seller } = await linkThroughConsent(platform(id), appConfig(id)!);
    linked[id] = { accountId: await saveLink({ userId: users.owner.id, teamId: team.id }, id, seller, tokens), sellerId: seller.sellerId };
  }
  const { tokens, seller } = await linkThroughConsent(platform("allegro"), appConfig("allegro")!, 1);
  foreignAccountId = await saveLink({ userId: users.stranger.id, teamId: other.id }, "allegro", seller, tokens);
});

afterAll(async () => {
  for (const name of Object.keys(portalEnv)) delete process.env[name];
  await sandbox?.close();
});

/** The shop's catalog as the sandbox generates it for this seller: the truth the answers are checked against. */
function sandboxCatalog(id: PlatformId, sellerId: string): Catalog {
  const { sellers, catalog: profile } = PLATFORMS.find((each) => each.id === id)!;
  // Building a catalog reads no state; the store is never touched.
  return new Shops({ platform: id, sellers, profile, seed: SANDBOX_DEFAULTS.seed, productsPerShop: 0, store: undefined as never }).catalog(sellerId);
}

const shopUrl = (accountId: string) => `/api/teams/${team.slug}/shops/${accountId}/categories`;

function getCategories<T = CategoryLevel>(accountId: string, query = "") {
  return call<T>(categoriesRoute.GET, { url: `${shopUrl(accountId)}${query ? `?${query}` : ""}`, params: { team: team.slug, account: accountId }, as: users.viewer });
}

const refreshTree = (accountId: string) =>
  call<CategoryLevel>(refreshRoute.POST, { method: "POST", url: `${shopUrl(accountId)}/refresh`, params: { team: team.slug, account: accountId }, as: users.viewer });

const refreshSchema = (accountId: string, category: string) =>
  call<{ schema: AttributeSchema; fetchedAt: string; changes: SchemaChanges | null }>(schemaRefreshRoute.POST, {
    method: "POST",
    url: `${shopUrl(accountId)}/${category}/schema/refresh`,
    params: { team: team.slug, account: accountId, category },
    as: users.viewer,
  });

/** Runs `read` while the sandbox fails every call: it succeeds only if nothing was asked of the platform. */
async function withPlatformDown<T>(read: () => Promise<T>): Promise<T> {
  await setKnobs(sandbox.url, { faults: { serverError: 1 } });
  try {
    return await read();
  } finally {
    await setKnobs(sandbox.url, { faults: { serverError: 0 } });
  }
}

const cachedLevels = (accountId: string) => db().catalogCache.findMany({ where: { accountId, kind: "categories" }, orderBy: { key: "asc" } });
const ids = (nodes: readonly { id: string }[]) => nodes.map((node) => node.id);

describe.each(PLATFORM_IDS)("categories on %s", (id) => {
  let accountId: string;
  let catalog: Catalog;
  let shop: Shop;
  /** A root, one of its children and a leaf below that, as the sandbox has them. */
  let root: Category, middle: Category, leaf: Category;

  /** The node as the platform names it (one language or the other) and places it. */
  function expectNode(node: CategoryNode, category: Category) {
    expect(node.id).toBe(category.id);
    expect([category.name.en, category.name.zh]).toContain(node.name);
    expect(node.leaf).toBe(category.leaf);
  }

  beforeAll(async () => {
    ({ accountId } = linked[id]);
    catalog = sandboxCatalog(id, linked[id].sellerId);
    shop = await openShop(team, accountId);
    root = catalog.roots.at(-1)!;
    middle = catalog.categories.get(root.childIds.at(-1)!)!;
    leaf = catalog.categories.get(middle.childIds[0]!)!;
  });

  it("lists the roots and a category's children, then serves them from the cache without calling the platform", async () => {
    const roots = await getCategories(accountId);
    expect(roots.status, roots.text).toBe(200);
    expect(roots.json!.parentId).toBeNull();
    expect(ids(roots.json!.children)).toEqual(ids(catalog.roots));
    roots.json!.children.forEach((node, index) => expectNode(node, catalog.roots[index]!));

    const children = await getCategories(accountId, `parent=${root.id}`);
    expect(children.status, children.text).toBe(200);
    expect(children.json!.parentId).toBe(root.id);
    expect(ids(children.json!.children)).toEqual(root.childIds);
    children.json!.children.forEach((node) => expectNode(node, catalog.categories.get(node.id)!));

    const again = await withPlatformDown(() => Promise.all([getCategories(accountId), getCategories(accountId, `parent=${root.id}`)]));
    expect(again.map((answer) => answer.status)).toEqual([200, 200]);
    expect(again[0].json).toEqual(roots.json);
    expect(again[1].json).toEqual(children.json);
  });

  it("refreshes the tree: new roots, deeper levels dropped until opened again, and the old tree kept when the platform fails", async () => {
    await getCategories(accountId, `parent=${root.id}`);
    const before = await getCategories(accountId);

    const failed = await withPlatformDown(() => refreshTree(accountId));
    expect(failed.status).toBe(502);
    expect(failed.error).toMatchObject({ code: "marketplace_unavailable", platform: id });
    expect(failed.error!.platformCode).toBeTruthy();
    expect((await cachedLevels(accountId)).map((row) => row.key)).toContain(root.id);

    const refreshed = await refreshTree(accountId);
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(ids(refreshed.json!.children)).toEqual(ids(catalog.roots));
    expect(Date.parse(refreshed.json!.fetchedAt)).toBeGreaterThan(Date.parse(before.json!.fetchedAt));
    expect((await cachedLevels(accountId)).map((row) => row.key)).toEqual([""]);
    expect((await getCategories(accountId)).json).toEqual(refreshed.json);
  });

  it("fetches a level once when several page loads ask for it at the same time", async () => {
    await getCategories(accountId, `parent=${root.id}`);
    const single = recordCalls();
    await getCategories(accountId, `parent=${middle.id}`);
    single.stop();
    await db().catalogCache.delete({ where: { accountId_kind_key: { accountId, kind: "categories", key: middle.id } } });

    const together = recordCalls();
    const answers = await Promise.all(Array.from({ length: 5 }, () => getCategories(accountId, `parent=${middle.id}`)));
    together.stop();
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    for (const answer of answers) expect(ids(answer.json!.children)).toEqual(middle.childIds);
    expect(single.calls.length).toBeGreaterThan(0);
    expect(together.calls.length).toBe(single.calls.length);
  });

  it("searches names over the whole tree, loading the levels not yet cached, with each match's path", async () => {
    await refreshTree(accountId);
    // The platform names categories in one language: search in it, by part of a leaf's name, in other letter case.
    const [firstRoot] = (await getCategories(accountId)).json!.children;
    const language = firstRoot!.name === catalog.roots[0]!.name.en ? "en" : "zh";
    const text = language === "en" ? leaf.name.en.split(" ").at(-1)!.toUpperCase() : leaf.name.zh.slice(-2);
    const found = await getCategories<{ query: string; results: CategoryMatch[]; total: number }>(accountId, `q=${encodeURIComponent(text)}`);
    expect(found.status, found.text).toBe(200);
    const expected = [...catalog.categories.values()].filter((category) => category.name[language].toLowerCase().includes(text.toLowerCase()));
    expect(found.json!.total).toBe(expected.length);
    expect(found.json!.results.map((result) => result.category.id).sort()).toEqual(ids(expected).sort());
    for (const result of found.json!.results) {
      expect(ids(result.path)).toEqual([...catalog.categories.get(result.category.id)!.ancestorIds, result.category.id]);
    }
    // Every level of the tree is cached now: the roots and each category with children.
    const parents = [...catalog.categories.values()].filter((category) => !category.leaf);
    expect((await cachedLevels(accountId)).map((row) => row.key).sort()).toEqual(["", ...ids(parents)].sort());
    const again = await withPlatformDown(() => getCategories(accountId, `q=${encodeURIComponent(text)}`));
    expect(again.json).toEqual(found.json);
  });

  it("finds a category's path from the cached levels, and asks the platform for it only when they lack it", async () => {
    await refreshTree(accountId);
    const path = await categoryPath(shop, leaf.id);
    expect(ids(path!)).toEqual([...leaf.ancestorIds, leaf.id]);
    path!.forEach((node, index) => expectNode(node, catalog.categories.get([...leaf.ancestorIds, leaf.id][index]!)!));
    // The levels along the way are cached, so the tree can open at the category.
    expect((await cachedLevels(accountId)).map((row) => row.key)).toEqual(["", ...leaf.ancestorIds].sort());
    expect(await withPlatformDown(() => categoryPath(shop, leaf.id))).toEqual(path);
    expect(await categoryPath(shop, "999999999")).toBeNull();
  });

  it("reads a leaf's attribute schema with normalized and native types, and keeps it", async () => {
    const lookup = await leafSchema(shop, leaf.id);
    expect(lookup.kind).toBe("schema");
    if (lookup.kind !== "schema") return;
    expect(ids(lookup.path)).toEqual([...leaf.ancestorIds, leaf.id]);
    const generated = catalog.attributes.get(leaf.id)!;
    const byId = new Map(lookup.schema.attributes.map((attribute) => [attribute.id, attribute]));
    for (const attribute of generated) {
      const read = byId.get(attribute.id);
      expect(read, `${attribute.name.en} is in the schema`).toBeDefined();
      expect(ATTRIBUTE_TYPES).toContain(read!.type);
      expect(read!.nativeType).toBeTruthy();
      expect([attribute.name.en, attribute.name.zh]).toContain(read!.name);
      const language = read!.name === attribute.name.en ? "en" : "zh";
      expect(read!.type).toBe(attribute.type);
      // A platform without conditions on attributes (Doudian) lists a conditionally required one as optional.
      expect(read!.required, `${attribute.name.en} required`).toBe(attribute.required && (!attribute.dependsOn || read!.dependsOn !== undefined));
      if (read!.dependsOn) {
        expect(read!.dependsOn.attributeId).toBe(attribute.dependsOn!.attributeId);
        expect(read!.dependsOn.valueIds).toHaveLength(attribute.dependsOn!.valueIds.length);
      }
      // Value ids are the platform's own; their names are the generated words.
      if (attribute.values) expect(read!.values!.map((value) => value.name)).toEqual(attribute.values.map((value) => value.name[language]));
    }
    expect(await withPlatformDown(() => leafSchema(shop, leaf.id))).toEqual(lookup);

    const refreshed = await refreshSchema(accountId, leaf.id);
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(refreshed.json!.schema).toEqual(lookup.schema);
    expect(Date.parse(refreshed.json!.fetchedAt)).toBeGreaterThan(Date.parse(lookup.fetchedAt));
    // The platform's schema did not change between the two fetches.
    expect(refreshed.json!.changes).toEqual({ since: lookup.fetchedAt, changes: [] });
  });

  it("says what a refresh found changed in the schema, and keeps saying it until the next refresh", async () => {
    const current = await leafSchema(shop, leaf.id);
    if (current.kind !== "schema") throw new Error(`${leaf.id} has no schema`);
    // The schema as it stood at an earlier fetch: one attribute that is now required was optional, one is new since,
    // and a list of allowed values has gained one.
    const [required, added, listed] = [
      current.schema.attributes.find((attribute) => attribute.required)!,
      current.schema.attributes.at(-1)!,
      current.schema.attributes.find((attribute) => (attribute.values?.length ?? 0) > 1)!,
    ];
    expect(new Set([required.id, added.id, listed.id]).size, "three different attributes").toBe(3);
    const earlier: AttributeSchema = {
      ...current.schema,
      attributes: current.schema.attributes
        .filter((attribute) => attribute !== added)
        .map((attribute) => (attribute === required ? { ...attribute, required: false } : attribute === listed ? { ...attribute, values: attribute.values!.slice(1) } : attribute)),
    };
    const planted = await writeCacheEntry(accountId, "schema", leaf.id, earlier);

    const refreshed = await refreshSchema(accountId, leaf.id);
    expect(refreshed.status, refreshed.text).toBe(200);
    const expected = {
      since: planted.fetchedAt,
      changes: expect.arrayContaining([
        { kind: "now_required", attribute: required.name },
        { kind: "added", attribute: added.name, required: added.required },
        { kind: "values_changed", attribute: listed.name, added: [listed.values![0]!.name], removed: [] },
      ]),
    };
    expect(refreshed.json!.changes).toEqual(expected);
    expect(refreshed.json!.changes!.changes).toHaveLength(3);
    // Every member sees it on the schema page, without another call to the platform.
    const shown = await withPlatformDown(() => leafSchema(shop, leaf.id));
    expect(shown.kind === "schema" && shown.changes).toEqual(expected);
    // A refresh that finds the schema as it was leaves nothing to report.
    const again = await refreshSchema(accountId, leaf.id);
    expect(again.json!.changes).toEqual({ since: refreshed.json!.fetchedAt, changes: [] });
  });

  it("answers an unknown category, a leaf's children and a category without a schema with a clear 4xx", async () => {
    const unknown = await getCategories(accountId, "parent=999999999");
    expect(unknown.status).toBe(404);
    expect(unknown.error!.message).toBe(`Category 999999999 is not in the category tree of ${shop.account.shopName} on ${shop.metadata.name}.`);
    const leafChildren = await getCategories(accountId, `parent=${leaf.id}`);
    expect(leafChildren.status).toBe(400);
    expect(leafChildren.error!.message).toMatch(/is a leaf: it has no subcategories/);
    const notLeaf = await refreshSchema(accountId, middle.id);
    expect(notLeaf.status).toBe(400);
    expect(notLeaf.error!.message).toMatch(/only leaf categories have an attribute schema/);
    expect((await refreshSchema(accountId, "999999999")).status).toBe(404);
    const malformed = await getCategories(accountId, "parent=..%2Fetc");
    expect(malformed.status).toBe(422);
    expect(malformed.error!.fields).toHaveProperty("parent");
  });
});

describe("the categories routes", () => {
  it("answer a shop of another team as not found", async () => {
    const res = await getCategories(foreignAccountId);
    expect(res.status).toBe(404);
    expect(res.error?.message).toBe("Linked account was not found.");
    expect((await refreshTree(foreignAccountId)).status).toBe(404);
    expect(await db().catalogCache.count({ where: { accountId: foreignAccountId } })).toBe(0);
  });

  it("refuse to search and list children at once", async () => {
    const res = await getCategories(linked.allegro.accountId, "parent=1&q=shoes");
    expect(res.status).toBe(422);
    expect(res.error!.message).toMatch(/not both/);
  });
});
