import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import { formatAndList } from "@/lib/format";
import type { AttributeType } from "@/lib/marketplaces/types";
import type { SchemaChange, SchemaChanges } from "@/lib/shops/schema-changes";
import { TYPE_LABELS } from "./attribute-schema";

const typeName = (type: string) => (type in TYPE_LABELS ? TYPE_LABELS[type as AttributeType].toLowerCase() : type);

/** One change in words. */
function describe(change: SchemaChange): string {
  switch (change.kind) {
    case "added":
      return `${change.attribute} is new${change.required ? " and required" : ""}.`;
    case "removed":
      return `${change.attribute} is gone.`;
    case "now_required":
      return `${change.attribute} is now required.`;
    case "no_longer_required":
      return `${change.attribute} is no longer required.`;
    case "type_changed":
      return `${change.attribute} now takes ${typeName(change.to)} instead of ${typeName(change.from)}.`;
    case "values_changed": {
      const parts = [change.added.length ? `allows ${formatAndList(change.added)} now` : "", change.removed.length ? `no longer allows ${formatAndList(change.removed)}` : ""];
      return `${change.attribute} ${parts.filter(Boolean).join(" and ")}.`;
    }
  }
}

/**
 * What the schema's last refresh found changed; nothing when it found no change. `productsHref` lists the category's
 * products where the platform's list filters by category: the ones a new requirement may hold up.
 */
export function SchemaChangesNotice({ changes, platformName, productsHref }: { changes: SchemaChanges | null; platformName: string; productsHref?: string }) {
  if (!changes?.changes.length) return null;
  // Requirements first: they are what makes a status change fail.
  const first = (change: SchemaChange) => (change.kind === "now_required" || (change.kind === "added" && change.required) ? 0 : 1);
  const ordered = [...changes.changes].sort((a, b) => first(a) - first(b));
  return (
    <Notice tone="warning" title={`${platformName} changed this schema`} testId="schema-changes">
      <p className="text-xs">
        Found at the last refresh, against the schema fetched <DateTime iso={changes.since} />:
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {ordered.map((change, index) => (
          <li key={index} data-testid="schema-change" data-kind={change.kind}>
            {describe(change)}
          </li>
        ))}
      </ul>
      {productsHref ? (
        <Link href={productsHref} className="mt-2 inline-block font-medium underline underline-offset-2" data-testid="schema-changes-products">
          See this category&apos;s products
        </Link>
      ) : null}
    </Notice>
  );
}
