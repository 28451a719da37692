import type { Metadata } from "next";
import { z } from "zod";
import { QueryProblems } from "@/components/data-table/query-problems";
import { parseTableQuery } from "@/components/data-table/url-query";
import { JobsTable } from "@/components/jobs/jobs-table";
import { RefreshWhile } from "@/components/jobs/refresh-while";
import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { teamPage } from "@/lib/auth/page";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { listJobs } from "@/lib/bulk";

export const metadata: Metadata = { title: "Jobs" };

const PAGE_SIZES = [25, 50, 100] as const;

const jobsQuery = z.object({
  page: z.coerce.number().int().min(1, "Pages start at 1.").max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .pipe(z.union(PAGE_SIZES.map((size) => z.literal(size)), `Choose ${PAGE_SIZES.join(", ")} rows.`))
    .default(PAGE_SIZES[0]),
});

/** While a job of the list is under way, the list is read again this often. */
const LIVE_REFRESH_MS = 3_000;

type Props = {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function JobsPage({ params, searchParams }: Props) {
  const [{ team: slug }, search] = await Promise.all([params, searchParams]);
  const path = `/t/${slug}/jobs`;
  const { team, allowed } = await teamPage(slug, "jobs.read", path);
  const header = <PageHeader title="Jobs" description="Bulk display-status changes on the team's shops, newest first." />;
  if (!allowed) {
    return (
      <>
        {header}
        <Notice testId="jobs-forbidden">Your role ({ROLE_LABELS[team.role]}) cannot see bulk jobs.</Notice>
      </>
    );
  }
  const { query, problems, withoutProblems } = parseTableQuery(jobsQuery, search);
  const { rows, total } = await listJobs(team.id, query);
  return (
    <>
      {header}
      <div className="space-y-4">
        <QueryProblems problems={problems} cleanHref={`${path}${withoutProblems}`} testId="jobs" />
        <JobsTable rows={rows} total={total} page={query.page} pageSize={query.pageSize} pageSizes={PAGE_SIZES} jobsPath={`/t/${team.slug}/jobs`} />
        <RefreshWhile active={rows.some((job) => !job.finishedAt && job.state !== "paused")} intervalMs={LIVE_REFRESH_MS} />
      </div>
    </>
  );
}
