import { z } from "zod";
import { route } from "@/lib/auth/route";
import { changeRole, removeMember, roleInput } from "@/lib/members";

const params = z.object({ team: z.string(), member: z.string().min(1).max(40) });

export const PATCH = route({ access: "members.manage", params, body: roleInput }, async ({ user, team, params, body, req }) => ({
  member: await changeRole({ userId: user.id, team, headers: req.headers }, params.member, body.role),
}));

export const DELETE = route({ access: "members.manage", params }, async ({ user, team, params, req }) => {
  await removeMember({ userId: user.id, team, headers: req.headers }, params.member);
  return { ok: true };
});
