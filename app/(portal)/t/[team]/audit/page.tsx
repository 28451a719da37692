import type { Metadata } from "next";
import { headers } from "next/headers";
import { Suspense } from "react";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { QueryProblems } from "@/components/data-table/query-problems";
import { patchSearch, type FilterDefinition } from "@/components/data-table/search-params";
import { parseTableQuery } from "@/components/data-table/url-query";
import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditQuery, listAuditEvents, type AuditQuery } from "@/lib/audit";
import { teamPage } from "@/lib/auth/page";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { pickLocale, toAuditTableRows } from "./audit-rows";
import { auditSort } from "./audit-sort";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "Audit log" };

const filters: FilterDefinition[] = [
  { kind: "select", param: "action", label: "Action", allLabel: "All actions", options: AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] })) },
  { kind: "text", param: "actor", label: "Actor", placeholder: "Email or name" },
  { kind: "date-range", label: "Date", fromParam: "from", toParam: "to", fromLabel: "From (UTC)", toLabel: "To (UTC)" },
];

type Props = {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AuditPage({ params, searchParams }: Props) {
  const [{ team: slug }, search] = await Promise.all([params, searchParams]);
  const path = `/t/${slug}/audit`;
  const { team, allowed } = await teamPage(slug, "audit.read", `${path}${patchSearch(search, {})}`);

  if (!allowed) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Notice testId="audit-forbidden">Your role ({ROLE_LABELS[team.role]}) cannot read the audit log. Ask an admin or owner.</Notice>
      </>
    );
  }

  const { query, problems, withoutProblems } = parseTableQuery(auditQuery, search);
  const locale = pickLocale((await headers()).get("accept-language"));

  return (
    <>
      <PageHeader title="Audit log" description="Who changed what in this team, and from where. Times and dates are in UTC." />
      <div className="space-y-4">
        <QueryProblems problems={problems} cleanHref={`${path}${withoutProblems}`} testId="audit" />
        <Suspense fallback={<DataTableSkeleton columnCount={7} filterCount={4} label="Loading the audit log…" testId="audit" />}>
          <AuditResults teamId={team.id} query={query} locale={locale} />
        </Suspense>
      </div>
    </>
  );
}

async function AuditResults({ teamId, query, locale }: { teamId: string; query: AuditQuery; locale: string }) {
  const { rows, total } = await listAuditEvents(teamId, query);
  return (
    <AuditTable
      rows={toAuditTableRows(rows, locale)}
      total={total}
      page={query.page}
      pageSize={query.pageSize}
      sorting={auditSort.parse(query.sort)}
      filters={filters}
    />
  );
}
