import { route } from "@/lib/auth/route";
import { listAccounts } from "@/lib/marketplaces/accounts";

export const GET = route({ access: "accounts.read" }, async ({ team }) => ({ accounts: await listAccounts(team.id) }));
