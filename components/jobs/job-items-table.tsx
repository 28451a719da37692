"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { FilterDefinition } from "@/components/data-table/search-params";
import { STATUS_LABELS } from "@/components/shops/status-badge";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import type { ItemRow } from "@/lib/bulk";
import type { BulkItemState } from "@/lib/generated/prisma/enums";
import type { DisplayStatus } from "@/lib/marketplaces/types";
import { ITEM_STATE_WORDS } from "./job-words";

const TONES: Record<BulkItemState, BadgeTone> = { pending: "gray", in_flight: "blue", done: "green", failed: "red", skipped: "amber" };

const muted = <span className="text-slate-400">—</span>;

const statusWords = (status: string) => STATUS_LABELS[status as DisplayStatus] ?? status;

const columns: ColumnDef<ItemRow, unknown>[] = [
  {
    id: "product",
    header: "Product",
    enableHiding: false,
    meta: { label: "Product", className: "min-w-56" },
    cell: ({ row: { original: item } }) => (
      <div>
        <div className="text-slate-900">{item.title || muted}</div>
        <div className="font-mono text-xs text-slate-500">{item.productId}</div>
      </div>
    ),
  },
  {
    id: "before",
    header: "Before",
    meta: { label: "Before" },
    cell: ({ row: { original: item } }) => (
      <div>
        <div>{statusWords(item.previousStatus)}</div>
        {item.previousNative ? <div className="font-mono text-xs text-slate-500">{item.previousNative}</div> : null}
      </div>
    ),
  },
  { id: "target", header: "Target", meta: { label: "Target" }, cell: ({ row }) => statusWords(row.original.target) },
  {
    id: "state",
    header: "Result",
    meta: { label: "Result" },
    cell: ({ row }) => (
      <span data-testid="job-item-state" data-state={row.original.state}>
        <Badge tone={TONES[row.original.state]}>{ITEM_STATE_WORDS[row.original.state]}</Badge>
      </span>
    ),
  },
  {
    id: "reason",
    header: "Platform code and message",
    meta: { label: "Platform code and message", className: "min-w-64" },
    cell: ({ row: { original: item } }) =>
      item.code || item.message ? (
        <div data-testid="job-item-reason">
          {item.code ? <code className="font-mono text-xs text-slate-700" data-testid="job-item-code">{item.code}</code> : null}
          {item.message ? <div className="text-xs text-slate-600">{item.message}</div> : null}
        </div>
      ) : (
        muted
      ),
  },
  { id: "attempts", header: "Sent", meta: { label: "Times sent", className: "text-right tabular-nums" }, cell: ({ row }) => row.original.attempts },
  { id: "updated", header: "Updated", meta: { label: "Updated", className: "whitespace-nowrap" }, cell: ({ row }) => <DateTime iso={row.original.updatedAt} /> },
];

/** One page of the job's items, filtered by state; the page reads the URL and loads the rows. */
export function JobItemsTable({ rows, total, page, pageSize, ...props }: { rows: ItemRow[]; total: number; page: number; pageSize: number; pageSizes: readonly number[]; defaultPageSize: number; filters: FilterDefinition[] }) {
  return (
    <DataTable
      caption="Products of the job"
      testId="job-items"
      columns={columns}
      data={{ rows, total, page, pageSize }}
      getRowId={(row) => row.productId}
      emptyState={<p>The job has no products.</p>}
      {...props}
    />
  );
}
