"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { FilterDefinition, SortRule } from "@/components/data-table/search-params";
import type { AuditTableRow } from "./audit-rows";
import { auditSort } from "./audit-sort";

const muted = <span className="text-slate-400">—</span>;

const columns: ColumnDef<AuditTableRow, unknown>[] = [
  {
    // Sorting needs an accessor (TanStack); the sort itself happens on the server.
    id: "time",
    accessorKey: "createdAt",
    header: "Time",
    enableSorting: true,
    sortDescFirst: true,
    meta: { label: "Time", className: "whitespace-nowrap" },
    cell: ({ row }) => (
      <time dateTime={row.original.createdAt} title={row.original.createdAt} className="text-slate-700 tabular-nums">
        {row.original.timeLabel}
      </time>
    ),
  },
  {
    id: "actor",
    header: "Actor",
    meta: { label: "Actor" },
    cell: ({ row }) =>
      row.original.actor ? (
        <span className="block max-w-52 truncate" title={row.original.actor}>
          {row.original.actor}
        </span>
      ) : (
        <span className="text-slate-500 italic">System</span>
      ),
  },
  {
    id: "action",
    header: "Action",
    meta: { label: "Action" },
    cell: ({ row }) => (
      <div className="min-w-36">
        <div className="font-medium text-slate-900">{row.original.actionLabel}</div>
        <div className="font-mono text-xs text-slate-400">{row.original.action}</div>
      </div>
    ),
  },
  {
    id: "target",
    header: "Target",
    meta: { label: "Target" },
    cell: ({ row }) =>
      row.original.target ? (
        <span className="block max-w-48 truncate" title={row.original.target}>
          {row.original.target}
        </span>
      ) : (
        muted
      ),
  },
  {
    id: "details",
    header: "Details",
    meta: { label: "Details", className: "min-w-44" },
    cell: ({ row }) =>
      row.original.details ? (
        <span title={row.original.detailsTitle ?? undefined} className="text-slate-700">
          {row.original.details}
        </span>
      ) : (
        muted
      ),
  },
  {
    id: "ip",
    header: "IP",
    meta: { label: "IP address" },
    cell: ({ row }) => (row.original.ip ? <span className="font-mono text-xs whitespace-nowrap text-slate-600">{row.original.ip}</span> : muted),
  },
  {
    id: "userAgent",
    header: "User agent",
    meta: { label: "User agent" },
    cell: ({ row }) =>
      row.original.userAgent ? (
        <span className="block max-w-40 truncate text-xs text-slate-500" title={row.original.userAgent}>
          {row.original.userAgent}
        </span>
      ) : (
        muted
      ),
  },
];

/** The audit log table: the page loads one page of events for the URL's query and hands it here. */
export function AuditTable({
  rows,
  total,
  page,
  pageSize,
  sorting,
  filters,
}: {
  rows: AuditTableRow[];
  total: number;
  page: number;
  pageSize: number;
  sorting: SortRule[];
  /** Built by the page (the action list lives in server code). */
  filters: FilterDefinition[];
}) {
  return (
    <DataTable
      caption="Audit events"
      testId="audit"
      columns={columns}
      data={{ rows, total, page, pageSize }}
      pageSizes={[10, 25, 50, 100]}
      defaultPageSize={25}
      sorting={sorting}
      sortCodec={auditSort}
      filters={filters}
      columnChooser
      emptyState={<p>No events yet. Changes to members, invites and linked shops in this team are recorded here.</p>}
    />
  );
}
