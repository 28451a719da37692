import type { Metadata } from "next";
import Link from "next/link";
import { ShopsGlance } from "@/components/shops/shops-glance";
import { Card, PageHeader } from "@/components/ui/card";
import { pageCaller } from "@/lib/auth/page";
import { can, ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/permissions";
import { listMembers } from "@/lib/members";

export const metadata: Metadata = { title: "Overview" };

export default async function TeamOverview({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team } = await pageCaller("team.read", slug, `/t/${slug}`);
  const members = await listMembers(team.id);
  return (
    <>
      <PageHeader title={team.name} description="Team overview" />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Your role">
          <p className="text-sm">
            <strong>{ROLE_LABELS[team.role]}</strong>: {ROLE_DESCRIPTIONS[team.role]}
          </p>
        </Card>
        <Card title="Members">
          <p className="text-sm text-slate-600">
            {members.length} member{members.length === 1 ? "" : "s"}.{" "}
            <Link href={`/t/${team.slug}/members`} className="font-medium text-brand-600 hover:underline">
              {can(team.role, "members.manage") ? "Manage members and invites" : "See members"}
            </Link>
          </p>
        </Card>
      </div>
      <div className="mt-4">
        <ShopsGlance team={team} />
      </div>
    </>
  );
}
