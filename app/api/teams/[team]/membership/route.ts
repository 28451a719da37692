import { route } from "@/lib/auth/route";
import { leaveTeam } from "@/lib/members";

/** Leave the team: every member may, except its last owner. */
export const DELETE = route({ access: "team.read" }, async ({ user, team, req }) => {
  await leaveTeam({ userId: user.id, team, headers: req.headers });
  return { ok: true };
});
