"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import type { ShopProblem } from "@/lib/shops/shop";

/** A marketplace failure where the data would be: plain words, the platform's code, and Reconnect or Try again. */
export function ShopProblemView({ problem, reconnectHref, testId = "shop-problem" }: { problem: ShopProblem; reconnectHref: string | null; testId?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="rounded-lg bg-white px-6 py-10 text-center shadow-xs ring-1 ring-slate-200" data-testid={testId}>
      <div role="status" className="mx-auto max-w-lg space-y-1">
        <p className="text-sm font-medium text-red-800">{problem.title}</p>
        <p className="text-sm text-slate-600">{problem.message}</p>
        {problem.platformCode ? (
          <p className="text-xs text-slate-500">
            Platform code <code className="font-mono">{problem.platformCode}</code>
          </p>
        ) : null}
      </div>
      <div className="mt-4">
        {problem.reconnect ? (
          reconnectHref ? (
            <a className={buttonClass("primary")} href={reconnectHref} data-testid={`${testId}-reconnect`}>
              Reconnect
            </a>
          ) : (
            <p className="text-sm text-slate-600">Ask an admin of the team to reconnect it.</p>
          )
        ) : problem.retry ? (
          <Button variant="secondary" pending={pending} data-testid={`${testId}-retry`} onClick={() => startTransition(() => router.refresh())}>
            Try again
          </Button>
        ) : null}
      </div>
    </div>
  );
}
