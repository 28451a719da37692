"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DateTime } from "@/components/ui/date-time";
import { ListLink } from "@/components/ui/list-link";
import type { JobView } from "@/lib/bulk";
import { formatCount } from "@/lib/format";
import { platformName } from "@/lib/marketplaces/errors";
import { JobStateBadge } from "./job-state-badge";
import { KIND_WORDS, TARGET_WORDS } from "./job-words";

function columns(jobsPath: string): ColumnDef<JobView, unknown>[] {
  return [
    {
      id: "job",
      header: "Job",
      meta: { label: "Job" },
      cell: ({ row: { original: job } }) => (
        <div>
          <ListLink href={`${jobsPath}/${job.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline" data-testid="job-link">
            {TARGET_WORDS[job.target]}
          </ListLink>
          {job.kind !== "change" ? <div className="text-xs text-slate-500">{KIND_WORDS[job.kind]}</div> : null}
        </div>
      ),
    },
    {
      id: "shop",
      header: "Shop",
      meta: { label: "Shop" },
      cell: ({ row: { original: job } }) => (
        <div>
          <div className="text-slate-900">{job.account.shopName}</div>
          <div className="text-xs text-slate-500">{platformName(job.account.platform)}</div>
        </div>
      ),
    },
    { id: "state", header: "State", meta: { label: "State" }, cell: ({ row }) => <JobStateBadge job={row.original} testId="job-row-state" /> },
    {
      id: "counts",
      header: "Done · failed · pending",
      meta: { label: "Counts", className: "whitespace-nowrap tabular-nums" },
      cell: ({ row: { original: job } }) => (
        <span title={`${formatCount(job.counts.skipped)} skipped, of ${formatCount(job.counts.total)}`}>
          {formatCount(job.counts.done)} · {formatCount(job.counts.failed)} · {formatCount(job.counts.pending + job.counts.inFlight)}
          <span className="text-slate-400"> / {formatCount(job.counts.total)}</span>
        </span>
      ),
    },
    { id: "createdBy", header: "Created by", meta: { label: "Created by" }, cell: ({ row }) => row.original.createdBy ?? <span className="text-slate-400">—</span> },
    { id: "createdAt", header: "Created", meta: { label: "Created", className: "whitespace-nowrap" }, cell: ({ row }) => <DateTime iso={row.original.createdAt} /> },
  ];
}

/** The team's jobs, newest first; each row opens the job's page. */
export function JobsTable({ rows, total, page, pageSize, pageSizes, jobsPath }: { rows: JobView[]; total: number; page: number; pageSize: number; pageSizes: readonly number[]; jobsPath: string }) {
  const tableColumns = useMemo(() => columns(jobsPath), [jobsPath]);
  return (
    <div data-testid="jobs-list">
      <DataTable
        caption="Bulk jobs"
        testId="job"
        columns={tableColumns}
        data={{ rows, total, page, pageSize }}
        pageSizes={pageSizes}
        defaultPageSize={pageSizes[0]}
        emptyState={<p>No bulk job yet. Select products in a shop&apos;s products table and choose Set online or Set offline.</p>}
      />
    </div>
  );
}
