"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { TableSelection } from "@/components/data-table/search-params";
import { Button } from "@/components/ui/button";
import type { JobRequest, Plan, ProductFilter } from "@/lib/bulk";
import { callApi, type ApiError } from "@/lib/client/api";
import { formatCount } from "@/lib/format";
import type { StatusTarget } from "@/lib/marketplaces/types";
import { ApiErrorNotice } from "./api-error";
import { TARGET_WORDS } from "./job-words";
import { PlanSummary } from "./plan-summary";

export type BulkStatusOptions = {
  /** The shop's jobs route: `${jobsApi}/plan` is the dry run, `jobsApi` itself starts the job. */
  jobsApi: string;
  /** A job's page is `${jobsPath}/${id}`. */
  jobsPath: string;
  platformName: string;
  /** The targets the platform's display-status capability offers. */
  targets: StatusTarget[];
  /** Why the buttons are not offered or are disabled (the platform cannot, or the role may not); null when they work. */
  unavailable: string | null;
  /** The table's filters as the platform's list applies them: what "all matching" stands for. */
  filter: ProductFilter;
};

type Step = { kind: "planning" } | { kind: "planned"; plan: Plan } | { kind: "failed"; error: ApiError; plan?: Plan };

const requestFor = (selection: TableSelection, filter: ProductFilter, target: StatusTarget): JobRequest => ({
  selection: selection.mode === "rows" ? { ids: selection.ids } : { allMatching: filter },
  target,
});

/**
 * "Set online" / "Set offline" for the table's selection. Each opens a dialog with the dry run (what will change,
 * what has the target already, what cannot change and why); Confirm starts the job and opens its page.
 */
export function BulkStatusActions({ options, selection, count: selected }: { options: BulkStatusOptions; selection: TableSelection; count: number }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [request, setRequest] = useState<JobRequest | null>(null);
  const [step, setStep] = useState<Step>({ kind: "planning" });
  const [starting, setStarting] = useState(false);
  // A dry run answered after another was asked for is dropped.
  const latest = useRef(0);

  if (!options.targets.length) return <Unavailable reason={options.unavailable} />;

  async function plan(target: StatusTarget) {
    const next = requestFor(selection, options.filter, target);
    const asked = ++latest.current;
    setRequest(next);
    setStep({ kind: "planning" });
    dialog.current?.showModal();
    const result = await callApi<{ plan: Plan }>(`${options.jobsApi}/plan`, { body: next });
    if (asked === latest.current) setStep(result.ok ? { kind: "planned", plan: result.data.plan } : { kind: "failed", error: result.error });
  }

  async function confirm(plan: Plan) {
    setStarting(true);
    const result = await callApi<{ id: string }>(options.jobsApi, { body: request });
    if (!result.ok) {
      setStarting(false);
      return setStep({ kind: "failed", error: result.error, plan });
    }
    router.push(`${options.jobsPath}/${result.data.id}`);
  }

  const shown = step.kind === "planned" ? step.plan : step.kind === "failed" ? step.plan : undefined;
  return (
    <>
      {options.targets.map((target) => (
        <Button key={target} size="sm" variant="secondary" disabled={options.unavailable !== null} onClick={() => void plan(target)} data-testid={`bulk-set-${target}`}>
          {TARGET_WORDS[target]}
        </Button>
      ))}
      <Unavailable reason={options.unavailable} />
      <dialog
        ref={dialog}
        aria-labelledby="bulk-plan-title"
        className="m-auto w-full max-w-xl rounded-lg p-0 text-slate-800 shadow-xl backdrop:bg-slate-900/40"
        data-testid="bulk-plan"
        onClose={() => setStarting(false)}
      >
        <div className="space-y-4 p-5">
          <h2 id="bulk-plan-title" className="text-base font-semibold">
            {request ? `${TARGET_WORDS[request.target]} on ${options.platformName}` : null}
          </h2>
          {step.kind === "planning" ? (
            <p className="text-sm text-slate-600" role="status" data-testid="bulk-planning">
              Checking {selection.mode === "rows" ? `the ${formatCount(selected)} selected` : `all ${formatCount(selected)} matching`} products on {options.platformName}…
            </p>
          ) : null}
          {shown ? <PlanSummary plan={shown} /> : null}
          {step.kind === "failed" ? <ApiErrorNotice error={step.error} testId="bulk-error" /> : null}
          <form method="dialog" className="flex justify-end gap-2">
            <Button variant="secondary" value="cancel">
              Close
            </Button>
            {shown ? (
              <Button type="button" pending={starting} disabled={!shown.counts.change} onClick={() => void confirm(shown)} data-testid="bulk-confirm">
                {`${TARGET_WORDS[shown.target]}: ${formatCount(shown.counts.change)} ${shown.counts.change === 1 ? "product" : "products"}`}
              </Button>
            ) : null}
          </form>
        </div>
      </dialog>
    </>
  );
}

function Unavailable({ reason }: { reason: string | null }) {
  return reason ? (
    <span className="text-xs text-slate-600" data-testid="bulk-unavailable">
      {reason}
    </span>
  ) : null;
}
