// The shop's category tree (shop/getShopCategory: cid 0 for the first level, then each category's children)
// and a leaf's properties (product/getCatePropertyV2) as the portal's attribute schema. Doudian has no call
// for one category by id, so one is found by walking the tree a level at a time; what is read is kept for
// the connector's life.
import { onceEach } from "../memo";
import type { AttributeDefinition, AttributeSchema, AttributeType, CategoryNode } from "../types";
import { refuse, type DoudianApi } from "./client";
import { categoryPropertiesSchema, shopCategoriesSchema, type CategoryProperty, type ShopCategory } from "./schemas";

export type CategoryBrowser = {
  children(parentId: string | null): Promise<CategoryNode[]>;
  get(id: string): Promise<CategoryNode>;
  properties(leafId: string): Promise<CategoryProperty[]>;
};

const CATEGORY_ID = /^\d{1,19}$/;

const node = (category: ShopCategory): CategoryNode => ({
  id: category.id,
  name: category.name,
  parentId: category.parent_id === "0" ? null : category.parent_id,
  leaf: category.is_leaf,
  level: category.level,
});

function checkedId(id: string): bigint {
  if (!CATEGORY_ID.test(id)) throw refuse("invalid_id", `"${id}" is not a Doudian category id`);
  return BigInt(id);
}

export function categoryBrowser(api: DoudianApi): CategoryBrowser {
  const children = onceEach(async (cid) => {
    const answer = await api.call("/shop/getShopCategory", { cid: checkedId(cid) }, shopCategoriesSchema, "the categories");
    // enable=false marks a retired category, not to be used.
    return answer.filter((category) => category.enable !== false).map(node);
  });
  const properties = onceEach(async (leafId) => {
    const answer = await api.call("/product/getCatePropertyV2", { category_leaf_id: checkedId(leafId) }, categoryPropertiesSchema, "the category's properties");
    return answer.data.filter((property) => property.status !== 1);
  });

  async function get(id: string): Promise<CategoryNode> {
    checkedId(id);
    let level = await children("0");
    while (level.length) {
      const found = level.find((category) => category.id === id);
      if (found) return found;
      level = (await Promise.all(level.filter((category) => !category.leaf).map((category) => children(category.id)))).flat();
    }
    throw refuse("category_not_found", `the shop has no category ${id}`);
  }

  return { children: (parentId) => children(parentId ?? "0"), get, properties };
}

// "measure" is a number with a unit (度量衡); other types, such as several measured values, are entered as text.
const TYPES: Record<string, AttributeType> = { text: "text", measure: "number", select: "single_enum", multi_select: "multi_enum", timestamp: "date", timerange: "date" };

/** The units a measure property's value modules offer, each once. */
function unitsOf(property: CategoryProperty): string[] | undefined {
  const units = (property.measure_templates ?? []).flatMap((template) => (template.value_modules ?? []).flatMap((module) => (module.units ?? []).map((unit) => unit.unit_name)));
  return units.length ? [...new Set(units)] : undefined;
}

function attributeDefinition(property: CategoryProperty): AttributeDefinition {
  const multiple = property.type === "multi_select";
  return {
    id: property.property_id,
    name: property.property_name,
    type: TYPES[property.type] ?? "text",
    nativeType: property.type,
    required: property.required === 1,
    units: unitsOf(property),
    values: property.options?.length ? property.options.map((option) => ({ id: option.value_id, name: option.name })) : undefined,
    maxSelections: multiple && property.multi_select_max ? property.multi_select_max : undefined,
    description: property.type === "timerange" ? "A time range: give its start and its end." : undefined,
  };
}

/** A leaf's properties, as the tree keeps them, for the portal's attribute schema. */
export async function getAttributeSchema(_api: DoudianApi, categoryId: string, categories: CategoryBrowser): Promise<AttributeSchema> {
  return { categoryId, attributes: (await categories.properties(categoryId)).map(attributeDefinition) };
}
