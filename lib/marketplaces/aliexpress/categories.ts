// AliExpress's category tree through `aliexpress.solution.seller.category.tree.query` (category_id, 0 for the roots):
// the children of one category per call, each with its level, leaf flag and names, but no API answers a category by
// its id or names its parent. So a category met for the first time is found by walking down from the roots, and
// every children list is asked once per connector.
import { parseAnswer } from "../http";
import { requestRefused } from "../iop/listing";
import { onceEach } from "../memo";
import type { CategoryNode } from "../types";
import type { AeApi } from "./client";
import { categoryNamesSchema, categoryTreeSchema } from "./schemas";

const ROOT_ID = "0";
/** Children lists asked at once while walking the tree. */
const WALK_CONCURRENCY = 4;

export type CategoryBrowser = {
  get(id: string): Promise<CategoryNode>;
  children(parentId: string | null): Promise<CategoryNode[]>;
  /** From the top-level category down to the category itself. */
  path(id: string): Promise<CategoryNode[]>;
};

/** `{"en": "Home", "zh": "家居"}`; locales may also be written `en_US`, `zh_CN`. */
function names(json: string): { name: string; altName?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = null;
  }
  const byLanguage = parsed === null ? { en: json } : parseAnswer("aliexpress", categoryNamesSchema, parsed, "a category's names");
  const pick = (language: string) => Object.entries(byLanguage).find(([locale]) => locale === language || locale.startsWith(`${language}_`))?.[1];
  const name = pick("en") ?? Object.values(byLanguage)[0] ?? "";
  const altName = pick("zh");
  return { name, altName: altName && altName !== name ? altName : undefined };
}

export function categoryBrowser(api: AeApi): CategoryBrowser {
  const known = new Map<string, CategoryNode>();

  const childrenOf = onceEach(async (key) => {
    const answer = await api("aliexpress.solution.seller.category.tree.query", { category_id: key }, categoryTreeSchema, "the category tree");
    const parentId = key === ROOT_ID ? null : key;
    return answer.children_category_list.map((child) => {
      const node: CategoryNode = { id: child.children_category_id, ...names(child.multi_language_names), parentId, leaf: child.is_leaf_category, level: child.level };
      known.set(node.id, node);
      return node;
    });
  });
  const children = (parentId: string | null) => childrenOf(parentId ?? ROOT_ID);

  /** The category, walking the tree a level at a time from the roots until it turns up. */
  async function find(id: string): Promise<CategoryNode> {
    let frontier: (string | null)[] = [null];
    while (!known.has(id) && frontier.length) {
      const next: string[] = [];
      for (let at = 0; at < frontier.length && !known.has(id); at += WALK_CONCURRENCY) {
        const answers = await Promise.all(frontier.slice(at, at + WALK_CONCURRENCY).map(children));
        next.push(...answers.flat().filter((node) => !node.leaf).map((node) => node.id));
      }
      frontier = next;
    }
    const found = known.get(id);
    if (!found) throw requestRefused("aliexpress", "category_not_found", `the category ${id} is not in the store's category tree`);
    return found;
  }

  return {
    get: find,
    children,
    async path(id) {
      const path = [await find(id)];
      while (path[0]!.parentId) path.unshift(await find(path[0]!.parentId));
      return path;
    },
  };
}
