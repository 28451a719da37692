"use client";

import { DataTableError } from "@/components/data-table/data-table-error";
import { PageHeader } from "@/components/ui/card";

/** The audit log failed to load (the team navigation around it still works). */
export default function AuditError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <>
      <PageHeader title="Audit log" />
      <DataTableError
        title="The audit log could not be loaded."
        message={`Something went wrong on our side. Please try again.${digest ? ` (Reference: ${digest})` : ""}`}
        onRetry={retry}
        testId="audit"
      />
    </>
  );
}
