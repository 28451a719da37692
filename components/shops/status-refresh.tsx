"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { callApi } from "@/lib/client/api";

/** When the counts were taken, and a button that counts anew and shows the page again with the new counts. */
export function StatusRefresh({ team, accountId, fetchedAt }: { team: string; accountId: string; fetchedAt: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [rendering, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  async function refresh() {
    setBusy(true);
    setError(null);
    const result = await callApi(`/api/teams/${team}/shops/${encodeURIComponent(accountId)}/status-counts`, { method: "POST" });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    startTransition(() => router.refresh());
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
      <span data-testid="status-fetched-at">
        Counted <DateTime iso={fetchedAt} />
      </span>
      <Button variant="secondary" size="sm" pending={busy || rendering} onClick={refresh} data-testid="status-refresh">
        Refresh
      </Button>
      {error ? (
        <span role="status" className="text-red-700" data-testid="status-refresh-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
