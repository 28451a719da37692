// The start of every shop page: the caller (any member may browse), the team's shop, and where Reconnect goes if
// the caller may re-link. Cached per request, so the shop layout and its page open the shop once.
import { notFound } from "next/navigation";
import { cache } from "react";
import { pageCaller, requestUserId } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { openShop, type Shop } from "./shop";

/**
 * The shop, opened only when the session's user is a member of its team, without waiting for the rest of the
 * caller; null when there is no session or no such shop of theirs (pageCaller then says why: sign in, or 404).
 */
const memberShop = cache(async (teamSlug: string, accountId: string): Promise<Shop | null> => {
  const memberId = await requestUserId();
  if (!memberId) return null;
  return openShop({ slug: teamSlug, memberId }, accountId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
});

export const shopPage = cache(async (teamSlug: string, accountId: string) => {
  const [{ user, team }, shop] = await Promise.all([
    pageCaller("team.read", teamSlug, `/t/${teamSlug}/shops/${encodeURIComponent(accountId)}`),
    memberShop(teamSlug, accountId),
  ]);
  if (!shop) notFound();
  const base = `/t/${team.slug}/shops/${shop.account.id}`;
  const reconnectHref = can(team.role, "accounts.link") ? `/api/teams/${team.slug}/accounts/link/${shop.account.platform}` : null;
  return { user, team, shop, base, reconnectHref };
});

/**
 * The shop alone, as soon as it is open: a page starts its marketplace call with it while the caller's user and
 * teams are still being read. Without a shop of theirs, it answers as shopPage does.
 */
export async function pageShop(teamSlug: string, accountId: string): Promise<Shop> {
  return (await memberShop(teamSlug, accountId)) ?? (await shopPage(teamSlug, accountId)).shop;
}
