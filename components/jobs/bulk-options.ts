// What the products table's bulk buttons need, worked out on the server from the caller's role and what the shop's
// platform can do.
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import type { ProductFilter } from "@/lib/bulk";
import type { ProductQuery } from "@/lib/marketplaces/types";
import type { Shop } from "@/lib/shops/shop";
import type { TeamSummary } from "@/lib/teams";
import type { BulkStatusOptions } from "./bulk-status-actions";

/** The table's query without its page: what "all N matching" stands for. */
const filterOf = ({ search, status, categoryId, modifiedFrom, modifiedTo, sort }: ProductQuery): ProductFilter => ({ search, status, categoryId, modifiedFrom, modifiedTo, sort });

export function bulkStatusOptions(team: Pick<TeamSummary, "slug" | "role">, shop: Shop, query: ProductQuery): BulkStatusOptions {
  const { metadata, account } = shop;
  const allowed = can(team.role, "status.write") && can(team.role, "jobs.manage");
  return {
    jobsApi: `/api/teams/${team.slug}/shops/${account.id}/jobs`,
    jobsPath: `/t/${team.slug}/jobs`,
    platformName: metadata.name,
    targets: metadata.capabilities.displayStatus?.targets ?? [],
    unavailable: !metadata.capabilities.displayStatus
      ? `${metadata.name} does not let the portal change display status.`
      : allowed
        ? null
        : `Your role (${ROLE_LABELS[team.role]}) cannot change display status; an operator, admin or owner can.`,
    filter: filterOf(query),
  };
}
