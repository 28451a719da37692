import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { shopPage } from "@/lib/shops/page";

export const metadata: Metadata = { title: "Shop" };

export default async function ShopOverview({ params }: { params: Promise<{ team: string; account: string }> }) {
  const { team: slug, account: accountId } = await params;
  const { shop } = await shopPage(slug, accountId);
  const { account } = shop;
  return (
    <Card title="Link" description="The authorization the portal works with.">
      <dl className="grid gap-2 text-sm sm:grid-cols-2" data-testid="shop-link">
        <dt className="text-slate-500">Seller id</dt>
        <dd className="font-mono">{account.sellerId}</dd>
        <dt className="text-slate-500">Linked by</dt>
        <dd>
          {account.linkedBy ?? "a former member"} on <DateTime iso={account.linkedAt} />
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
    </Card>
  );
}
