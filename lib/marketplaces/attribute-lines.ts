// A product's attribute values as the portal shows them: one line per attribute, in the product's order, with the
// values of a multi-value attribute (which platforms list one entry per value) joined on it.

export type AttributeLine = { name: string; value: string };

export function attributeLines(values: Iterable<AttributeLine>): AttributeLine[] {
  const lines = new Map<string, string[]>();
  for (const { name, value } of values) lines.set(name, [...(lines.get(name) ?? []), value]);
  return [...lines].map(([name, joined]) => ({ name, value: joined.join(", ") }));
}
