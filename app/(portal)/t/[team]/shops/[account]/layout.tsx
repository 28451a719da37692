import Link from "next/link";
import { HealthBadge } from "@/components/accounts/health-badge";
import { ShopTabs } from "@/components/shops/shop-tabs";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { shopPage } from "@/lib/shops/page";

export default async function ShopLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string; account: string }> }) {
  const { team: slug, account: accountId } = await params;
  const { team, shop, base, reconnectHref } = await shopPage(slug, accountId);
  const { account, metadata } = shop;
  const tabs = [
    { href: base, label: "Overview" },
    { href: `${base}/products`, label: "Products" },
    ...(metadata.capabilities.categories ? [{ href: `${base}/categories`, label: "Categories" }] : []),
  ];
  return (
    <div className="space-y-5" data-testid="shop" data-platform={account.platform}>
      <div className="space-y-3">
        <p className="text-xs text-slate-500">
          <Link href={`/t/${team.slug}/accounts`} className="hover:underline">
            Linked accounts
          </Link>{" "}
          / {metadata.name}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900" data-testid="shop-name">
            {account.shopName}
          </h1>
          <Badge tone="gray">{metadata.name}</Badge>
          <HealthBadge health={account.health} />
        </div>
        {account.health === "needs_relink" ? (
          <Notice tone="error" testId="shop-relink">
            {metadata.name} no longer accepts this link{account.lastError ? `: ${account.lastError}` : "."}{" "}
            {reconnectHref ? (
              <a href={reconnectHref} className={buttonClass("primary", "sm")} data-testid="shop-reconnect">
                Reconnect
              </a>
            ) : (
              "Ask an admin of the team to reconnect it."
            )}
          </Notice>
        ) : null}
        <ShopTabs items={tabs} />
      </div>
      {children}
    </div>
  );
}
