import type { Metadata } from "next";
import { AccountList } from "@/components/accounts/account-list";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { teamPage } from "@/lib/auth/page";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { listAccounts } from "@/lib/marketplaces/accounts";
import { appConfig } from "@/lib/marketplaces/config";
import { platforms } from "@/lib/marketplaces/registry";

export const metadata: Metadata = { title: "Linked accounts" };

export default async function AccountsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { team: slug } = await params;
  const { team, allowed: canLink } = await teamPage(slug, "accounts.link", `/t/${slug}/accounts`);
  const accounts = await listAccounts(team.id);
  const linked = (await searchParams).linked;
  const justLinked = typeof linked === "string" ? accounts.find((account) => account.id === linked) : undefined;
  const available = platforms().map(({ metadata }) => ({ ...metadata, configured: appConfig(metadata.id) !== null }));
  const platformNames = Object.fromEntries(available.map((p) => [p.id, p.name]));
  return (
    <>
      <PageHeader title="Linked accounts" description="Shops this team has authorized the portal to work on." />
      <div className="space-y-6">
        {justLinked ? (
          <Notice tone="success" testId="linked-notice">
            Linked {justLinked.shopName} on {platformNames[justLinked.platform]}.
          </Notice>
        ) : null}
        {canLink ? (
          <Card title="Link a shop" description="You will sign in on the marketplace and approve access; the portal never sees your marketplace password.">
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {available.map((p) => (
                <div key={p.id} className="rounded-md p-3 ring-1 ring-slate-200">
                  <p className="font-medium">{p.name}</p>
                  <p className="mb-3 text-xs text-slate-500">{p.description}</p>
                  {p.configured ? (
                    <a className={buttonClass("secondary", "sm")} href={`/api/teams/${team.slug}/accounts/link/${p.id}`} data-testid={`link-${p.id}`}>
                      Link {p.name} account
                    </a>
                  ) : (
                    <p className="text-xs text-amber-700">Not set up on this portal (app key and secret missing).</p>
                  )}
                </div>
              ))}
            </div>
          </Card>
        ) : (
          <Notice>Your role ({ROLE_LABELS[team.role]}) cannot link or unlink accounts. Ask an admin or owner.</Notice>
        )}
        <Card title="Linked shops">
          <AccountList team={team.slug} accounts={accounts} platformNames={platformNames} canLink={canLink} />
        </Card>
      </div>
    </>
  );
}
