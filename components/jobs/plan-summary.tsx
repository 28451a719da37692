import type { ReactNode } from "react";
import type { Plan, ProductSample } from "@/lib/bulk";
import { formatCount } from "@/lib/format";

const sampleLabel = (sample: Pick<ProductSample, "id" | "title">) => (sample.title ? `${sample.title} (${sample.id})` : sample.id);

function Samples({ items }: { items: string[] }) {
  if (!items.length) return null;
  return (
    <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-slate-500">
      {items.map((item) => (
        <li key={item} className="truncate">
          {item}
        </li>
      ))}
    </ul>
  );
}

function Line({ label, value, testId, children }: { label: string; value: number; testId: string; children?: ReactNode }) {
  return (
    <li className="py-2" data-testid={testId} data-count={value}>
      <div className="flex justify-between gap-4">
        <span>{label}</span>
        <span className="font-semibold tabular-nums">{formatCount(value)}</span>
      </div>
      {children}
    </li>
  );
}

/** The dry run's answer: what will change, what has the target already, and what cannot change, grouped by reason. */
export function PlanSummary({ plan }: { plan: Plan }) {
  const { counts, samples } = plan;
  const blocked = counts.cannot + counts.notFound;
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-600">
        Of the {formatCount(plan.total)} selected {plan.total === 1 ? "product" : "products"}, as the platform lists them now:
      </p>
      <ul className="divide-y divide-slate-100 rounded-md px-3 ring-1 ring-slate-200">
        <Line label={`Will be set ${plan.target}`} value={counts.change} testId="bulk-plan-change">
          <Samples items={samples.change.map(sampleLabel)} />
        </Line>
        <Line label={`Already ${plan.target}`} value={counts.already} testId="bulk-plan-already" />
        <Line label="Cannot change" value={blocked} testId="bulk-plan-blocked">
          <ul className="mt-1 space-y-1.5">
            {plan.reasons.map((reason) => (
              <li key={reason.code} className="text-xs text-slate-600" data-testid="bulk-plan-reason" data-code={reason.code}>
                <span className="font-medium tabular-nums">{formatCount(reason.count)}</span> {reason.reason} <code className="font-mono text-slate-400">{reason.code}</code>
                <Samples items={samples.cannot.filter((sample) => sample.code === reason.code).map(sampleLabel)} />
              </li>
            ))}
            {counts.notFound ? (
              <li className="text-xs text-slate-600" data-testid="bulk-plan-reason" data-code="not_found">
                <span className="font-medium tabular-nums">{formatCount(counts.notFound)}</span> The platform has no product with this id in the shop.{" "}
                <code className="font-mono text-slate-400">not_found</code>
                <Samples items={samples.notFound} />
              </li>
            ) : null}
          </ul>
        </Line>
      </ul>
      {!counts.change ? <p className="text-slate-600">Nothing would change, so there is no job to start.</p> : null}
    </div>
  );
}
