// The start of every shop page: the caller (any member may browse), the team's shop, and where Reconnect goes if
// the caller may re-link. Cached per request, so the shop layout and its page open the shop once.
import { notFound } from "next/navigation";
import { cache } from "react";
import { pageCaller } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { openShop } from "./shop";

export const shopPage = cache(async (teamSlug: string, accountId: string) => {
  const { user, team } = await pageCaller("team.read", teamSlug, `/t/${teamSlug}/shops/${encodeURIComponent(accountId)}`);
  const shop = await openShop(team, accountId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const base = `/t/${team.slug}/shops/${shop.account.id}`;
  const reconnectHref = can(team.role, "accounts.link") ? `/api/teams/${team.slug}/accounts/link/${shop.account.platform}` : null;
  return { user, team, shop, base, reconnectHref };
});
