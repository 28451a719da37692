"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Renders the server page again every `intervalMs` while `active`: a list of jobs some of which are still running. */
export function RefreshWhile({ active, intervalMs }: { active: boolean; intervalMs: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
