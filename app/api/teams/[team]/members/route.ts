import { route } from "@/lib/auth/route";
import { listMembers } from "@/lib/members";

export const GET = route({ access: "members.read" }, async ({ team }) => ({ members: await listMembers(team.id) }));
