// ICBU categories, `/icbu/product/category/get` (TOP alibaba.icbu.category.get.new): one category per call with the
// ids of its children, so a client walks the tree by `child_ids`; `cat_id=0` is the invisible root above the roots.
import { z } from "zod";
import type { Category } from "../catalog";
import { answer, refuse } from "../iop/envelope";
import type { IopApi } from "../iop/gateway";
import { invalidParameter } from "../iop/values";

const querySchema = z.object({ cat_id: z.string().regex(/^\d+$/, "must be 0 or a category id") });

function categoryAnswer(category: Category) {
  return {
    category_id: Number(category.id),
    name: category.name.en,
    cn_name: category.name.zh,
    level: category.level,
    leaf_category: category.leaf,
    child_ids: category.childIds.map(Number),
    parent_ids: category.ancestorIds.map(Number),
  };
}

export const getCategory: IopApi = (call) => {
  const query = querySchema.safeParse(call.params);
  if (!query.success) return invalidParameter(query.error);
  const id = query.data.cat_id;
  if (Number(id) === 0) {
    const roots = call.catalog.roots.map((root) => Number(root.id));
    return answer({ result: { category: { category_id: 0, name: "", cn_name: "", level: 0, leaf_category: false, child_ids: roots, parent_ids: [] } } });
  }
  const category = call.catalog.categories.get(id);
  return category ? answer({ result: { category: categoryAnswer(category) } }) : refuse("CATEGORY_NOT_EXIST", `The category ${id} does not exist`);
};
