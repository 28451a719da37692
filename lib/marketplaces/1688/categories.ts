// The category tree (alibaba.category.get: 0 for the first level, a category's id for its children). 1688 does not
// give a category's depth, so a category's path is found by walking up its single parent id until 0.
import { MarketplaceError } from "../errors";
import { onceEach } from "../memo";
import type { CategoryNode } from "../types";
import type { AopApi } from "./client";
import { categoryAnswerSchema, type CategoryInfo } from "./schemas";

/** The root of the tree in alibaba.category.get and in parentIDs. */
const ROOT_ID = "0";
// 1688's tree has three levels; a longer chain of parents can only be a loop in the answers.
const MAX_DEPTH = 8;

export type CategoryBrowser = {
  /** From the first level down to the category itself. */
  path(id: string): Promise<CategoryNode[]>;
  get(id: string): Promise<CategoryNode>;
  children(parentId: string | null): Promise<CategoryNode[]>;
};

const parentOf = (category: CategoryInfo) => category.parentIDs?.[0] ?? ROOT_ID;

/** Each category is asked once per connector. */
export function categoryBrowser(api: AopApi): CategoryBrowser {
  const category = onceEach(async (id): Promise<CategoryInfo> => {
    const answer = await api.call("alibaba.category.get", { categoryID: id }, categoryAnswerSchema, "the category", (found) =>
      (found.succes ?? found.success) !== false && found.categoryInfo?.length ? null : { code: found.errorCode || "category_not_found", message: found.errorMsg || `1688 has no category ${id}` },
    );
    return answer.categoryInfo![0]!;
  });

  async function path(id: string): Promise<CategoryNode[]> {
    const chain: CategoryInfo[] = [];
    for (let next = id; next !== ROOT_ID; next = parentOf(chain[0]!)) {
      if (chain.length === MAX_DEPTH) {
        throw new MarketplaceError({ platform: "1688", kind: "invalid_response", code: "category_loop", message: `the parents of category ${id} go round in a loop` });
      }
      chain.unshift(await category(next));
    }
    return chain.map((item, index) => ({ id: item.categoryID, name: item.name, parentId: index ? chain[index - 1]!.categoryID : null, leaf: item.isLeaf, level: index + 1 }));
  }

  return {
    path,
    get: async (id) => (await path(id)).at(-1)!,
    async children(parentId) {
      const [parentPath, parent] = await Promise.all([parentId ? path(parentId) : [], category(parentId ?? ROOT_ID)]);
      return (parent.childCategorys ?? []).map((child) => ({ id: child.id, name: child.name, parentId, leaf: child.isLeaf, level: parentPath.length + 1 }));
    },
  };
}
