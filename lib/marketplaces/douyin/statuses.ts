// A Doudian product's state is two numbers: `status` (0 online, 1 offline, 2 deleted) and `check_status`
// (1 not submitted, 2 under review, 3 approved, 4 rejected, 5 banned, 7 approved and waiting to be listed).
// Here they become the portal's status, both ways; the pair is kept as the native status `"<status>:<check>"`.
import type { DisplayStatus, NativeStatus } from "../types";

const STATUS_LABELS: Record<number, string> = { 0: "Online 在线", 1: "Offline 下线", 2: "Deleted 删除" };

const CHECK_LABELS: Record<number, string> = {
  1: "not submitted 未提交",
  2: "under review 待审核",
  3: "approved 审核通过",
  4: "rejected 审核未通过",
  5: "banned 封禁",
  7: "approved, not listed 审核通过待上架",
};

function displayStatus(status: number, checkStatus: number): DisplayStatus {
  if (status === 2) return "deleted";
  switch (checkStatus) {
    case 4: // the review refused it
    case 5: // the platform banned it
      return "blocked";
    case 2:
      return "pending";
    case 1:
      return "draft";
    case 3:
      return status === 0 ? "online" : "offline";
    case 7:
      return "offline";
    default:
      return "unknown";
  }
}

export function statusOf(status: number, checkStatus: number): { status: DisplayStatus; native: NativeStatus } {
  const label = `${STATUS_LABELS[status] ?? `status ${status}`} · ${CHECK_LABELS[checkStatus] ?? `check_status ${checkStatus}`}`;
  return { status: displayStatus(status, checkStatus), native: { code: `${status}:${checkStatus}`, label } };
}

/** listV2's filters; without `status` it leaves deleted products out. */
export type NativeFilter = { status?: number; check_status?: number };

/** Each portal status as the listV2 filters that together list exactly its products; none for "unknown". */
export const STATUS_FILTERS: Record<DisplayStatus, NativeFilter[]> = {
  online: [{ status: 0, check_status: 3 }],
  offline: [
    { status: 1, check_status: 3 },
    { status: 1, check_status: 7 },
  ],
  pending: [{ check_status: 2 }],
  blocked: [{ check_status: 4 }, { check_status: 5 }],
  draft: [{ check_status: 1 }],
  deleted: [{ status: 2 }],
  unknown: [],
};
