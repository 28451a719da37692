import { route } from "@/lib/auth/route";
import { acceptInvite, acceptInviteInput } from "@/lib/invites";

export const POST = route({ access: "user", body: acceptInviteInput }, async ({ user, body, req }) => acceptInvite(user, body.token, req.headers));
