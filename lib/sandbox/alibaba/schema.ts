// `/alibaba/icbu/product/schema/get` (cat_id, language): a leaf category's publish rule as XML in `result.data`, with
// `biz_success`, `msg_code` and `message` beside it (TOP metadata of alibaba.icbu.product.schema.get). The XML is the
// Taobao-family item schema ICBU uses: `<field>`s of type input, singleCheck, multiCheck and complex, each with
// `<rules>`; a conditional requirement is a requiredRule with a `<depend-group>`. Category attributes have ids
// `p-<attribute id>`; standard fields (the title) sit beside them.
import { z } from "zod";
import type { Attribute, Category } from "../catalog";
import type { Word } from "../catalog-words";
import { answer } from "../iop/envelope";
import type { IopApi } from "../iop/gateway";
import { invalidParameter, numericValueId } from "../iop/values";

const querySchema = z.object({
  cat_id: z.string().regex(/^\d+$/, "must be a category id"),
  language: z.enum(["en_US", "zh", "zh_TW"]).default("en_US"),
});

type Language = z.infer<typeof querySchema>["language"];

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[char]!);

const element = (name: string, attributes: Record<string, string | number>, children: string[] = []) => {
  const attributeText = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escape(String(value))}"`)
    .join("");
  return children.length ? `<${name}${attributeText}>${children.join("")}</${name}>` : `<${name}${attributeText}/>`;
};

const rule = (name: string, value: string | number, children: string[] = []) => element("rule", { name, value }, children);
const fieldId = (attribute: Attribute) => `p-${attribute.id}`;

function requiredRule(attribute: Attribute): string[] {
  if (!attribute.required) return [];
  const condition = attribute.dependsOn;
  if (!condition) return [rule("requiredRule", "true")];
  const expressions = condition.valueIds.map((valueId) => element("depend-express", { fieldId: `p-${condition.attributeId}`, value: numericValueId(valueId), symbol: "==" }));
  return [rule("requiredRule", "true", [element("depend-group", { operator: "or" }, expressions)])];
}

function attributeField(attribute: Attribute, say: (word: Word) => string): string {
  const id = fieldId(attribute);
  const name = say(attribute.name);
  const rules = (list: string[]) => (list.length ? [element("rules", {}, list)] : []);
  const options = () => [element("options", {}, (attribute.values ?? []).map((value) => element("option", { displayName: say(value.name), value: numericValueId(value.id) })))];
  switch (attribute.type) {
    case "text":
      return element("field", { id, name, type: "input" }, rules([...requiredRule(attribute), rule("maxLengthRule", attribute.maxLength ?? 128)]));
    case "single_enum":
      return element("field", { id, name, type: "singleCheck" }, [...options(), ...rules(requiredRule(attribute))]);
    case "multi_enum":
      return element("field", { id, name, type: "multiCheck" }, [...options(), ...rules([...requiredRule(attribute), rule("maxInputNumRule", attribute.maxSelections ?? 1)])]);
    case "number": {
      // A number with its unit: a complex field holding the value and a one-option unit choice.
      const value = element("field", { id: "value", name: say({ en: "Value", zh: "数值" }), type: "input" }, [
        element("rules", {}, [rule("valueTypeRule", "decimal"), rule("minValueRule", attribute.min ?? 0), rule("maxValueRule", attribute.max ?? 1_000_000)]),
      ]);
      const unit = attribute.unit ?? "";
      const unitField = element("field", { id: "unit", name: say({ en: "Unit", zh: "单位" }), type: "singleCheck" }, [element("options", {}, [element("option", { displayName: unit, value: unit })])]);
      return element("field", { id, name, type: "complex" }, [element("fields", {}, [value, unitField]), ...rules(requiredRule(attribute))]);
    }
  }
}

function schemaXml(category: Category, attributes: readonly Attribute[], language: Language): string {
  const say = (word: Word) => (language === "en_US" ? word.en : word.zh);
  const title = element("field", { id: "productTitle", name: say({ en: "Product name", zh: "产品名称" }), type: "input" }, [
    element("rules", {}, [rule("requiredRule", "true"), rule("maxLengthRule", 128)]),
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>${element("itemSchema", { catId: category.id }, [title, ...attributes.map((attribute) => attributeField(attribute, say))])}`;
}

export const getSchema: IopApi = (call) => {
  const query = querySchema.safeParse(call.params);
  if (!query.success) return invalidParameter(query.error);
  const category = call.catalog.categories.get(query.data.cat_id);
  if (!category || !category.leaf) {
    // Business refusals of this API come inside a successful call, as biz_success false with a msg_code.
    const [msgCode, message] = category ? ["CHK_CAT_NOT_LEAF", `Category ${category.id} is not a leaf category; products are published in leaf categories only`] : ["CATEGORY_NOT_EXIST", `Category ${query.data.cat_id} does not exist`];
    return answer({ result: { biz_success: false, msg_code: msgCode, message, trace_id: `${Date.now().toString(16)}${category?.id ?? ""}` } });
  }
  return answer({ result: { biz_success: true, data: schemaXml(category, call.catalog.attributes.get(category.id) ?? [], query.data.language) } });
};
