// Catalog attributes as Doudian category properties (product.getCatePropertyV2) and a product's values as
// its `product_format_new`. The SDK lists text, select, multi_select, timestamp and timerange; a number with
// a unit is a 度量衡 property, type "measure", whose `measure_templates` hold a value module with its units,
// and whose chosen value carries a `measure_info` (seen in third-party form builders for this call,
// idx:51809520264). A property is never required on a condition, so a conditionally required one is listed
// as optional and only enforced when the product goes online ("本接口返回的是否必填信息在发布商品时可能会由于…
// 提交的商品信息出现动态变动", the platform's own caveat).
import type { Attribute, Product } from "../catalog";

const TYPES: Record<Attribute["type"], string> = { text: "text", number: "measure", single_enum: "select", multi_enum: "multi_select" };

const UNITS: Record<string, { unit_id: number; unit_name: string }> = {
  months: { unit_id: 52, unit_name: "月" },
  kg: { unit_id: 3, unit_name: "kg" },
  cm: { unit_id: 38, unit_name: "cm" },
};

/** Value ids are int64 on Doudian: `<property id>_<n>` becomes the property id followed by n in three digits. */
export function valueId(catalogValueId: string): number {
  const [propertyId = "0", n = "0"] = catalogValueId.split("_");
  return Number(`${propertyId}${n.padStart(3, "0")}`);
}

/** A measure property has one template of one value module, both numbered after the property. */
const measureIds = (attribute: Attribute) => ({ template_id: Number(attribute.id), module_id: Number(attribute.id) });

const NO_UNIT = { unit_id: 0, unit_name: "" };
const unitOf = (attribute: Attribute) => (attribute.unit ? UNITS[attribute.unit] : undefined) ?? NO_UNIT;

function measureTemplates(attribute: Attribute) {
  const { template_id, module_id } = measureIds(attribute);
  const unit = unitOf(attribute);
  const units = unit === NO_UNIT ? [] : [unit];
  return [{ template_id, display_name: attribute.name.zh, value_modules: [{ module_id, prefix: "", suffix: "", input_type: "input", units, validate_rule: { data_type: "float" } }] }];
}

export function categoryProperty(attribute: Attribute, categoryId: string, sequence: number) {
  return {
    property_id: Number(attribute.id),
    property_name: attribute.name.zh,
    type: TYPES[attribute.type],
    required: attribute.required && !attribute.dependsOn ? 1 : 0,
    options: (attribute.values ?? []).map((value, index) => ({ name: value.name.zh, value: String(valueId(value.id)), value_id: valueId(value.id), sequence: index })),
    multi_select_max: attribute.maxSelections ?? 0,
    measure_templates: attribute.type === "number" ? measureTemplates(attribute) : [],
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

/** A measured value: free input (value 0, diy_type 1) named by number and unit, its parts in `measure_info`. */
function measuredValue(attribute: Attribute, value: string) {
  const { template_id, module_id } = measureIds(attribute);
  const unit = unitOf(attribute);
  return { value: 0, name: `${value}${unit.unit_name}`, diy_type: 1, measure_info: { template_id, values: [{ module_id, prefix: "", suffix: "", value, ...unit }] } };
}

/** `{"<property id>":[{"value":<value id>,"name":"…","diy_type":0}]}` as a JSON string; free text has value 0. */
export function productFormatNew(attributes: readonly Attribute[], product: Product): string {
  const format: Record<string, object[]> = {};
  for (const attribute of attributes) {
    const values = product.values[attribute.id];
    if (!values?.length) continue;
    const names = new Map((attribute.values ?? []).map((value) => [value.id, value.name.zh]));
    format[attribute.id] = values.map((value) => {
      if (attribute.type === "number") return measuredValue(attribute, value);
      return names.has(value) ? { value: valueId(value), name: names.get(value)!, diy_type: 0 } : { value: 0, name: value, diy_type: 0 };
    });
  }
  return JSON.stringify(format);
}
