import { z } from "zod";
import { route } from "@/lib/auth/route";
import { deleteView, updateView, updateViewInput } from "@/lib/shops/saved-views";

const params = z.object({ team: z.string(), view: z.string().min(1).max(40) });

// Own views by their owner, team views by holders of views.team.write (checked inside); other views are "not found".
export const PATCH = route({ access: "products.read", params, body: updateViewInput }, async ({ user, team, params, body, req }) => ({
  view: await updateView({ userId: user.id, team, headers: req.headers }, params.view, body),
}));

export const DELETE = route({ access: "products.read", params }, async ({ user, team, params, req }) => {
  await deleteView({ userId: user.id, team, headers: req.headers }, params.view);
  return { ok: true };
});
