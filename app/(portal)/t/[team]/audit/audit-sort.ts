import { namedSortCodec } from "@/components/data-table/search-params";
import type { AuditQuery } from "@/lib/audit";

/**
 * `sort=newest|oldest` is the time column's sort (newest is the default and stays out of the URL). Shared by the
 * server page and the client table; it must not import anything server-only.
 */
export const auditSort = namedSortCodec<AuditQuery["sort"]>(
  {
    newest: [{ id: "time", desc: true }],
    oldest: [{ id: "time", desc: false }],
  },
  "newest",
);
