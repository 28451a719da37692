import { z } from "zod";
import { route } from "@/lib/auth/route";
import { CATEGORY_ID, categoryChildren, searchCategories } from "@/lib/shops/catalog-cache";
import { openShop } from "@/lib/shops/shop";

const params = z.object({ team: z.string(), account: z.string().min(1).max(40) });

const query = z
  .object({
    parent: z.string().regex(CATEGORY_ID, "is not a category id").optional(),
    q: z.string().trim().min(1, "type part of a category's name").max(100).optional(),
  })
  .refine((input) => !(input.parent && input.q), { message: "Ask for a category's children or search, not both." });

/**
 * The shop's categories: the roots, the children of `parent`, or (with `q`) the categories whose name contains the
 * text with their paths. Levels come from the catalog cache, fetched from the platform when not cached yet.
 */
export const GET = route({ access: "products.read", params, query }, async ({ team, params, query }) => {
  const shop = await openShop(team, params.account);
  if (query.q !== undefined) return { query: query.q, ...(await searchCategories(shop, query.q)) };
  return categoryChildren(shop, query.parent ?? null);
});
