// AliExpress's product states (shared docs/marketplaces.md §3.3): an operation status (`product_status_type`:
// onSelling, offline, auditing, editingRequired) and, for an offline product, its reason (`ws_display`). The native
// code keeps both, `offline:violate_offline`. The list serves one status a call (and one reason, if asked), so each
// portal status is the list of those segments that make it up.
import type { DisplayStatus, NativeStatus } from "../types";

type Known = { status: DisplayStatus; label: string };

const STATUS_TYPES: Record<string, Known> = {
  onSelling: { status: "online", label: "On sale" },
  offline: { status: "offline", label: "Offline" },
  auditing: { status: "pending", label: "In review" },
  // Review sent it back: the seller must edit it before it can go on sale.
  editingRequired: { status: "blocked", label: "Changes required by review" },
};

// Only the seller's own choice and an expired validity (renewable) are the seller's to undo; the rest is the platform's.
const OFFLINE_REASONS: Record<string, Known> = {
  user_offline: { status: "offline", label: "Offline, taken off sale by the seller" },
  expire_offline: { status: "offline", label: "Offline, validity expired" },
  violate_offline: { status: "blocked", label: "Offline for a rule violation" },
  punish_offline: { status: "blocked", label: "Offline as a penalty" },
  degrade_offline: { status: "blocked", label: "Offline, downgraded by the platform" },
};

export function statusOf(statusType: string, offlineReason: string | null | undefined): { status: DisplayStatus; native: NativeStatus } {
  if (statusType === "offline" && offlineReason) {
    const known = OFFLINE_REASONS[offlineReason];
    const code = `offline:${offlineReason}`;
    return { status: known?.status ?? "offline", native: { code, label: known?.label ?? code } };
  }
  const known = STATUS_TYPES[statusType];
  return { status: known?.status ?? "unknown", native: { code: statusType, label: known?.label ?? statusType } };
}

/** One call's worth of the list: an operation status, and for offline products optionally one reason. */
export type Segment = { statusType: string; offlineReason?: string };

const offline = (offlineReason: string): Segment => ({ statusType: "offline", offlineReason });

/** The whole list: every operation status once. */
export const ALL_SEGMENTS: readonly Segment[] = [{ statusType: "onSelling" }, { statusType: "offline" }, { statusType: "auditing" }, { statusType: "editingRequired" }];

/** The segments behind each portal status; AliExpress has no drafts or deleted products in this list. */
export const SEGMENTS: Record<DisplayStatus, readonly Segment[]> = {
  online: [{ statusType: "onSelling" }],
  offline: [offline("user_offline"), offline("expire_offline")],
  pending: [{ statusType: "auditing" }],
  blocked: [{ statusType: "editingRequired" }, offline("violate_offline"), offline("punish_offline"), offline("degrade_offline")],
  draft: [],
  deleted: [],
  unknown: [],
};
