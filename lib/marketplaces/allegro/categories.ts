// The category tree: roots, children by `parent.id`, and a category's path found by walking up its parents,
// since Allegro answers with the parent's id but not the depth.
import { MarketplaceError } from "../errors";
import { onceEach } from "../memo";
import type { CategoryNode } from "../types";
import type { AllegroApi } from "./client";
import { categoriesSchema, categoryParametersSchema, categorySchema, type AllegroCategory, type CategoryParameter } from "./schemas";

// Allegro's tree is about seven levels deep; a longer chain of parents can only be a loop in the answers.
const MAX_DEPTH = 16;

export type CategoryBrowser = {
  /** From the root down to the category itself. */
  path(id: string): Promise<CategoryNode[]>;
  get(id: string): Promise<CategoryNode>;
  children(parentId: string | null): Promise<CategoryNode[]>;
  parameters(categoryId: string): Promise<CategoryParameter[]>;
};

const node = (category: AllegroCategory, level: number): CategoryNode => ({
  id: category.id,
  name: category.name,
  parentId: category.parent?.id ?? null,
  leaf: category.leaf,
  level,
});

/** Categories seldom change: each is asked once per connector, failures not kept. */
export function categoryBrowser(api: AllegroApi): CategoryBrowser {
  const category = onceEach((id) => api.get(`/sale/categories/${encodeURIComponent(id)}`, {}, categorySchema, "the category"));

  async function path(id: string): Promise<CategoryNode[]> {
    const chain: AllegroCategory[] = [];
    for (let next: string | undefined = id; next !== undefined; next = chain[0]!.parent?.id) {
      if (chain.length === MAX_DEPTH) {
        throw new MarketplaceError({ platform: "allegro", kind: "invalid_response", code: "category_loop", message: `the parents of category ${id} go round in a loop` });
      }
      chain.unshift(await category(next));
    }
    return chain.map((item, index) => node(item, index + 1));
  }

  return {
    path,
    get: async (id) => (await path(id)).at(-1)!,
    async children(parentId) {
      if (parentId === null) {
        const roots = await api.get("/sale/categories", {}, categoriesSchema, "the root categories");
        return roots.categories.map((item) => node(item, 1));
      }
      const [parentPath, answer] = await Promise.all([path(parentId), api.get("/sale/categories", { "parent.id": parentId }, categoriesSchema, "the subcategories")]);
      return answer.categories.map((item) => node(item, parentPath.length + 1));
    },
    parameters: async (categoryId) =>
      (await api.get(`/sale/categories/${encodeURIComponent(categoryId)}/parameters`, {}, categoryParametersSchema, "the category's parameters")).parameters,
  };
}
