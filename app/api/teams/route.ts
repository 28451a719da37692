import { created, route } from "@/lib/auth/route";
import { createTeam, createTeamInput, listTeams } from "@/lib/teams";

export const GET = route({ access: "user" }, async ({ user }) => ({ teams: await listTeams(user.id) }));

export const POST = route({ access: "user", body: createTeamInput }, async ({ user, body, req }) =>
  created({ team: await createTeam(user.id, body, req.headers) }),
);
