import { describe, expect, it } from "vitest";
import { generateCatalog, unfilledRequired, type Attribute, type CatalogProfile } from "@/lib/sandbox/catalog";

const ALLEGRO_LIKE: CatalogProfile = {
  productIdDigits: 11,
  categoryIdDigits: 6,
  attributeIdDigits: 6,
  currency: "PLN",
  statuses: [
    { status: "ACTIVE", weight: 7 },
    { status: "INACTIVE", weight: 2 },
    { status: "ENDED", weight: 1 },
  ],
};
const DOUDIAN_LIKE: CatalogProfile = { ...ALLEGRO_LIKE, productIdDigits: 19, categoryIdDigits: 5, statuses: [{ status: "0", weight: 1 }] };

describe("catalog generator", () => {
  it("gives the same catalog for the same seed and another for another seed", () => {
    const a = generateCatalog(ALLEGRO_LIKE, { seed: 42, productCount: 200 });
    const b = generateCatalog(ALLEGRO_LIKE, { seed: 42, productCount: 200 });
    const c = generateCatalog(ALLEGRO_LIKE, { seed: 43, productCount: 200 });
    expect(b.products).toEqual(a.products);
    expect([...b.categories.keys()]).toEqual([...a.categories.keys()]);
    expect(c.products[0]!.id).not.toBe(a.products[0]!.id);
  });

  it("keeps the first products unchanged when a shop grows", () => {
    const small = generateCatalog(ALLEGRO_LIKE, { seed: 7, productCount: 100 });
    const large = generateCatalog(ALLEGRO_LIKE, { seed: 7, productCount: 1000 });
    for (const product of small.products) expect(large.productById.get(product.id)).toEqual(product);
  });

  it("gives each product one to three variants of different colours, the first in the title's colour", () => {
    const { products } = generateCatalog(ALLEGRO_LIKE, { seed: 3, productCount: 500 });
    const counts = new Set<number>();
    for (const product of products) {
      const colours = product.variants.map((variant) => variant.colour.en);
      counts.add(colours.length);
      expect(new Set(colours).size, product.id).toBe(colours.length);
      expect(product.title.en).toContain(colours[0]);
    }
    expect([...counts].sort()).toEqual([1, 2, 3]);
  });

  it("builds a three-level tree whose leaves, and only they, are on level three", () => {
    const { categories, roots } = generateCatalog(ALLEGRO_LIKE, { seed: 1, productCount: 10 });
    expect(roots.length).toBeGreaterThanOrEqual(4);
    for (const category of categories.values()) {
      expect(category.leaf).toBe(category.level === 3);
      expect(category.leaf).toBe(category.childIds.length === 0);
      expect(category.ancestorIds).toHaveLength(category.level - 1);
      if (category.parentId) expect(categories.get(category.parentId)!.childIds).toContain(category.id);
      expect(category.id).toMatch(/^\d{6}$/);
      expect(category.name.zh).toMatch(/\p{Script=Han}/u);
    }
  });

  it("gives every leaf an attribute schema with each field type, required flags, a unit, a multi-select max and a dependency", () => {
    const catalog = generateCatalog(ALLEGRO_LIKE, { seed: 1, productCount: 10 });
    for (const [leafId, attributes] of catalog.attributes) {
      expect(catalog.categories.get(leafId)!.leaf).toBe(true);
      expect(new Set(attributes.map((attribute) => attribute.type))).toEqual(new Set(["text", "number", "single_enum", "multi_enum"]));
      expect(attributes.some((attribute) => attribute.required)).toBe(true);
      expect(attributes.some((attribute) => attribute.type === "number" && attribute.unit)).toBe(true);
      const multi = attributes.find((attribute) => attribute.type === "multi_enum")!;
      expect(multi.maxSelections).toBeGreaterThanOrEqual(2);
      const dependent = attributes.find((attribute) => attribute.dependsOn)!;
      const parent = attributes.find((attribute) => attribute.id === dependent.dependsOn!.attributeId)!;
      expect(parent.values!.map((value) => value.id)).toEqual(expect.arrayContaining(dependent.dependsOn!.valueIds));
    }
  });

  it("makes thousands of products with unique ids in the platform's style, both languages and leaf categories", () => {
    const started = Date.now();
    const catalog = generateCatalog(ALLEGRO_LIKE, { seed: 3, productCount: 10_000 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(catalog.products).toHaveLength(10_000);
    expect(catalog.productById.size).toBe(10_000);
    for (const product of catalog.products.slice(0, 500)) {
      expect(product.id).toMatch(/^\d{11}$/);
      expect(catalog.categories.get(product.categoryId)!.leaf).toBe(true);
      expect(product.title.en).toMatch(/^[\x20-\x7e]+$/);
      expect(product.title.zh).toMatch(/\p{Script=Han}/u);
      expect(product.images[0]).toMatch(/^\/_sandbox\/images\/[a-z0-9-]+\.svg$/);
      expect(product.stock).toBe(product.variants.reduce((sum, variant) => sum + variant.stock, 0));
    }
    const times = catalog.products.map((product) => product.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const statuses = new Set(catalog.products.map((product) => product.status));
    expect(statuses).toEqual(new Set(["ACTIVE", "INACTIVE", "ENDED"]));
  });

  it("writes 19-digit ids exactly, beyond what a JS number holds", () => {
    const catalog = generateCatalog(DOUDIAN_LIKE, { seed: 9, productCount: 50 });
    const ids = catalog.products.map((product) => product.id);
    expect(ids.every((id) => /^\d{19}$/.test(id))).toBe(true);
    expect(ids.some((id) => String(Number(id)) !== id)).toBe(true);
    expect(new Set(ids).size).toBe(50);
  });

  it("leaves some products without a required value, so publication can fail for a real reason", () => {
    const catalog = generateCatalog(ALLEGRO_LIKE, { seed: 5, productCount: 2000 });
    const incomplete = catalog.products.filter((product) => unfilledRequired(catalog.attributes.get(product.categoryId)!, product.values).length);
    expect(incomplete.length).toBeGreaterThan(40);
    expect(incomplete.length).toBeLessThan(400);
  });
});

describe("unfilledRequired", () => {
  const condition: Attribute = { id: "1", name: { en: "Condition", zh: "成色" }, type: "single_enum", required: true, values: [{ id: "1_1", name: { en: "New", zh: "全新" } }, { id: "1_2", name: { en: "Used", zh: "二手" } }] };
  const warranty: Attribute = { id: "2", name: { en: "Warranty", zh: "保修期" }, type: "number", required: true, dependsOn: { attributeId: "1", valueIds: ["1_1"] } };
  const note: Attribute = { id: "3", name: { en: "Note", zh: "备注" }, type: "text", required: false };

  it("counts a dependent attribute only while its condition holds", () => {
    const attributes = [condition, warranty, note];
    expect(unfilledRequired(attributes, {}).map((attribute) => attribute.id)).toEqual(["1"]);
    expect(unfilledRequired(attributes, { "1": ["1_2"] })).toEqual([]);
    expect(unfilledRequired(attributes, { "1": ["1_1"] }).map((attribute) => attribute.id)).toEqual(["2"]);
    expect(unfilledRequired(attributes, { "1": ["1_1"], "2": ["24"] })).toEqual([]);
  });
});
