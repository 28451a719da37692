// `aliexpress.solution.product.schema.get` (aliexpress_category_id): the publishing schema of a leaf category, a JSON
// Schema (draft-07) sent as a string in `result.schema`. Category attributes sit under `category_attributes`, keyed by
// attribute id, each an object with its `value` (and `unit` for numbers); a requirement that depends on another
// attribute's value is an `if`/`then` in `allOf`.
import { z } from "zod";
import type { Attribute } from "../catalog";
import { answer } from "../iop/envelope";
import type { IopApi } from "../iop/gateway";
import { invalidParameter, numericValueId } from "../iop/values";
import { businessRefusal } from "./errors";

const querySchema = z.object({ aliexpress_category_id: z.string().regex(/^\d+$/, "must be a category id") });

function valueSchema(attribute: Attribute) {
  const choices = () => (attribute.values ?? []).map((value) => ({ const: numericValueId(value.id), title: value.name.en }));
  switch (attribute.type) {
    case "text":
      return { value: { type: "string", minLength: 1, maxLength: attribute.maxLength ?? 128 } };
    case "number":
      return { value: { type: "number", minimum: attribute.min ?? 0, maximum: attribute.max ?? 1_000_000 }, unit: { type: "string", enum: [attribute.unit ?? ""] } };
    case "single_enum":
      return { value: { type: "string", oneOf: choices() } };
    case "multi_enum":
      return { value: { type: "array", uniqueItems: true, minItems: 1, maxItems: attribute.maxSelections ?? 1, items: { type: "string", oneOf: choices() } } };
  }
}

function attributeSchema(attribute: Attribute) {
  const properties = valueSchema(attribute);
  return { type: "object", title: attribute.name.en, "x-title-zh": attribute.name.zh, required: Object.keys(properties), properties };
}

/** `if` the attribute this one depends on holds one of the values, `then` this one is required. */
function dependentRequirement(attribute: Attribute) {
  const condition = attribute.dependsOn!;
  return {
    if: { required: [condition.attributeId], properties: { [condition.attributeId]: { properties: { value: { enum: condition.valueIds.map(numericValueId) } } } } },
    then: { required: [attribute.id] },
  };
}

function publishingSchema(categoryId: string, attributes: readonly Attribute[]) {
  const required = attributes.filter((attribute) => attribute.required);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    required: ["category_id", "title_multi_language_list", "product_images", "category_attributes"],
    properties: {
      category_id: { type: "integer", const: Number(categoryId) },
      title_multi_language_list: {
        type: "array",
        minItems: 1,
        items: { type: "object", required: ["locale", "title"], properties: { locale: { type: "string" }, title: { type: "string", maxLength: 128 } } },
      },
      product_images: { type: "array", minItems: 1, maxItems: 6, items: { type: "string", format: "uri" } },
      category_attributes: {
        type: "object",
        title: "Category attributes",
        required: required.filter((attribute) => !attribute.dependsOn).map((attribute) => attribute.id),
        properties: Object.fromEntries(attributes.map((attribute) => [attribute.id, attributeSchema(attribute)])),
        allOf: required.filter((attribute) => attribute.dependsOn).map(dependentRequirement),
      },
    },
  };
}

export const schemaGet: IopApi = (call) => {
  const query = querySchema.safeParse(call.params);
  if (!query.success) return invalidParameter(query.error);
  const id = query.data.aliexpress_category_id;
  const category = call.catalog.categories.get(id);
  if (!category) return businessRefusal("isv.category-not-exist", `The category ${id} does not exist`);
  if (!category.leaf) return businessRefusal("isv.category-not-leaf", `The category ${id} is not a leaf category; products are published in leaf categories only`);
  return answer({ result: { schema: JSON.stringify(publishingSchema(id, call.catalog.attributes.get(id) ?? [])), success: true } });
};
