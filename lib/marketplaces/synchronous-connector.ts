// The Connector of a platform whose status changes finish within the call (Alibaba.com, AliExpress, 1688), put
// together from the platform's parts. What the metadata declares is enforced here, before the platform is called: a
// sort the list does not come in, a status filter it cannot apply, a batch over its maximum. There is never a ticket.
import { MarketplaceError } from "./errors";
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
  getAttributeSchema(api: Api, categoryId: string): Promise<AttributeSchema>;
  /** Called with one to `maxBatchSize` ids. */
  changeStatus(api: Api, ids: readonly string[], target: StatusTarget): Promise<StatusChangeOutcome>;
};

const refused = (metadata: PlatformMetadata, code: string, message: string) => new MarketplaceError({ platform: metadata.id, kind: "request", code, message });

function checkQuery(metadata: PlatformMetadata, query: ProductQuery): void {
  const { sorts, statusFilter } = metadata.capabilities.products;
  if (query.sort && !sorts.includes(query.sort)) {
    throw refused(metadata, "unsupported_sort", sorts.length ? `the list comes in the order ${sorts.join(", ")} only, not "${query.sort}"` : `the list cannot be sorted ("${query.sort}")`);
  }
  if (query.status && !statusFilter) throw refused(metadata, "unsupported_filter", "the product list cannot be filtered by display status");
}

export function synchronousConnector<Api, Tree extends CategoryTree>(metadata: PlatformMetadata, parts: SynchronousParts<Api, Tree>): Connector {
  const { api, categories } = parts;
  const maxBatchSize = metadata.capabilities.displayStatus?.maxBatchSize ?? 0;
  return {
    listProducts: async (query) => {
      checkQuery(metadata, query);
      return parts.listProducts(api, query);
    },
    getProduct: (id) => parts.getProduct(api, categories, id),
    listCategories: (parentId) => categories.children(parentId),
    getCategory: (id) => categories.get(id),
    getAttributeSchema: (categoryId) => parts.getAttributeSchema(api, categoryId),
    changeStatus: async (ids, target) => {
      if (!ids.length) return { kind: "done", results: [] };
      if (ids.length > maxBatchSize) throw refused(metadata, "batch_too_large", `one call changes at most ${maxBatchSize} products, not ${ids.length}`);
      return parts.changeStatus(api, ids, target);
    },
    checkStatusChange: async () => {
      throw refused(metadata, "no_ticket", "status changes finish within the call; there is nothing to check");
    },
  };
}

/** Every id in order: refused where `failures` names it, done otherwise. */
export function itemResults(ids: readonly string[], failures: ReadonlyMap<string, { code: string; message: string }>): ItemResult[] {
  return ids.map((id) => {
    const failure = failures.get(id);
    return failure ? { id, ok: false, ...failure } : { id, ok: true };
  });
}
