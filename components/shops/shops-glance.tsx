// "Shops at a glance" on the team overview: every linked shop with its platform, link health, product total and
// status bar. Each shop counts in its own Suspense boundary, so a slow or failing platform holds up no other;
// a failure shows in its card, in words (the card is one link, so the way out is on the shop's page).
import Link from "next/link";
import { Suspense } from "react";
import { HealthBadge } from "@/components/accounts/health-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { AppError } from "@/lib/errors";
import { listAccounts, type AccountView } from "@/lib/marketplaces/accounts";
import { platform } from "@/lib/marketplaces/registry";
import { attempt, openShop } from "@/lib/shops/shop";
import { formatCount } from "@/lib/format";
import { statusCounts } from "@/lib/shops/status-counts";
import type { TeamSummary } from "@/lib/teams";
import { StatusBar } from "./status-chart";

export async function ShopsGlance({ team }: { team: TeamSummary }) {
  const accounts = await listAccounts(team.id);
  return (
    <Card title="Shops at a glance" description="Every shop linked to this team, with its products by display status.">
      {accounts.length ? (
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="shops-glance">
          {accounts.map((account) => (
            <li key={account.id}>
              <ShopCard team={team} account={account} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500" data-testid="shops-glance">
          No shops linked yet.{" "}
          <Link href={`/t/${team.slug}/accounts`} className="font-medium text-brand-600 hover:underline">
            Link one on the accounts page
          </Link>
          .
        </p>
      )}
    </Card>
  );
}

function ShopCard({ team, account }: { team: TeamSummary; account: AccountView }) {
  return (
    <Link
      href={`/t/${team.slug}/shops/${account.id}`}
      className="block space-y-2 rounded-md p-3 ring-1 ring-slate-200 hover:bg-slate-50 hover:ring-brand-300"
      data-testid="shop-card"
      data-platform={account.platform}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{account.shopName}</span>
        <Badge tone="gray">{platform(account.platform).metadata.name}</Badge>
        <HealthBadge health={account.health} />
      </div>
      <Suspense fallback={<div className="h-9 animate-pulse rounded bg-slate-100" aria-busy="true" />}>
        <ShopCounts team={team} account={account} />
      </Suspense>
    </Link>
  );
}

async function ShopCounts({ team, account }: { team: TeamSummary; account: AccountView }) {
  const result = await openShop(team, account.id).then(
    (shop) => attempt(shop, () => statusCounts(shop)),
    // A platform switched off on this portal since the link was made: the card says so instead of failing the page.
    (error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      return { ok: false as const, problem: { title: "The shop cannot be opened", message: error.message } };
    },
  );
  if (!result.ok) {
    return (
      <p className="text-xs" role="status" data-testid="shop-card-problem">
        <span className="font-medium text-red-800">{result.problem.title}.</span> <span className="text-slate-600">{result.problem.message}</span>
      </p>
    );
  }
  const counts = result.value;
  return (
    <div className="space-y-1.5" data-testid="shop-card-counts" data-total={counts.total}>
      <p className="text-sm tabular-nums text-slate-700">
        {formatCount(counts.total)} product{counts.total === 1 ? "" : "s"}
      </p>
      {counts.byStatus ? (
        <StatusBar byStatus={counts.byStatus} />
      ) : (
        <p className="text-xs text-slate-500" data-testid="shop-card-no-statuses">
          Not counted by status: {platform(account.platform).metadata.name}&apos;s list has no status filter.
        </p>
      )}
    </div>
  );
}
