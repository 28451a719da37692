"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { callApi } from "@/lib/client/api";

/**
 * When cached data was taken from the platform, and Refresh: POSTs to `refreshPath`, then shows the page again with
 * what it got. Test ids: `<testId>-fetched-at`, `<testId>-refresh`, `<testId>-refresh-error`.
 */
export function FetchedAt({ fetchedAt, refreshPath, testId, verb = "Fetched" }: { fetchedAt: string; refreshPath: string; testId: string; verb?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [rendering, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  async function refresh() {
    setBusy(true);
    setError(null);
    const result = await callApi(refreshPath, { method: "POST" });
    setBusy(false);
    // The message of a marketplace failure ends with the platform's own code.
    if (!result.ok) return setError(result.error.message);
    startTransition(() => router.refresh());
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
      <span data-testid={`${testId}-fetched-at`}>
        {verb} <DateTime iso={fetchedAt} />
      </span>
      <span aria-hidden>·</span>
      <Button variant="secondary" size="sm" pending={busy || rendering} onClick={refresh} data-testid={`${testId}-refresh`}>
        Refresh
      </Button>
      {error ? (
        <span role="status" className="text-red-700" data-testid={`${testId}-refresh-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
