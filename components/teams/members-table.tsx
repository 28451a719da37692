"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DateTime } from "@/components/ui/date-time";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { callApi } from "@/lib/client/api";
import type { Role } from "@/lib/generated/prisma/enums";

export type MemberView = { id: string; userId: string; name: string; email: string; role: Role; joinedAt: string };

const ROLE_NAMES: Record<Role, string> = { owner: "Owner", admin: "Admin", operator: "Operator", viewer: "Viewer" };

export function MembersTable({
  team,
  members,
  currentUserId,
  assignable,
}: {
  team: string;
  members: MemberView[];
  currentUserId: string;
  /** Roles the current user may give or take away; empty when they cannot manage members. */
  assignable: Role[];
}) {
  const router = useRouter();
  const [error, setError] = useState<{ memberId: string; message: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(memberId: string, path: string, method: string, body?: unknown, after?: () => void) {
    setBusy(memberId);
    setError(null);
    const result = await callApi(path, { method, body });
    setBusy(null);
    if (!result.ok) return setError({ memberId, message: result.error.message });
    after?.();
    router.refresh();
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="members-table">
        <thead className="text-xs text-slate-500 uppercase">
          <tr>
            <th className="py-2 pr-4 font-medium">Member</th>
            <th className="py-2 pr-4 font-medium">Role</th>
            <th className="py-2 pr-4 font-medium">Joined</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => {
            const self = member.userId === currentUserId;
            const manageable = !self && assignable.includes(member.role);
            return (
              <tr key={member.id} data-testid={`member-${member.email}`}>
                <td className="py-3 pr-4">
                  <div className="font-medium">
                    {member.name} {self ? <span className="text-slate-400">(you)</span> : null}
                  </div>
                  <div className="text-slate-500">{member.email}</div>
                  {error?.memberId === member.id ? (
                    <div className="mt-2">
                      <Notice tone="error" testId="member-error">{error.message}</Notice>
                    </div>
                  ) : null}
                </td>
                <td className="py-3 pr-4">
                  {manageable ? (
                    <select
                      aria-label={`Role of ${member.email}`}
                      data-testid="role-select"
                      className="rounded-md border-0 py-1 pl-2 text-sm ring-1 ring-slate-300"
                      value={member.role}
                      disabled={busy === member.id}
                      onChange={(event) => act(member.id, `/api/teams/${team}/members/${member.id}`, "PATCH", { role: event.target.value })}
                    >
                      {assignable.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_NAMES[role]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <Badge tone={member.role === "owner" ? "blue" : "gray"}>{ROLE_NAMES[member.role]}</Badge>
                  )}
                </td>
                <td className="py-3 pr-4 text-slate-500"><DateTime iso={member.joinedAt} format="date" /></td>
                <td className="py-3 text-right">
                  {self ? (
                    <ConfirmButton
                      label="Leave team"
                      title="Leave this team?"
                      body="You lose access to its shops and jobs until someone invites you again."
                      confirmLabel="Leave"
                      pending={busy === member.id}
                      testId="leave-team"
                      onConfirm={() => act(member.id, `/api/teams/${team}/membership`, "DELETE", undefined, () => router.push("/teams"))}
                    />
                  ) : manageable ? (
                    <ConfirmButton
                      label="Remove"
                      title={`Remove ${member.name}?`}
                      body={`${member.email} loses access to this team at once.`}
                      confirmLabel="Remove"
                      pending={busy === member.id}
                      testId="remove-member"
                      onConfirm={() => act(member.id, `/api/teams/${team}/members/${member.id}`, "DELETE")}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
