// Products by display status as plain CSS bars: one stacked bar for a glance, and one row per status with its
// count for a shop's overview. Server-safe (no state).
import { formatCount } from "@/lib/format";
import { DISPLAY_STATUSES, type DisplayStatus } from "@/lib/marketplaces/types";
import type { StatusCounts } from "@/lib/shops/status-counts";
import { STATUS_LABELS } from "./status-badge";

const BAR_COLORS: Record<DisplayStatus, string> = {
  online: "bg-emerald-500",
  offline: "bg-slate-400",
  pending: "bg-sky-500",
  blocked: "bg-red-500",
  draft: "bg-slate-300",
  deleted: "bg-slate-200",
  unknown: "bg-amber-400",
};

/** The statuses that hold products, in the vocabulary's order. */
function present(byStatus: Record<DisplayStatus, number>): { status: DisplayStatus; count: number }[] {
  return DISPLAY_STATUSES.map((status) => ({ status, count: byStatus[status] })).filter((entry) => entry.count > 0);
}

const share = (count: number, whole: number) => `${whole ? (count / whole) * 100 : 0}%`;

/** One bar split by status. */
export function StatusBar({ byStatus }: { byStatus: Record<DisplayStatus, number> }) {
  const parts = present(byStatus);
  const whole = parts.reduce((sum, part) => sum + part.count, 0);
  const summary = parts.map((part) => `${STATUS_LABELS[part.status]} ${formatCount(part.count)}`).join(", ") || "No products";
  return (
    <div className="flex h-2.5 w-full overflow-hidden rounded-full bg-slate-100" role="img" aria-label={summary} title={summary}>
      {parts.map((part) => (
        <div key={part.status} className={BAR_COLORS[part.status]} style={{ width: share(part.count, whole) }} />
      ))}
    </div>
  );
}

/** A row per status that holds products, with its count and share of the total. */
export function StatusChart({ counts, platformName }: { counts: StatusCounts; platformName: string }) {
  const { byStatus, total } = counts;
  if (!byStatus) {
    return (
      <div className="space-y-2" data-testid="status-chart" data-total={total}>
        <p className="text-2xl font-semibold tabular-nums text-slate-900">{formatCount(total)} products</p>
        <p className="text-xs text-slate-500" data-testid="status-chart-total-only">{platformName}&apos;s product list cannot be filtered by display status, so only the total is counted.</p>
      </div>
    );
  }
  const rows = present(byStatus);
  const counted = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <div className="space-y-3" data-testid="status-chart" data-total={total}>
      <p className="text-2xl font-semibold tabular-nums text-slate-900">{formatCount(total)} products</p>
      {rows.length ? (
        <dl className="grid grid-cols-[auto_1fr_auto] items-center gap-x-3 gap-y-2 text-sm">
          {rows.map(({ status, count }) => (
            <div key={status} className="contents" data-testid="status-count" data-status={status} data-count={count}>
              <dt className="text-slate-700">{STATUS_LABELS[status]}</dt>
              <dd className="h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                <div className={`h-full ${BAR_COLORS[status]}`} style={{ width: share(count, Math.max(total, counted)) }} />
              </dd>
              <dd className="text-right tabular-nums text-slate-900">{formatCount(count)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm text-slate-500">No products yet.</p>
      )}
      {counted !== total ? (
        <p className="text-xs text-slate-500" data-testid="status-count-gap">
          {counted > total
            ? `By status there are ${formatCount(counted)}: ${platformName} leaves some products (such as deleted ones) out of its list until they are asked for by status.`
            : `By status there are ${formatCount(counted)}: the list changed while it was counted, or ${platformName} lists some products under no status.`}
        </p>
      ) : null}
    </div>
  );
}
