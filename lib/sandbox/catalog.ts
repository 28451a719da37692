// Deterministic shop catalogs: the same seed always gives the same category tree, attribute schemas and
// products, so nothing but later changes needs storing. Platform-neutral: each platform folder maps these
// records onto its own answer shapes and supplies its id style and status vocabulary in a CatalogProfile.
import { ADJECTIVES, BRANDS, COLOURS, CONDITIONS, DEPARTMENTS, GROUPS, MATERIALS, type Word } from "./catalog-words";
import { seeded, type Random } from "./random";

export type CatalogProfile = {
  /** Product ids are numeric strings of this many digits (Allegro about 11, Doudian 19). */
  productIdDigits: number;
  categoryIdDigits: number;
  attributeIdDigits: number;
  currency: string;
  /** The platform's native statuses, weighted by how common they are in a real shop. */
  statuses: readonly { status: string; weight: number }[];
};

export type Category = {
  id: string;
  name: Word;
  parentId: string | null;
  /** From the root down, not including this category. */
  ancestorIds: string[];
  level: 1 | 2 | 3;
  leaf: boolean;
  childIds: string[];
};

export type AttributeType = "text" | "number" | "single_enum" | "multi_enum";

export type Attribute = {
  id: string;
  name: Word;
  type: AttributeType;
  required: boolean;
  /** Text: the longest value accepted. */
  maxLength?: number;
  /** Number: unit and bounds. */
  unit?: string;
  min?: number;
  max?: number;
  /** Enums: the values to choose from, ids like `<attribute id>_<n>`. */
  values?: { id: string; name: Word }[];
  /** Multi-enum: how many values may be chosen. */
  maxSelections?: number;
  /** Shown, and required when `required`, only while another attribute holds one of these values. */
  dependsOn?: { attributeId: string; valueIds: string[] };
};

export type Variant = { id: string; colour: Word; price: string; stock: number };

export type Product = {
  id: string;
  index: number;
  title: Word;
  categoryId: string;
  /** The platform's native status as generated; state.ts may hold a later change. */
  status: string;
  createdAt: number;
  modifiedAt: number;
  price: string;
  /** The seller's own code for the product (Allegro `external.id`, an outer id elsewhere). */
  sellerSku: string;
  variants: Variant[];
  stock: number;
  sold: number;
  visits: number;
  /** Paths served by the sandbox itself (`/_sandbox/images/…`). */
  images: string[];
  /** Attribute id → chosen value ids (enums) or literal values (text, number). */
  values: Record<string, string[]>;
};

export type Catalog = {
  categories: ReadonlyMap<string, Category>;
  roots: readonly Category[];
  /** Attribute schema per leaf category id. */
  attributes: ReadonlyMap<string, readonly Attribute[]>;
  /** Newest first, the order platforms list by default. */
  products: readonly Product[];
  productById: ReadonlyMap<string, Product>;
};

