import { TeamNav, TeamSwitcher } from "@/components/teams/team-nav";
import { Badge } from "@/components/ui/badge";
import { callerTeams, pageCaller } from "@/lib/auth/page";
import { ROLE_LABELS } from "@/lib/auth/permissions";

export default async function TeamLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team } = await pageCaller("team.read", slug, `/t/${slug}`);
  const teams = await callerTeams(user.id);
  const base = `/t/${team.slug}`;
  const items = [
    { href: base, label: "Overview" },
    { href: `${base}/accounts`, label: "Accounts" },
    { href: `${base}/jobs`, label: "Jobs" },
    { href: `${base}/members`, label: "Members" },
    { href: `${base}/audit`, label: "Audit log" },
  ];
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
      <aside className="space-y-4 md:w-56 md:shrink-0">
        <TeamSwitcher current={team.slug} teams={teams} />
        <p className="px-1 text-xs text-slate-500">
          Your role: <Badge tone="blue">{ROLE_LABELS[team.role]}</Badge>
        </p>
        <TeamNav items={items} />
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
