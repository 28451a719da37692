"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

/**
 * The table's error state: what went wrong and a way to try again. Use it in an `error.tsx` (pass its `retry`) or
 * where a page catches a failed query; without `onRetry` it re-renders the route from the server.
 */
export function DataTableError({
  title = "The table could not be loaded.",
  message = "Something went wrong on our side. Please try again.",
  onRetry,
  testId = "data-table",
}: {
  title?: string;
  message?: string;
  onRetry?: () => void;
  testId?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="rounded-lg bg-white px-6 py-12 text-center shadow-xs ring-1 ring-slate-200" data-testid={`${testId}-error`}>
      <div role="status" className="mx-auto max-w-md space-y-1">
        <p className="text-sm font-medium text-red-800">{title}</p>
        <p className="text-sm text-slate-600">{message}</p>
      </div>
      <Button
        variant="secondary"
        className="mt-4"
        pending={pending}
        data-testid={`${testId}-retry`}
        onClick={() => startTransition(() => (onRetry ? onRetry() : router.refresh()))}
      >
        Try again
      </Button>
    </div>
  );
}
