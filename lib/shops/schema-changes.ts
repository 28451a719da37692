// What a platform changed in a leaf category's attribute schema between two fetches. Platforms add mandatory
// attributes to categories without notice, and a status change then fails for offers that lack them: a refresh
// that finds such a change keeps it, so the team sees it on the schema page before a bulk job runs into it.
import { z } from "zod";
import type { AttributeDefinition, AttributeSchema } from "@/lib/marketplaces/types";

export type SchemaChange =
  | { kind: "added"; attribute: string; required: boolean }
  | { kind: "removed"; attribute: string }
  | { kind: "now_required"; attribute: string }
  | { kind: "no_longer_required"; attribute: string }
  | { kind: "type_changed"; attribute: string; from: string; to: string }
  | { kind: "values_changed"; attribute: string; added: string[]; removed: string[] };

/** The changes a refresh found, and the fetch they are measured from. */
export type SchemaChanges = { since: string; changes: SchemaChange[] };

export const schemaChangesSchema = z.object({
  since: z.string(),
  changes: z.array(
    z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("added"), attribute: z.string(), required: z.boolean() }),
      z.object({ kind: z.literal("removed"), attribute: z.string() }),
      z.object({ kind: z.literal("now_required"), attribute: z.string() }),
      z.object({ kind: z.literal("no_longer_required"), attribute: z.string() }),
      z.object({ kind: z.literal("type_changed"), attribute: z.string(), from: z.string(), to: z.string() }),
      z.object({ kind: z.literal("values_changed"), attribute: z.string(), added: z.array(z.string()), removed: z.array(z.string()) }),
    ]),
  ),
}) satisfies z.ZodType<SchemaChanges>;

const valueNames = (attribute: AttributeDefinition) => new Map((attribute.values ?? []).map((value) => [value.id, value.name]));

/** Attributes are matched by id, values by id; names are the newer fetch's, or the older's for what is gone. */
export function schemaChanges(before: AttributeSchema, after: AttributeSchema): SchemaChange[] {
  const earlier = new Map(before.attributes.map((attribute) => [attribute.id, attribute]));
  const later = new Set(after.attributes.map((attribute) => attribute.id));
  const changes: SchemaChange[] = [];
  for (const attribute of after.attributes) {
    const old = earlier.get(attribute.id);
    if (!old) {
      changes.push({ kind: "added", attribute: attribute.name, required: attribute.required });
      continue;
    }
    if (attribute.required !== old.required) changes.push({ kind: attribute.required ? "now_required" : "no_longer_required", attribute: attribute.name });
    if (attribute.type !== old.type) changes.push({ kind: "type_changed", attribute: attribute.name, from: old.type, to: attribute.type });
    const [was, is] = [valueNames(old), valueNames(attribute)];
    const added = [...is].filter(([id]) => !was.has(id)).map(([, name]) => name);
    const removed = [...was].filter(([id]) => !is.has(id)).map(([, name]) => name);
    if (added.length || removed.length) changes.push({ kind: "values_changed", attribute: attribute.name, added, removed });
  }
  for (const attribute of before.attributes) if (!later.has(attribute.id)) changes.push({ kind: "removed", attribute: attribute.name });
  return changes;
}
