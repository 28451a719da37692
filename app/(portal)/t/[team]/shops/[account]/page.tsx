import type { Metadata } from "next";
import { Suspense } from "react";
import { HealthBadge } from "@/components/accounts/health-badge";
import { ShopProblemView } from "@/components/shops/shop-problem";
import { StatusChart } from "@/components/shops/status-chart";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FetchedAt } from "@/components/ui/fetched-at";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import { linkerName } from "@/lib/marketplaces/accounts";
import { shopPage } from "@/lib/shops/page";
import { attempt, type Shop } from "@/lib/shops/shop";
import { statusCounts } from "@/lib/shops/status-counts";

export const metadata: Metadata = { title: "Shop" };

export default async function ShopOverview({ params }: { params: Promise<{ team: string; account: string }> }) {
  const { team: slug, account: accountId } = await params;
  const { team, shop, reconnectHref } = await shopPage(slug, accountId);
  const { account } = shop;
  const linkedBy = await linkerName(account.id);
  return (
    <div className="grid items-start gap-4 lg:grid-cols-2">
      <Card title="Products by status" description={`Display status as the portal normalizes ${shop.metadata.name}'s own.`}>
        <Suspense fallback={<div className="h-40 animate-pulse rounded bg-slate-100" aria-busy="true" data-testid="status-chart-loading" />}>
          <ShopStatus shop={shop} team={team.slug} reconnectHref={reconnectHref} />
        </Suspense>
      </Card>
      <Card title="Link" description="The authorization the portal works with.">
        <dl className="grid gap-2 text-sm sm:grid-cols-2" data-testid="shop-link">
          <dt className="text-slate-500">Health</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <HealthBadge health={account.health} />
            {account.health !== "active" && reconnectHref ? (
              <a href={reconnectHref} className={buttonClass("primary", "sm")} data-testid="link-reconnect">
                Reconnect
              </a>
            ) : null}
          </dd>
          <dt className="text-slate-500">Seller id</dt>
          <dd className="font-mono">{account.sellerId}</dd>
          <dt className="text-slate-500">Linked by</dt>
          <dd>
            {linkedBy ?? "a former member"} on <DateTime iso={account.linkedAt} />
          </dd>
          <dt className="text-slate-500">Access token until</dt>
          <dd>
            <DateTime iso={account.accessTokenExpiresAt} />
          </dd>
          <dt className="text-slate-500">Authorization until</dt>
          <dd>
            <DateTime iso={account.expiresAt} />
          </dd>
        </dl>
        {account.health === "expiring" ? (
          <div className="mt-4">
            <Notice tone="warning" testId="link-expiry-warning">
              This link stops working on <DateTime iso={account.expiresAt} />. {reconnectHref ? "Reconnect before then" : "Ask an admin of the team to reconnect it before then"} to
              keep browsing and jobs running.
            </Notice>
          </div>
        ) : null}
      </Card>
    </div>
  );
}

async function ShopStatus({ shop, team, reconnectHref }: { shop: Shop; team: string; reconnectHref: string | null }) {
  const result = await attempt(shop, () => statusCounts(shop));
  if (!result.ok) return <ShopProblemView problem={result.problem} reconnectHref={reconnectHref} testId="status-problem" />;
  return (
    <div className="space-y-4">
      <StatusChart counts={result.value} platformName={shop.metadata.name} />
      <FetchedAt verb="Counted" fetchedAt={result.value.fetchedAt} refreshPath={`/api/teams/${team}/shops/${encodeURIComponent(shop.account.id)}/status-counts`} testId="status" />
    </div>
  );
}
