import { z } from "zod";
import { route } from "@/lib/auth/route";
import { CATEGORY_ID, leafSchema, schemaOrThrow } from "@/lib/shops/catalog-cache";
import { openShop } from "@/lib/shops/shop";

const params = z.object({ team: z.string(), account: z.string().min(1).max(40), category: z.string().regex(CATEGORY_ID, "is not a category id") });

/** Fetches a leaf category's attribute schema anew and keeps it; answers the schema, its fetch time and what changed. */
export const POST = route({ access: "products.read", params }, async ({ team, params }) => {
  const shop = await openShop(team, params.account);
  const { schema, fetchedAt, changes } = schemaOrThrow(shop, params.category, await leafSchema(shop, params.category, { refresh: true }));
  return { schema, fetchedAt, changes };
});
