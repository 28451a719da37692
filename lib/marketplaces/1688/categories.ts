// The category tree (alibaba.category.get: 0 for the first level, a category's id for its children) and a leaf's
// attributes (alibaba.category.attribute.get) as the portal's attribute schema. 1688 does not give a category's
// depth, so a category's path is found by walking up its single parent id until 0.
import { MarketplaceError } from "../errors";
import type { AttributeDefinition, AttributeSchema, AttributeType, CategoryNode } from "../types";
import type { AopApi } from "./client";
import { attributeAnswerSchema, categoryAnswerSchema, type AttributeInfo, type CategoryInfo } from "./schemas";

/** The root of the tree in alibaba.category.get and in parentIDs. */
const ROOT_ID = "0";
// 1688's tree has three levels; a longer chain of parents can only be a loop in the answers.
const MAX_DEPTH = 8;

export type CategoryBrowser = {
  /** From the first level down to the category itself. */
  path(id: string): Promise<CategoryNode[]>;
  get(id: string): Promise<CategoryNode>;
  children(parentId: string | null): Promise<CategoryNode[]>;
  attributes(categoryId: string): Promise<AttributeSchema>;
};

const parentOf = (category: CategoryInfo) => category.parentIDs?.[0] ?? ROOT_ID;

/** Categories seldom change: each is asked once per connector, failures not kept. */
export function categoryBrowser(api: AopApi): CategoryBrowser {
  const known = new Map<string, Promise<CategoryInfo>>();
  const category = (id: string): Promise<CategoryInfo> => {
    let found = known.get(id);
    if (!found) {
      found = api
        .call("alibaba.category.get", { categoryID: id }, categoryAnswerSchema, "the category", (answer) =>
          (answer.succes ?? answer.success) !== false && answer.categoryInfo?.length ? null : { code: answer.errorCode || "category_not_found", message: answer.errorMsg || `1688 has no category ${id}` },
        )
        .then((answer) => answer.categoryInfo![0]!)
        .catch((error: unknown) => {
          known.delete(id);
          throw error;
        });
      known.set(id, found);
    }
    return found;
  };

  async function path(id: string): Promise<CategoryNode[]> {
    const chain: CategoryInfo[] = [];
    for (let next = id; next !== ROOT_ID; next = parentOf(chain[0]!)) {
      if (chain.length === MAX_DEPTH) {
        throw new MarketplaceError({ platform: "1688", kind: "invalid_response", code: "category_loop", message: `the parents of category ${id} go round in a loop` });
      }
      chain.unshift(await category(next));
    }
    return chain.map((item, index) => ({ id: item.categoryID, name: item.name, parentId: index ? chain[index - 1]!.categoryID : null, leaf: item.isLeaf, level: index + 1 }));
  }

  return {
    path,
    get: async (id) => (await path(id)).at(-1)!,
    async children(parentId) {
      const [parentPath, parent] = await Promise.all([parentId ? path(parentId) : [], category(parentId ?? ROOT_ID)]);
      return (parent.childCategorys ?? []).map((child) => ({ id: child.id, name: child.name, parentId, leaf: child.isLeaf, level: parentPath.length + 1 }));
    },
    async attributes(categoryId) {
      const answer = await api.call("alibaba.category.attribute.get", { categoryID: categoryId, webSite: "1688" }, attributeAnswerSchema, "the category's attributes", (found) =>
        found.success === false || !found.attributes ? { code: found.errorCode || "attributes_refused", message: found.errorMsg || `1688 gave no attributes for category ${categoryId}` } : null,
      );
      const dependencies = cascade(answer.attributeLevelMapStr);
      return { categoryId, attributes: answer.attributes!.map((attribute) => definition(attribute, dependencies.get(attribute.attrID))) };
    },
  };
}

const INPUT_TYPES: Record<string, AttributeType> = { "0": "text", "-1": "number", "1": "single_enum", "3": "single_enum", "4": "single_enum", "2": "multi_enum", "5": "date" };

type Dependency = NonNullable<AttributeDefinition["dependsOn"]>;

/**
 * The cascade map: `"attr:value"` (or a chain `"a:v>b:w"`, whose last step is the direct condition) to the
 * comma-separated attributes that condition brings in. Given as a map, or as its JSON text as the name says.
 */
function cascade(levels: Record<string, string> | string | null | undefined): Map<string, Dependency> {
  const dependencies = new Map<string, Dependency>();
  let map: unknown = levels;
  if (typeof levels === "string") {
    try {
      map = JSON.parse(levels);
    } catch {
      map = {};
    }
  }
  for (const [condition, children] of Object.entries(map && typeof map === "object" ? map : {})) {
    const [attributeId, valueId] = condition.split(">").at(-1)!.split(":");
    if (!attributeId || !valueId || typeof children !== "string") continue;
    for (const child of children.split(",").map((item) => item.trim()).filter(Boolean)) {
      const known = dependencies.get(child);
      if (known?.attributeId === attributeId) known.valueIds.push(valueId);
      else dependencies.set(child, { attributeId, valueIds: [valueId] });
    }
  }
  return dependencies;
}

const isSet = (id: string | null | undefined): id is string => Boolean(id) && id !== "0";

function definition(attribute: AttributeInfo, dependency: Dependency | undefined): AttributeDefinition {
  const inputType = attribute.inputType ?? "0";
  const parent = isSet(attribute.parentAttrID) && isSet(attribute.parentAttrValueID) ? { attributeId: attribute.parentAttrID, valueIds: [attribute.parentAttrValueID] } : undefined;
  return {
    id: attribute.attrID,
    name: attribute.name,
    type: INPUT_TYPES[inputType] ?? "text",
    nativeType: `${attribute.fieldType ?? "string"}/inputType ${inputType}`,
    required: attribute.required ?? false,
    units: attribute.units?.length ? attribute.units : undefined,
    values: attribute.attrValues?.map((value) => ({ id: value.attrValueID, name: value.name })),
    dependsOn: dependency ?? parent,
  };
}
