import type { Metadata } from "next";
import Link from "next/link";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { pageCaller } from "@/lib/auth/page";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { listTeams } from "@/lib/teams";

export const metadata: Metadata = { title: "Your teams" };

export default async function TeamsPage() {
  const { user } = await pageCaller("user", undefined, "/teams");
  const teams = await listTeams(user.id);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <PageHeader title="Your teams" description="A team links marketplace shops and works on them together." />
      <div className="space-y-6">
        <Card title="Teams">
          {teams.length ? (
            <ul className="divide-y divide-slate-100" data-testid="team-list">
              {teams.map((team) => (
                <li key={team.id} className="flex items-center justify-between py-3">
                  <Link href={`/t/${team.slug}`} className="font-medium text-brand-600 hover:underline">
                    {team.name}
                  </Link>
                  <Badge>{ROLE_LABELS[team.role]}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">You are not in a team yet. Create one, or open an invite link a teammate sent you.</p>
          )}
        </Card>
        <Card title="Create a team" description="You will be its owner and can invite others.">
          <CreateTeamForm />
        </Card>
      </div>
    </main>
  );
}
