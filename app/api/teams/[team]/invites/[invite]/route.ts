import { z } from "zod";
import { route } from "@/lib/auth/route";
import { revokeInvite } from "@/lib/invites";

const params = z.object({ team: z.string(), invite: z.string().min(1).max(40) });

export const DELETE = route({ access: "members.manage", params }, async ({ user, team, params, req }) => {
  await revokeInvite({ userId: user.id, team, headers: req.headers }, params.invite);
  return { ok: true };
});
