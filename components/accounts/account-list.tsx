"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { callApi } from "@/lib/client/api";
import type { ListedAccount } from "@/lib/marketplaces/accounts";
import { HealthBadge } from "./health-badge";

export function AccountList({ team, accounts, platformNames, canLink }: { team: string; accounts: ListedAccount[]; platformNames: Record<string, string>; canLink: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<{ id: string; message: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function unlink(account: ListedAccount) {
    setBusy(account.id);
    setError(null);
    const result = await callApi<{ revoked: boolean | null }>(`/api/teams/${team}/accounts/${account.id}`, { method: "DELETE" });
    setBusy(null);
    if (!result.ok) return setError({ id: account.id, message: result.error.message });
    router.refresh();
  }

  if (!accounts.length) return <p className="text-sm text-slate-500">No shops linked yet.{canLink ? " Link one above." : ""}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="account-list">
      {accounts.map((account) => (
        <li key={account.id} className="flex flex-wrap items-start justify-between gap-4 py-4" data-testid={`account-${account.platform}`}>
          <div className="min-w-0 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/t/${team}/shops/${account.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline" data-testid="open-shop">
                {account.shopName}
              </Link>
              <Badge tone="gray">{platformNames[account.platform] ?? account.platform}</Badge>
              <HealthBadge health={account.health} />
            </div>
            <p className="text-xs text-slate-500">
              Seller id <span className="font-mono">{account.sellerId}</span> · linked by {account.linkedBy ?? "a former member"} on <DateTime iso={account.linkedAt} />
            </p>
            <p className="text-xs text-slate-500">
              Access token until <DateTime iso={account.accessTokenExpiresAt} /> · authorization until <DateTime iso={account.expiresAt} />
            </p>
            {account.health === "expiring" ? (
              <Notice tone="warning" testId="expiry-warning">
                This link stops working on <DateTime iso={account.expiresAt} />. Reconnect before then to keep jobs running.
              </Notice>
            ) : null}
            {account.health === "needs_relink" ? (
              <Notice tone="error" testId="relink-notice">
                The platform no longer accepts this link{account.lastError ? `: ${account.lastError}` : "."} Reconnect to continue.
              </Notice>
            ) : null}
            {error?.id === account.id ? <Notice tone="error">{error.message}</Notice> : null}
          </div>
          {canLink ? (
            <div className="flex shrink-0 gap-2">
              {account.health !== "active" ? (
                <a className={buttonClass("primary", "sm")} href={`/api/teams/${team}/accounts/link/${account.platform}`} data-testid="reconnect">
                  Reconnect
                </a>
              ) : null}
              <ConfirmButton
                label="Unlink"
                title={`Unlink ${account.shopName}?`}
                body="The portal deletes this shop's tokens (and revokes them where the platform allows). Jobs on it stop. You can link it again later."
                confirmLabel="Unlink"
                pending={busy === account.id}
                testId="unlink"
                onConfirm={() => unlink(account)}
              />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
