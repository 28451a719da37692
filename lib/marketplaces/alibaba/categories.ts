// ICBU's category tree through `/icbu/product/category/get`: one category per call with its `child_ids` and
// `parent_ids`, so children are fetched one by one and a path from the ancestors' ids. `cat_id=0` is the root above
// the top-level categories. Each category is asked once per connector.
import { onceEach } from "../memo";
import type { CategoryNode } from "../types";
import type { IcbuApi } from "./client";
import { categoryAnswerSchema, type IcbuCategory } from "./schemas";

const ROOT_ID = "0";

export type CategoryBrowser = {
  get(id: string): Promise<CategoryNode>;
  children(parentId: string | null): Promise<CategoryNode[]>;
  /** From the top-level category down to the category itself. */
  path(id: string): Promise<CategoryNode[]>;
};

/** The category's ancestors from the top down, without the root above the top level. */
const ancestorIds = (category: IcbuCategory) => (category.parent_ids ?? []).filter((parentId) => parentId !== ROOT_ID);

const node = (category: IcbuCategory): CategoryNode => ({
  id: category.category_id,
  name: category.name,
  altName: category.cn_name || undefined,
  parentId: ancestorIds(category).at(-1) ?? null,
  leaf: category.leaf_category,
  level: category.level,
});

export function categoryBrowser(api: IcbuApi): CategoryBrowser {
  const category = onceEach(async (id) => (await api("/icbu/product/category/get", { cat_id: id }, categoryAnswerSchema, "the category")).result.category);

  return {
    get: async (id) => node(await category(id)),
    async children(parentId) {
      const parent = await category(parentId ?? ROOT_ID);
      return Promise.all((parent.child_ids ?? []).map(async (childId) => node(await category(childId))));
    },
    async path(id) {
      const leaf = await category(id);
      const ancestors = await Promise.all(ancestorIds(leaf).map(category));
      return [...ancestors, leaf].map(node);
    },
  };
}
