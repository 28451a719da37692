import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QueryProblems } from "@/components/data-table/query-problems";
import type { FilterDefinition } from "@/components/data-table/search-params";
import { parseTableQuery } from "@/components/data-table/url-query";
import { JobItemsTable } from "@/components/jobs/job-items-table";
import { JobLive } from "@/components/jobs/job-live";
import { ITEM_STATE_WORDS, KIND_WORDS, TARGET_WORDS } from "@/components/jobs/job-words";
import { PageHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import { teamPage } from "@/lib/auth/page";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { getJob, ITEM_STATES, itemsPage, itemsQuery, type JobView } from "@/lib/bulk";
import { AppError } from "@/lib/errors";
import { platformName } from "@/lib/marketplaces/errors";

export const metadata: Metadata = { title: "Bulk job" };

const ITEM_PAGE_SIZES = [25, 50, 100] as const;
const ITEM_DEFAULT_PAGE_SIZE = itemsQuery.parse({}).pageSize;

const filters: FilterDefinition[] = [
  { kind: "select", param: "state", label: "Result", allLabel: "Any result", options: ITEM_STATES.map((state) => ({ value: state, label: ITEM_STATE_WORDS[state] })) },
];

type Props = {
  params: Promise<{ team: string; job: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Another team's job, or none by that id, is the page's 404. */
async function findJob(teamId: string, jobId: string): Promise<JobView> {
  try {
    return await getJob(teamId, jobId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

function Origin({ job, jobsPath }: { job: JobView; jobsPath: string }) {
  if (!job.sourceJobId) return null;
  return (
    <>
      {" · "}
      {KIND_WORDS[job.kind]} of{" "}
      <Link href={`${jobsPath}/${job.sourceJobId}`} className="text-brand-700 hover:underline" data-testid="job-source">
        an earlier job
      </Link>
    </>
  );
}

export default async function JobPage({ params, searchParams }: Props) {
  const [{ team: slug, job: jobId }, search] = await Promise.all([params, searchParams]);
  const jobsPath = `/t/${slug}/jobs`;
  const { team, allowed } = await teamPage(slug, "jobs.read", `${jobsPath}/${encodeURIComponent(jobId)}`);
  if (!allowed) {
    return <Notice testId="jobs-forbidden">Your role ({ROLE_LABELS[team.role]}) cannot see bulk jobs.</Notice>;
  }
  const job = await findJob(team.id, jobId);
  const { query, problems, withoutProblems } = parseTableQuery(itemsQuery, search);
  const items = await itemsPage(team.id, job.id, query);
  const api = `/api/teams/${team.slug}/jobs/${job.id}`;
  return (
    <>
      <PageHeader
        title={`${TARGET_WORDS[job.target]} · ${job.account.shopName}`}
        description={
          <span data-testid="job-summary">
            {platformName(job.account.platform)} · started by {job.createdBy ?? "a former member"} <DateTime iso={job.createdAt} />
            <Origin job={job} jobsPath={jobsPath} />
          </span>
        }
        actions={
          <Link href={jobsPath} className="text-sm text-brand-700 hover:underline">
            All jobs
          </Link>
        }
      />
      <div className="space-y-6">
        <JobLive key={job.id} initial={job} links={{ api, csv: `${api}/items.csv`, jobsPath }} canManage={can(team.role, "jobs.manage")} />
        <section className="space-y-3" aria-label="Products">
          <h2 className="text-base font-semibold text-slate-900">Products</h2>
          <QueryProblems problems={problems} cleanHref={`${jobsPath}/${job.id}${withoutProblems}`} testId="job-items" />
          <JobItemsTable
            rows={items.rows}
            total={items.total}
            page={query.page}
            pageSize={query.pageSize}
            pageSizes={ITEM_PAGE_SIZES}
            defaultPageSize={ITEM_DEFAULT_PAGE_SIZE}
            filters={filters}
          />
        </section>
      </div>
    </>
  );
}
