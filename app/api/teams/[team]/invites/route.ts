import { created, route } from "@/lib/auth/route";
import { createInvite, createInviteInput, listInvites } from "@/lib/invites";

export const GET = route({ access: "members.manage" }, async ({ team }) => ({ invites: await listInvites(team.id) }));

export const POST = route({ access: "members.manage", body: createInviteInput }, async ({ user, team, body, req }) =>
  created(await createInvite({ userId: user.id, team, headers: req.headers }, body)),
);
