import type { Metadata } from "next";
import { InviteForm, InviteList } from "@/components/teams/invites";
import { MembersTable } from "@/components/teams/members-table";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { teamPage } from "@/lib/auth/page";
import { assignableRoles, ROLE_LABELS } from "@/lib/auth/permissions";
import { listInvites } from "@/lib/invites";
import { listMembers } from "@/lib/members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team, allowed: canManage } = await teamPage(slug, "members.manage", `/t/${slug}/members`);
  const [members, invites] = await Promise.all([listMembers(team.id), canManage ? listInvites(team.id) : Promise.resolve([])]);
  const assignable = assignableRoles(team.role);
  return (
    <>
      <PageHeader title="Members" description="Who works in this team, and what each role may do." />
      <div className="space-y-6">
        {!canManage ? (
          <Notice testId="no-manage-notice">Your role ({ROLE_LABELS[team.role]}) cannot manage members or invites. Ask an admin or owner.</Notice>
        ) : null}
        <Card title={`${members.length} member${members.length === 1 ? "" : "s"}`}>
          <MembersTable
            team={team.slug}
            currentUserId={user.id}
            assignable={assignable}
            members={members.map((member) => ({ ...member, joinedAt: member.joinedAt.toISOString() }))}
          />
        </Card>
        {canManage ? (
          <Card title="Invite someone" description="Invite links are single-use and expire. Only owners can invite owners.">
            <div className="space-y-6">
              <InviteForm team={team.slug} roles={assignable} />
              <InviteList team={team.slug} invites={invites.map((invite) => ({ ...invite, expiresAt: invite.expiresAt.toISOString() }))} />
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
