// AliExpress's publishing schema (`aliexpress.solution.product.schema.get`) as the portal's attribute schema. The
// schema is JSON Schema (draft-07) sent as a string; the category's attributes are the properties of
// `category_attributes`, each an object whose `value` says the type (a string, a number beside a `unit` choice, a
// `oneOf` of constants, or an array of them) and whose requirement is listed in `required`, or, when it depends on
// another attribute's value, in an `if`/`then` of `allOf`.
import { z } from "zod";
import { MarketplaceError } from "../errors";
import { parseAnswer } from "../http";
import type { AttributeDefinition, AttributeSchema } from "../types";
import type { AeApi } from "./client";
import { schemaAnswerSchema } from "./schemas";

const idText = z.union([z.string(), z.number()]).transform(String);
const choicesSchema = z.array(z.object({ const: idText, title: z.string() }));

const valueSchema = z.object({
  type: z.string(),
  maxLength: z.number().int().positive().optional(),
  oneOf: choicesSchema.optional(),
  maxItems: z.number().int().positive().optional(),
  items: z.object({ oneOf: choicesSchema.optional() }).optional(),
});

const attributeSchema = z.object({
  title: z.string(),
  description: z.string().optional(),
  properties: z.object({ value: valueSchema, unit: z.object({ enum: z.array(z.string()) }).optional() }),
});

const conditionSchema = z.object({
  if: z.object({ properties: z.record(z.string(), z.object({ properties: z.object({ value: z.object({ enum: z.array(idText) }) }) })) }),
  then: z.object({ required: z.array(z.string()) }),
});

const publishingSchema = z.object({
  properties: z.object({
    category_attributes: z.object({
      required: z.array(z.string()).default([]),
      properties: z.record(z.string(), attributeSchema),
      allOf: z.array(conditionSchema).default([]),
    }),
  }),
});

type Condition = z.infer<typeof conditionSchema>;

type Typed = Pick<AttributeDefinition, "type" | "nativeType" | "values" | "maxSelections" | "units" | "description">;

function typed(value: z.infer<typeof valueSchema>, units: string[] | undefined): Typed {
  const values = (choices: z.infer<typeof choicesSchema>) => choices.map((choice) => ({ id: choice.const, name: choice.title }));
  if (value.type === "array") return { type: "multi_enum", nativeType: "array", values: values(value.items?.oneOf ?? []), maxSelections: value.maxItems };
  if (value.oneOf) return { type: "single_enum", nativeType: `${value.type} oneOf`, values: values(value.oneOf) };
  if (value.type === "number" || value.type === "integer") {
    const named = units?.filter(Boolean) ?? [];
    return { type: "number", nativeType: value.type, units: named.length ? named : undefined };
  }
  if (value.type === "boolean") return { type: "boolean", nativeType: value.type };
  return { type: "text", nativeType: value.type, description: value.maxLength ? `At most ${value.maxLength} characters` : undefined };
}

function dependencyOf(id: string, conditions: readonly Condition[]): AttributeDefinition["dependsOn"] {
  const condition = conditions.find((entry) => entry.then.required.includes(id));
  const [attributeId, held] = Object.entries(condition?.if.properties ?? {})[0] ?? [];
  return attributeId && held ? { attributeId, valueIds: held.properties.value.enum } : undefined;
}

function attributeDefinitions(schemaText: string): AttributeDefinition[] {
  let json: unknown;
  try {
    json = JSON.parse(schemaText);
  } catch {
    throw new MarketplaceError({ platform: "aliexpress", kind: "invalid_response", code: "invalid_schema", message: "the category schema is not valid JSON" });
  }
  const { category_attributes: attributes } = parseAnswer("aliexpress", publishingSchema, json, "the category schema").properties;
  const required = new Set(attributes.required);
  return Object.entries(attributes.properties).map(([id, attribute]) => {
    const dependsOn = dependencyOf(id, attributes.allOf);
    return {
      id,
      name: attribute.title,
      description: attribute.description,
      ...typed(attribute.properties.value, attribute.properties.unit?.enum),
      required: required.has(id) || dependsOn !== undefined,
      dependsOn,
    };
  });
}

/** A leaf category's publishing schema; AliExpress refuses other categories with a business error. */
export async function getAttributeSchema(api: AeApi, categoryId: string): Promise<AttributeSchema> {
  const { result } = await api("aliexpress.solution.product.schema.get", { aliexpress_category_id: categoryId }, schemaAnswerSchema, "the category schema");
  return { categoryId, attributes: attributeDefinitions(result.schema) };
}
