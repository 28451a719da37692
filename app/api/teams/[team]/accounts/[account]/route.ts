import { z } from "zod";
import { route } from "@/lib/auth/route";
import { unlinkAccount } from "@/lib/marketplaces/accounts";

const params = z.object({ team: z.string(), account: z.string().min(1).max(40) });

/** Unlink: deletes the tokens, and revokes them where the platform can. */
export const DELETE = route({ access: "accounts.link", params }, async ({ user, team, params, req }) =>
  unlinkAccount({ userId: user.id, teamId: team.id, headers: req.headers }, params.account),
);
