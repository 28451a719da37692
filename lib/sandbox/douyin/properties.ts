// Catalog attributes as Doudian category properties (product.getCatePropertyV2) and a product's values as
// its `product_format_new`. Doudian knows text, select, multi_select, timestamp and timerange only: a number
// is free text with its unit in the property's name, and a property is never required on a condition, so a
// conditionally required one is listed as optional and only enforced when the product goes online ("本接口
// 返回的是否必填信息在发布商品时可能会由于…提交的商品信息出现动态变动", the platform's own caveat).
import type { Attribute, Product } from "../catalog";

const TYPES: Record<Attribute["type"], string> = { text: "text", number: "text", single_enum: "select", multi_enum: "multi_select" };

const UNITS: Record<string, string> = { months: "月", kg: "kg", cm: "cm" };

export function propertyName(attribute: Attribute): string {
  return attribute.unit ? `${attribute.name.zh}（${UNITS[attribute.unit] ?? attribute.unit}）` : attribute.name.zh;
}

/** Value ids are int64 on Doudian: `<property id>_<n>` becomes the property id followed by n in three digits. */
export function valueId(catalogValueId: string): number {
  const [propertyId = "0", n = "0"] = catalogValueId.split("_");
  return Number(`${propertyId}${n.padStart(3, "0")}`);
}

export function categoryProperty(attribute: Attribute, categoryId: string, sequence: number) {
  return {
    property_id: Number(attribute.id),
    property_name: propertyName(attribute),
    type: TYPES[attribute.type],
    required: attribute.required && !attribute.dependsOn ? 1 : 0,
    options: (attribute.values ?? []).map((value, index) => ({ name: value.name.zh, value: String(valueId(value.id)), value_id: valueId(value.id), sequence: index })),
    multi_select_max: attribute.maxSelections ?? 0,
    category_id: Number(categoryId),
    cid: Number(categoryId),
    status: 0,
    sequence,
    property_type: 3,
    relation_id: 0,
    diy_type: 0,
    important_type: attribute.required ? 1 : 0,
    has_sub_property: false,
  };
}

/** `{"<property id>":[{"value":<value id>,"name":"…","diy_type":0}]}` as a JSON string; free text has value 0. */
export function productFormatNew(attributes: readonly Attribute[], product: Product): string {
  const format: Record<string, { value: number; name: string; diy_type: number }[]> = {};
  for (const attribute of attributes) {
    const values = product.values[attribute.id];
    if (!values?.length) continue;
    const names = new Map((attribute.values ?? []).map((value) => [value.id, value.name.zh]));
    format[attribute.id] = values.map((value) => (names.has(value) ? { value: valueId(value), name: names.get(value)!, diy_type: 0 } : { value: 0, name: value, diy_type: 0 }));
  }
  return JSON.stringify(format);
}
