import { z } from "zod";
import { route } from "@/lib/auth/route";
import { openShop } from "@/lib/shops/shop";
import { statusCounts } from "@/lib/shops/status-counts";

const params = z.object({ team: z.string(), account: z.string().min(1).max(40) });

/** Counts the shop's products by status anew (the overviews' Refresh); a marketplace failure answers in the error shape. */
export const POST = route({ access: "products.read", params }, async ({ team, params }) => ({
  counts: await statusCounts(await openShop(team, params.account), { refresh: true }),
}));