/** Dates are spread over the two years before this instant, so they do not move from one run to the next. */
const CATALOG_EPOCH_MS = Date.UTC(2026, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

export function generateCatalog(profile: CatalogProfile, options: { seed: number; productCount: number }): Catalog {
  const { seed, productCount } = options;
  const tree = generateTree(profile, seed);
  const attributes = new Map(tree.leaves.map((leaf) => [leaf.id, generateAttributes(profile, seed, leaf)]));
  const ids = idSequence(seeded(seed, "product-ids"), profile.productIdDigits);
  const products = Array.from({ length: productCount }, (_, index) =>
    generateProduct(profile, { seed, index, id: ids(index), leaves: tree.leaves, attributes }),
  ).sort((a, b) => b.createdAt - a.createdAt);
  return {
    categories: tree.categories,
    roots: tree.roots,
    attributes,
    products,
    productById: new Map(products.map((product) => [product.id, product])),
  };
}

/** Required attributes without a value, counting a dependent attribute only while its condition holds. */
export function unfilledRequired(attributes: readonly Attribute[], values: Record<string, string[]>): Attribute[] {
  return attributes.filter((attribute) => attribute.required && applies(attribute, values) && !values[attribute.id]?.length);
}

function applies(attribute: Attribute, values: Record<string, string[]>): boolean {
  const condition = attribute.dependsOn;
  return !condition || (values[condition.attributeId] ?? []).some((value) => condition.valueIds.includes(value));
}

/** Unique numeric ids of a fixed width: a random base plus a random stride, computed in BigInt for 19 digits. */
function idSequence(random: Random, digits: number): (index: number) => string {
  const leading = String(random.int(1, 8));
  const rest = Array.from({ length: digits - 1 }, () => random.int(0, 9)).join("");
  const base = BigInt(leading + rest);
  const stride = BigInt(random.int(3, 97));
  return (index) => String(base + BigInt(index) * stride);
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function generateTree(profile: CatalogProfile, seed: number) {
  const random = seeded(seed, "categories");
  const nextId = idSequence(random, profile.categoryIdDigits);
  const categories = new Map<string, Category>();
  const roots: Category[] = [];
  const leaves: Category[] = [];
  let count = 0;
  const add = (name: Word, parent: Category | null) => {
    const category: Category = {
      id: nextId(count++),
      name,
      parentId: parent?.id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
      level: parent ? ((parent.level + 1) as 2 | 3) : 1,
      leaf: parent?.level === 2,
      childIds: [],
    };
    parent?.childIds.push(category.id);
    categories.set(category.id, category);
    return category;
  };
  for (const department of shuffled(random, DEPARTMENTS).slice(0, random.int(4, DEPARTMENTS.length))) {
    const root = add(department.name, null);
    roots.push(root);
    for (const group of shuffled(random, GROUPS).slice(0, random.int(2, 3))) {
      const middle = add({ en: `${group.en} ${department.name.en}`, zh: `${group.zh}${department.name.zh}` }, root);
      for (const product of shuffled(random, department.products).slice(0, random.int(3, 4))) {
        leaves.push(add({ en: `${group.en} ${product.en}`, zh: `${group.zh}${product.zh}` }, middle));
      }
    }
  }
  return { categories, roots, leaves };
}

/**
 * Every leaf gets brand (text), condition (single enum), a warranty that is required only for new goods (the
 * dependency), weight (number with unit) and material (multi enum with a max); colour, length and a model code
 * come and go, and required flags vary, so no two schemas need look alike.
 */
function generateAttributes(profile: CatalogProfile, seed: number, leaf: Category): Attribute[] {
  const random = seeded(seed, "attributes", leaf.id);
  // Ids are shared across leaves, as real platforms reuse one parameter (e.g. "condition") everywhere.
  const id = (kind: number) => String(10 ** (profile.attributeIdDigits - 1) + kind * 7 + (seed % 5));
  const enumValues = (attributeId: string, words: readonly Word[]) => words.map((name, n) => ({ id: `${attributeId}_${n + 1}`, name }));
  const condition: Attribute = { id: id(1), name: { en: "Condition", zh: "成色" }, type: "single_enum", required: true, values: enumValues(id(1), CONDITIONS) };
  const attributes: Attribute[] = [
    { id: id(0), name: { en: "Brand", zh: "品牌" }, type: "text", required: true, maxLength: 35 },
    condition,
    {
      id: id(2),
      name: { en: "Warranty", zh: "保修期" },
      type: "number",
      required: true,
      unit: "months",
      min: 0,
      max: 120,
      dependsOn: { attributeId: condition.id, valueIds: [condition.values![0]!.id] },
    },
    { id: id(3), name: { en: "Weight", zh: "重量" }, type: "number", required: random.chance(0.5), unit: "kg", min: 0, max: 1000 },
    {
      id: id(4),
      name: { en: "Material", zh: "材质" },
      type: "multi_enum",
      required: random.chance(0.3),
      values: enumValues(id(4), shuffled(random, MATERIALS).slice(0, random.int(4, MATERIALS.length))),
      maxSelections: random.int(2, 3),
    },
  ];
  if (random.chance(0.7)) attributes.push({ id: id(5), name: { en: "Colour", zh: "颜色" }, type: "single_enum", required: random.chance(0.5), values: enumValues(id(5), COLOURS) });
  if (random.chance(0.5)) attributes.push({ id: id(6), name: { en: "Length", zh: "长度" }, type: "number", required: false, unit: "cm", min: 1, max: 500 });
  if (random.chance(0.5)) attributes.push({ id: id(7), name: { en: "Model code", zh: "型号" }, type: "text", required: false, maxLength: 50 });
  return attributes;
}

type ProductInput = {
  seed: number;
  index: number;
  id: string;
  leaves: readonly Category[];
  attributes: ReadonlyMap<string, readonly Attribute[]>;
};

function generateProduct(profile: CatalogProfile, input: ProductInput): Product {
  const { seed, index, id, leaves, attributes } = input;
  // Seeded per product, so a shop with more products keeps the first ones unchanged.
  const random = seeded(seed, "product", index);
  const leaf = random.pick(leaves);
  const brand = random.pick(BRANDS);
  const adjective = random.pick(ADJECTIVES);
  const colour = random.pick(COLOURS);
  const model = `${String.fromCharCode(65 + random.int(0, 25))}${random.int(100, 999)}`;
  const createdAt = CATALOG_EPOCH_MS - random.int(30, 730) * DAY_MS - random.int(0, DAY_MS);
  const modifiedAt = createdAt + Math.floor(random.next() * (CATALOG_EPOCH_MS - createdAt));
  const price = (random.int(199, 199_999) / 100).toFixed(2);
  const soldOut = random.chance(0.05);
  // A product's variants differ from one another, as a platform requires of its SKUs.
  const variantCount = random.int(1, 3);
  const colours = [colour];
  while (colours.length < variantCount) colours.push(random.pick(COLOURS.filter((other) => !colours.includes(other))));
  const variants = colours.map((variantColour, n): Variant => ({ id: `${id}-${n + 1}`, colour: variantColour, price, stock: soldOut ? 0 : random.int(0, 300) }));
  const values = attributeValues(random, attributes.get(leaf.id) ?? [], { brand, colour, model });
  return {
    id,
    index,
    title: { en: `${brand} ${adjective.en} ${colour.en} ${leaf.name.en} ${model}`, zh: `${brand} ${adjective.zh}${colour.zh}${leaf.name.zh} ${model}` },
    categoryId: leaf.id,
    status: weightedStatus(random, profile.statuses),
    createdAt,
    modifiedAt,
    price,
    sellerSku: `SK-${seed.toString(36).toUpperCase()}-${String(index).padStart(5, "0")}`,
    variants,
    stock: variants.reduce((sum, variant) => sum + variant.stock, 0),
    sold: random.int(0, 120),
    visits: random.int(0, 5000),
    images: Array.from({ length: random.int(1, 4) }, (_, n) => `/_sandbox/images/${seed.toString(16)}-${index}-${n + 1}.svg`),
    values,
  };
}

function weightedStatus(random: Random, statuses: CatalogProfile["statuses"]): string {
  const total = statuses.reduce((sum, entry) => sum + entry.weight, 0);
  let roll = random.next() * total;
  for (const entry of statuses) {
    roll -= entry.weight;
    if (roll < 0) return entry.status;
  }
  return statuses[statuses.length - 1]!.status;
}

/** Fills every attribute that applies; about one product in sixteen misses one required value, as real shops do. */
function attributeValues(random: Random, attributes: readonly Attribute[], known: { brand: string; colour: Word; model: string }): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const attribute of attributes) {
    if (!applies(attribute, values)) continue;
    if (!attribute.required && random.chance(0.3)) continue;
    values[attribute.id] = valueFor(random, attribute, known);
  }
  const required = attributes.filter((attribute) => attribute.required && values[attribute.id]);
  if (required.length && random.chance(1 / 16)) delete values[random.pick(required).id];
  return values;
}

function valueFor(random: Random, attribute: Attribute, known: { brand: string; colour: Word; model: string }): string[] {
  const options = attribute.values ?? [];
  switch (attribute.type) {
    case "text":
      return [attribute.name.en === "Brand" ? known.brand : known.model];
    case "number":
      return [String(random.int(attribute.min ?? 0, Math.min(attribute.max ?? 100, 60)))];
    case "single_enum":
      return [(options.find((option) => option.name.en === known.colour.en) ?? random.pick(options)).id];
    case "multi_enum":
      return shuffled(random, options)
        .slice(0, random.int(1, attribute.maxSelections ?? 1))
        .map((option) => option.id);
  }
}
