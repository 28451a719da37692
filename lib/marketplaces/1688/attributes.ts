// A leaf category's attributes (alibaba.category.attribute.get) as the portal's attribute schema: the input type
// says the kind, and a dependent attribute names its condition in the cascade map or in parentAttrID.
import type { AttributeDefinition, AttributeSchema, AttributeType } from "../types";
import type { AopApi } from "./client";
import { attributeAnswerSchema, type AttributeInfo } from "./schemas";

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

export async function getAttributeSchema(api: AopApi, categoryId: string): Promise<AttributeSchema> {
  const answer = await api.call("alibaba.category.attribute.get", { categoryID: categoryId, webSite: "1688" }, attributeAnswerSchema, "the category's attributes", (found) =>
    found.success === false || !found.attributes ? { code: found.errorCode || "attributes_refused", message: found.errorMsg || `1688 gave no attributes for category ${categoryId}` } : null,
  );
  const dependencies = cascade(answer.attributeLevelMapStr);
  return { categoryId, attributes: answer.attributes!.map((attribute) => definition(attribute, dependencies.get(attribute.attrID))) };
}
