// Catalog attributes as Allegro category parameters (the spec's CategoryParameter subtypes) and as the
// parameter values of an offer.
import { unfilledRequired, type Attribute, type Product } from "../catalog";

export function categoryParameter(attribute: Attribute) {
  const dependsOn = attribute.dependsOn;
  const common = {
    id: attribute.id,
    name: attribute.name.en,
    // As in Allegro's description: `required` marks the parameter required, and requiredDependsOnValueIds
    // narrows that to when the parameter it depends on has one of those values.
    required: attribute.required,
    requiredForProduct: false,
    // `unit` admits no null in the description (its examples show null): a unitless parameter leaves it out.
    unit: attribute.unit,
    // The dependency fields are nullable in the description, null meaning "depends on nothing".
    options: {
      variantsAllowed: false,
      variantsEqual: false,
      dependsOnParameterId: dependsOn?.attributeId ?? null,
      requiredDependsOnValueIds: dependsOn && attribute.required ? dependsOn.valueIds : null,
      displayDependsOnValueIds: dependsOn?.valueIds ?? null,
      describesProduct: false,
      customValuesEnabled: false,
    },
  };
  switch (attribute.type) {
    case "text":
      return { ...common, type: "string", restrictions: { minLength: 1, maxLength: attribute.maxLength ?? 250, allowedNumberOfValues: 1 } };
    case "number":
      return { ...common, type: "float", restrictions: { min: attribute.min ?? 0, max: attribute.max ?? 1_000_000, range: false, precision: 2 } };
    case "single_enum":
    case "multi_enum":
      return {
        ...common,
        type: "dictionary",
        dictionary: (attribute.values ?? []).map((value) => ({ id: value.id, value: value.name.en, dependsOnValueIds: [] })),
        restrictions: { multipleChoices: attribute.type === "multi_enum" },
      };
  }
}

export function offerParameters(attributes: readonly Attribute[], product: Product) {
  return attributes.flatMap((attribute) => {
    const values = product.values[attribute.id];
    if (!values?.length) return [];
    const dictionary = attribute.type === "single_enum" || attribute.type === "multi_enum";
    return [{ id: attribute.id, valuesIds: dictionary ? values : [], values: dictionary ? [] : values }];
  });
}

/** The offer's missing required parameters as one Allegro error, or null when it has them all. */
export function missingParametersError(attributes: readonly Attribute[], product: Product) {
  const missing = unfilledRequired(attributes, product.values);
  if (!missing.length) return null;
  const names = missing.map((attribute) => `${attribute.name.en} (${attribute.id})`).join(", ");
  return {
    code: "MISSING_REQUIRED_PARAMETERS",
    message: `Offer ${product.id} lacks required parameters: ${names}`,
    path: "parameters",
    userMessage: `Fill in the required parameters before publishing: ${names}.`,
  };
}
