import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DisplayStatus, NativeStatus } from "@/lib/marketplaces/types";

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  online: "Online",
  offline: "Offline",
  pending: "In review",
  blocked: "Blocked",
  draft: "Draft",
  deleted: "Deleted",
  unknown: "Unknown",
};

const TONES: Record<DisplayStatus, BadgeTone> = { online: "green", offline: "gray", pending: "blue", blocked: "red", draft: "gray", deleted: "gray", unknown: "amber" };

/** The normalized status, with the platform's own status beside it (its label, and its code on hover). */
export function StatusBadge({ status, native }: { status: DisplayStatus; native: NativeStatus }) {
  return (
    <span className="inline-flex flex-col items-start gap-0.5" data-testid="product-status" data-status={status}>
      <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>
      <span className="text-xs text-slate-500" title={`Platform status ${native.code}`} data-testid="product-native-status">
        {native.label}
      </span>
    </span>
  );
}
