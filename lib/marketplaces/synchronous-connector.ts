// The Connector of a platform whose status changes finish within the call (Alibaba.com, AliExpress, 1688, Doudian), put
// together from the platform's parts, inside the limits its metadata declares (declared-limits.ts). There is never
// a ticket.
import { refused, withDeclaredLimits } from "./declared-limits";
import type {
  AttributeSchema,
  CategoryNode,
  Connector,
  ItemResult,
  PlatformMetadata,
  ProductDetail,
  ProductPage,
  ProductQuery,
  StatusChangeOutcome,
  StatusTarget,
} from "./types";

export type CategoryTree = {
  children(parentId: string | null): Promise<CategoryNode[]>;
  get(id: string): Promise<CategoryNode>;
};

/** The platform's parts, each given the seller's API client (and the category tree where it needs one). */
export type SynchronousParts<Api, Tree extends CategoryTree> = {
  api: Api;
  categories: Tree;
  listProducts(api: Api, query: ProductQuery): Promise<ProductPage>;
  getProduct(api: Api, categories: Tree, id: string): Promise<ProductDetail>;
  /** Given the tree too, for a platform whose tree also holds each category's attributes (Doudian). */
  getAttributeSchema(api: Api, categoryId: string, categories: Tree): Promise<AttributeSchema>;
  /** Called with one to `maxBatchSize` ids. */
  changeStatus(api: Api, ids: readonly string[], target: StatusTarget): Promise<StatusChangeOutcome>;
};

export function synchronousConnector<Api, Tree extends CategoryTree>(metadata: PlatformMetadata, parts: SynchronousParts<Api, Tree>): Connector {
  const { api, categories } = parts;
  return withDeclaredLimits(metadata, {
    listProducts: (query) => parts.listProducts(api, query),
    getProduct: (id) => parts.getProduct(api, categories, id),
    listCategories: (parentId) => categories.children(parentId),
    getCategory: (id) => categories.get(id),
    getAttributeSchema: (categoryId) => parts.getAttributeSchema(api, categoryId, categories),
    changeStatus: (ids, target) => parts.changeStatus(api, ids, target),
    checkStatusChange: async () => {
      throw refused(metadata, "no_ticket", "status changes finish within the call; there is nothing to check");
    },
  });
}

/** Every id in order: refused where `failures` names it, done otherwise. */
export function itemResults(ids: readonly string[], failures: ReadonlyMap<string, { code: string; message: string }>): ItemResult[] {
  return ids.map((id) => {
    const failure = failures.get(id);
    return failure ? { id, ok: false, ...failure } : { id, ok: true };
  });
}
