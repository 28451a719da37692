// 1688's product statuses (ProductInfo.status, and list.get's statusList) in the portal's words.
import type { DisplayStatus, NativeStatus } from "../types";

const STATUSES: Record<string, { status: DisplayStatus; label: string }> = {
  published: { status: "online", label: "Published (上网)" },
  // "expired" covers taking offline by hand and the validity running out.
  expired: { status: "offline", label: "Expired (过期)" },
  "auto expired": { status: "offline", label: "Expired automatically (自然过期)" },
  // Never listed: alibaba.product.republish puts it online for the first time.
  new: { status: "draft", label: "New, never listed (新发)" },
  modified: { status: "pending", label: "Modified, in review (修改)" },
  auditing: { status: "pending", label: "In review (审核中)" },
  approved: { status: "pending", label: "Approved (审批通过)" },
  TBD: { status: "pending", label: "To be deleted (TBD)" },
  // The platform's doing, not the seller's: the membership lapsed, or the review refused the product.
  "member expired": { status: "blocked", label: "Membership withdrawn (会员撤销)" },
  untread: { status: "blocked", label: "Refused in review (审核不通过)" },
  deleted: { status: "deleted", label: "Deleted (删除)" },
  "member deleted": { status: "deleted", label: "Deleted by the member (会员删除)" },
};

export function statusOf(code: string): { status: DisplayStatus; native: NativeStatus } {
  const known = STATUSES[code];
  return { status: known?.status ?? "unknown", native: { code, label: known?.label ?? code } };
}

/** The values list.get's `statusList` accepts, per portal status (its documented list: no auditing, untread, …). */
const STATUS_LISTS: Partial<Record<DisplayStatus, string[]>> = {
  online: ["published"],
  offline: ["expired"],
  draft: ["new"],
  pending: ["modified", "TBD"],
  blocked: ["member expired"],
  deleted: ["deleted"],
};

/** `statusList` for a portal status, or null when no 1688 product can have it. */
export const statusListFor = (status: DisplayStatus): string[] | null => STATUS_LISTS[status] ?? null;
