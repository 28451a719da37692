import { z } from "zod";
import { route } from "@/lib/auth/route";
import { refreshCategories } from "@/lib/shops/catalog-cache";
import { openShop } from "@/lib/shops/shop";

const params = z.object({ team: z.string(), account: z.string().min(1).max(40) });

/** Fetches the shop's category tree anew (its roots now, deeper levels when next opened); answers the new roots. */
export const POST = route({ access: "products.read", params }, async ({ team, params }) => refreshCategories(await openShop(team, params.account)));
