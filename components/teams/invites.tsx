"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DateTime } from "@/components/ui/date-time";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useSubmit } from "@/components/ui/use-submit";
import { callApi } from "@/lib/client/api";
import type { Role } from "@/lib/generated/prisma/enums";

export type InviteView = { id: string; role: Role; email: string | null; expiresAt: string; createdBy: string; status: "pending" | "accepted" | "expired" | "revoked" };

const STATUS_TONES: Record<InviteView["status"], BadgeTone> = { pending: "blue", accepted: "green", expired: "gray", revoked: "red" };

export function InviteForm({ team, roles }: { team: string; roles: Role[] }) {
  const router = useRouter();
  const { submit, pending, error } = useSubmit<{ url: string }>(`/api/teams/${team}/invites`);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submit(Object.fromEntries(new FormData(event.currentTarget)));
    if (!result) return;
    setLink(result.url);
    setCopied(false);
    router.refresh();
  }

  const fields = error?.fields ?? {};
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-[1fr_10rem_8rem_auto] sm:items-end" noValidate>
        <Field label="Email (optional)" name="email" error={fields.email}>
          <Input name="email" type="email" placeholder="Anyone with the link" error={fields.email} />
        </Field>
        <Field label="Role" name="role" error={fields.role}>
          <Select name="role" defaultValue={roles.includes("operator") ? "operator" : roles[0]} error={fields.role}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {role[0]!.toUpperCase() + role.slice(1)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Valid for (days)" name="expiresInDays" error={fields.expiresInDays}>
          <Input name="expiresInDays" type="number" min={1} max={30} defaultValue={7} error={fields.expiresInDays} />
        </Field>
        <Button type="submit" pending={pending} data-testid="create-invite">
          Create invite link
        </Button>
      </form>
      {error && !error.fields ? <Notice tone="error" testId="form-error">{error.message}</Notice> : null}
      {link ? (
        <Notice tone="success" title="Invite link created">
          <p>Send this link to the person you invite. It works once and is shown only now.</p>
          <div className="mt-2 flex gap-2">
            <input readOnly value={link} className="w-full rounded border-0 bg-white px-2 py-1 font-mono text-xs ring-1 ring-emerald-200" data-testid="invite-link" onFocus={(e) => e.target.select()} />
            <Button
              size="sm"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(link);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </Notice>
      ) : null}
    </div>
  );
}

export function InviteList({ team, invites }: { team: string; invites: InviteView[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  if (!invites.length) return <p className="text-sm text-slate-500">No invites yet.</p>;
  return (
    <div className="space-y-2">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <ul className="divide-y divide-slate-100 text-sm" data-testid="invite-list">
        {invites.map((invite) => (
          <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div>
              <span className="font-medium">{invite.email ?? "Anyone with the link"}</span>
              <span className="text-slate-500">
                {" "}
                · {invite.role} · by {invite.createdBy} · expires <DateTime iso={invite.expiresAt} format="date" />
              </span>
            </div>
            <div className="flex items-center gap-2">
              <Badge tone={STATUS_TONES[invite.status]}>{invite.status}</Badge>
              {invite.status === "pending" ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={async () => {
                    const result = await callApi(`/api/teams/${team}/invites/${invite.id}`, { method: "DELETE" });
                    if (!result.ok) return setError(result.error.message);
                    router.refresh();
                  }}
                >
                  Revoke
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
