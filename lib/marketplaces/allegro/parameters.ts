// Category parameters (the spec's CategoryParameter subtypes) as the portal's attribute schema, and an
// offer's parameter values in words, named and labelled from its category's parameters.
import type { AttributeDefinition, AttributeType } from "../types";
import type { CategoryParameter, OfferParameter } from "./schemas";

function attributeType(parameter: CategoryParameter): AttributeType {
  switch (parameter.type) {
    case "dictionary":
      return parameter.restrictions?.multipleChoices ? "multi_enum" : "single_enum";
    case "integer":
    case "float":
      return "number";
    default:
      return "text";
  }
}

/**
 * `dependsOnParameterId` with the values that make the parameter required (when it is required) or shown.
 * Per the spec a parameter is required only if `required` is true; `requiredDependsOnValueIds` narrows that.
 */
function dependency(parameter: CategoryParameter): AttributeDefinition["dependsOn"] {
  const options = parameter.options;
  if (!options?.dependsOnParameterId) return undefined;
  const valueIds = parameter.required ? (options.requiredDependsOnValueIds ?? options.displayDependsOnValueIds) : options.displayDependsOnValueIds;
  return valueIds?.length ? { attributeId: options.dependsOnParameterId, valueIds } : undefined;
}

export function attributeDefinition(parameter: CategoryParameter): AttributeDefinition {
  return {
    id: parameter.id,
    name: parameter.name,
    type: attributeType(parameter),
    nativeType: parameter.type,
    required: parameter.required ?? false,
    units: parameter.unit ? [parameter.unit] : undefined,
    values: parameter.dictionary?.map((entry) => ({ id: entry.id, name: entry.value })),
    dependsOn: dependency(parameter),
    description: parameter.restrictions?.range ? "A range: give the lowest and the highest value." : undefined,
  };
}

function valueText(value: OfferParameter, definition: CategoryParameter | undefined): string {
  if (value.valuesIds?.length) {
    const labels = new Map(definition?.dictionary?.map((entry) => [entry.id, entry.value]));
    return value.valuesIds.map((id) => labels.get(id) ?? id).join(", ");
  }
  const text = value.rangeValue ? `${value.rangeValue.from}–${value.rangeValue.to}` : (value.values ?? []).join(", ");
  return text && definition?.unit ? `${text} ${definition.unit}` : text;
}

/** The offer's parameters as name and value, in the offer's order; unknown parameters keep their id. */
export function offerAttributes(values: readonly OfferParameter[], definitions: readonly CategoryParameter[]): { name: string; value: string }[] {
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  return values.flatMap((value) => {
    const definition = byId.get(value.id);
    const text = valueText(value, definition);
    return text ? [{ name: definition?.name ?? value.id, value: text }] : [];
  });
}
