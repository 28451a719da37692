// `aliexpress.solution.seller.category.tree.query` (category_id, 0 for the roots): the children of one category, each
// with its id, level, leaf flag and its names as a JSON string of locale → name, as the API answers them.
import { z } from "zod";
import type { Category } from "../catalog";
import { answer } from "../iop/envelope";
import type { IopApi } from "../iop/gateway";
import { invalidParameter } from "../iop/values";
import { businessRefusal } from "./errors";

const querySchema = z.object({
  category_id: z.string().regex(/^\d+$/, "must be 0 or a category id"),
  filter_no_permission: z.enum(["true", "false"]).optional(),
});

const categoryInfo = (category: Category) => ({
  children_category_id: Number(category.id),
  is_leaf_category: category.leaf,
  level: category.level,
  multi_language_names: JSON.stringify({ en: category.name.en, zh: category.name.zh }),
});

export const categoryTree: IopApi = (call) => {
  const query = querySchema.safeParse(call.params);
  if (!query.success) return invalidParameter(query.error);
  const { catalog } = call;
  const id = query.data.category_id;
  const parent = Number(id) === 0 ? null : catalog.categories.get(id);
  if (parent === undefined) return businessRefusal("isv.category-not-exist", `The category ${id} does not exist`);
  const children = parent ? parent.childIds.map((childId) => catalog.categories.get(childId)!) : catalog.roots;
  return answer({ children_category_list: { category_info: children.map(categoryInfo) }, is_success: true });
};
