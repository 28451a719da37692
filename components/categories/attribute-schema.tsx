import { Badge } from "@/components/ui/badge";
import { formatOrList } from "@/lib/format";
import type { AttributeDefinition, AttributeType } from "@/lib/marketplaces/types";
import { SearchableValues } from "./searchable-values";
import { ValueChips } from "./value-chips";

/** Longer lists of allowed values get a search box. */
const SEARCHABLE_FROM = 13;

export const TYPE_LABELS: Record<AttributeType, string> = {
  text: "Text",
  number: "Number",
  single_enum: "One value from a list",
  multi_enum: "Several values from a list",
  date: "Date",
  boolean: "Yes or no",
};


/** "Required when Condition is New", with the other attribute and its values named as the schema names them. */
function dependencyText(attribute: AttributeDefinition, byId: ReadonlyMap<string, AttributeDefinition>): string | null {
  if (!attribute.dependsOn) return null;
  const { attributeId, valueIds } = attribute.dependsOn;
  const other = byId.get(attributeId);
  const values = valueIds.map((id) => other?.values?.find((value) => value.id === id)?.name ?? id);
  return `${attribute.required ? "Required" : "Applies"} when ${other?.name ?? `attribute ${attributeId}`} is ${formatOrList(values)}`;
}

/** "6 attributes, 4 required, 1 more under a condition": an attribute required only when another has some value is counted apart. */
export function attributeCountText(attributes: readonly AttributeDefinition[]): string {
  const always = attributes.filter((attribute) => attribute.required && !attribute.dependsOn).length;
  const sometimes = attributes.filter((attribute) => attribute.required && attribute.dependsOn).length;
  const total = `${attributes.length} ${attributes.length === 1 ? "attribute" : "attributes"}, ${always} required`;
  return sometimes ? `${total}, ${sometimes} more under a condition` : total;
}

/** Every attribute of a leaf category: the portal's type beside the platform's, and what a value must satisfy. */
export function AttributeSchemaView({ attributes, platformName }: { attributes: AttributeDefinition[]; platformName: string }) {
  if (!attributes.length) {
    return (
      <p className="text-sm text-slate-600" data-testid="schema-empty">
        {platformName} asks for no attributes in this category.
      </p>
    );
  }
  const byId = new Map(attributes.map((attribute) => [attribute.id, attribute]));
  return (
    <ul className="divide-y divide-slate-100" data-testid="schema-attributes">
      {attributes.map((attribute) => {
        const dependency = dependencyText(attribute, byId);
        return (
          <li key={attribute.id} className="space-y-1.5 py-3" data-testid="schema-attribute" data-attribute-id={attribute.id} data-type={attribute.type} data-required={attribute.required}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900" data-testid="schema-attribute-name">
                {attribute.name}
              </span>
              <span className="font-mono text-xs text-slate-400">{attribute.id}</span>
              <Badge tone="blue">
                <span data-testid="schema-attribute-type">{TYPE_LABELS[attribute.type]}</span>
              </Badge>
              <code className="rounded bg-slate-50 px-1 font-mono text-xs text-slate-600" title={`${platformName}'s own type`} data-testid="schema-attribute-native-type">
                {attribute.nativeType}
              </code>
              {attribute.required ? (
                <span data-testid="schema-attribute-required">
                  {/* Required only under the condition the "Depends on" line names. */}
                  <Badge tone="amber">{attribute.dependsOn ? "Sometimes required" : "Required"}</Badge>
                </span>
              ) : (
                <span className="text-xs text-slate-500">Optional</span>
              )}
            </div>
            <dl className="grid gap-x-3 gap-y-1 text-xs text-slate-600 sm:grid-cols-[8rem_minmax(0,1fr)]">
              {dependency ? <Detail label="Depends on" testId="schema-attribute-dependency">{dependency}</Detail> : null}
              {attribute.units?.length ? <Detail label={attribute.units.length === 1 ? "Unit" : "Units"} testId="schema-attribute-units">{attribute.units.join(", ")}</Detail> : null}
              {attribute.maxSelections ? <Detail label="Choose" testId="schema-attribute-max-selections">{`at most ${attribute.maxSelections}`}</Detail> : null}
              {attribute.description ? <Detail label="Note" testId="schema-attribute-description">{attribute.description}</Detail> : null}
              {attribute.values?.length ? (
                <Detail label="Allowed values" testId="schema-attribute-values">
                  {attribute.values.length >= SEARCHABLE_FROM ? <SearchableValues attributeName={attribute.name} values={attribute.values} /> : <ValueChips values={attribute.values} />}
                </Detail>
              ) : null}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

function Detail({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}
