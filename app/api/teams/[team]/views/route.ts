import { created, route } from "@/lib/auth/route";
import { createView, createViewInput, listViews } from "@/lib/shops/saved-views";

export const GET = route({ access: "products.read" }, async ({ user, team }) => ({ views: await listViews({ userId: user.id, team }) }));

// Saving for the team is checked inside (views.team.write): any member may save views of their own.
export const POST = route({ access: "products.read", body: createViewInput }, async ({ user, team, body, req }) =>
  created({ view: await createView({ userId: user.id, team, headers: req.headers }, body) }),
);
