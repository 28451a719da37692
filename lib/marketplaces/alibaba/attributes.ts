// ICBU's publish-rule XML (`/alibaba/icbu/product/schema/get`) as the portal's attribute schema. The XML is the
// Taobao-family item schema: `<field id type name>` with `<options>` and `<rules>`; category attributes have ids
// `p-<attribute id>`, standard fields (title, images…) other ids and are left out. A number with a unit is a `complex`
// field of a `value` input and a `unit` choice; a requirement that holds only for some values of another field is a
// `requiredRule` with a `<depend-group>` of `<depend-express fieldId value>`.
import { z } from "zod";
import { MarketplaceError } from "../errors";
import { parseAnswer } from "../http";
import { requestRefused } from "../iop/listing";
import type { AttributeDefinition, AttributeSchema } from "../types";
import type { IcbuApi } from "./client";
import { schemaAnswerSchema } from "./schemas";
import { childNamed, childrenNamed, parseXml, XmlError, type XmlElement } from "./xml";

const ATTRIBUTE_PREFIX = "p-";
const NUMERIC_VALUE_TYPES = new Set(["integer", "long", "decimal", "double"]);

const fieldSchema = z.object({ id: z.string().min(1), type: z.string().min(1), name: z.string() });
const optionSchema = z.object({ value: z.string(), displayName: z.string() });
const ruleSchema = z.object({ name: z.string(), value: z.string() });
const dependSchema = z.object({ fieldId: z.string(), value: z.string() });

const read = <T extends z.ZodType>(schema: T, element: XmlElement, what: string) => parseAnswer("alibaba", schema, element.attributes, what);

function rules(field: XmlElement): Map<string, { value: string; element: XmlElement }> {
  const rulesElement = childNamed(field, "rules");
  return new Map((rulesElement ? childrenNamed(rulesElement, "rule") : []).map((rule) => {
    const { name, value } = read(ruleSchema, rule, "a schema rule");
    return [name, { value, element: rule }] as const;
  }));
}

function options(field: XmlElement): { id: string; name: string }[] {
  const list = childNamed(field, "options");
  return (list ? childrenNamed(list, "option") : []).map((option) => {
    const { value, displayName } = read(optionSchema, option, "a schema option");
    return { id: value, name: displayName };
  });
}

const attributeId = (fieldId: string) => (fieldId.startsWith(ATTRIBUTE_PREFIX) ? fieldId.slice(ATTRIBUTE_PREFIX.length) : fieldId);

/** The field another one's requirement depends on, with the values that make it required. */
function dependency(required: XmlElement | undefined): AttributeDefinition["dependsOn"] {
  const expressions = required ? childrenNamed(required, "depend-group").flatMap((group) => childrenNamed(group, "depend-express")) : [];
  if (!expressions.length) return undefined;
  const parsed = expressions.map((expression) => read(dependSchema, expression, "a schema dependency"));
  return { attributeId: attributeId(parsed[0]!.fieldId), valueIds: parsed.map((expression) => expression.value) };
}

function definition(field: XmlElement): AttributeDefinition | null {
  const { id, type, name } = read(fieldSchema, field, "a schema field");
  if (!id.startsWith(ATTRIBUTE_PREFIX) || type === "label") return null;
  const fieldRules = rules(field);
  const required = fieldRules.get("requiredRule");
  const base = { id: attributeId(id), name, nativeType: type, required: required?.value === "true", dependsOn: dependency(required?.element) };
  switch (type) {
    case "singleCheck":
      return { ...base, type: "single_enum", values: options(field) };
    case "multiCheck": {
      const max = Number(fieldRules.get("maxInputNumRule")?.value);
      return { ...base, type: "multi_enum", values: options(field), maxSelections: Number.isInteger(max) && max > 0 ? max : undefined };
    }
    case "complex": {
      const parts = childNamed(field, "fields");
      const unit = parts && childrenNamed(parts, "field").find((part) => part.attributes.id === "unit");
      // A value-and-unit pair is a number with units; other nested structures are shown as text.
      if (unit) return { ...base, type: "number", units: options(unit).map((option) => option.id) };
      return { ...base, type: "text", description: "Nested fields" };
    }
    default: {
      const number = NUMERIC_VALUE_TYPES.has(fieldRules.get("valueTypeRule")?.value ?? "");
      const maxLength = fieldRules.get("maxLengthRule")?.value;
      return { ...base, type: number ? "number" : "text", description: !number && maxLength ? `At most ${maxLength} characters` : undefined };
    }
  }
}

function attributeDefinitions(xml: string): AttributeDefinition[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    throw new MarketplaceError({ platform: "alibaba", kind: "invalid_response", code: "malformed_xml", message: `the category schema is not valid XML: ${error.message}` });
  }
  return childrenNamed(root, "field").flatMap((field) => definition(field) ?? []);
}

/** A leaf category's schema, in English; ICBU refuses other categories inside a successful call (biz_success false). */
export async function getAttributeSchema(api: IcbuApi, categoryId: string): Promise<AttributeSchema> {
  const { result } = await api("/alibaba/icbu/product/schema/get", { cat_id: categoryId, language: "en_US" }, schemaAnswerSchema, "the category schema");
  if (!result.biz_success || !result.data) throw requestRefused("alibaba", result.msg_code || "SCHEMA_REFUSED", result.message || "the platform gave no schema for this category");
  return { categoryId, attributes: attributeDefinitions(result.data) };
}
