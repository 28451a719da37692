// What a platform's metadata declares, enforced before the platform is called: a sort the list does not come in, a
// filter it cannot apply, a window deeper than it serves, a batch over its maximum. Connectors whose status changes
// finish within the call and those that hand back a ticket (Allegro) are both wrapped in it.
import { MarketplaceError } from "./errors";
import type { Connector, PlatformMetadata, ProductQuery } from "./types";

export const refused = (metadata: PlatformMetadata, code: string, message: string) => new MarketplaceError({ platform: metadata.id, kind: "request", code, message });

function checkQuery(metadata: PlatformMetadata, query: ProductQuery): void {
  const { sorts, statusFilter, categoryFilter, modifiedFilter, maxWindow } = metadata.capabilities.products;
  if (query.sort && !sorts.includes(query.sort)) {
    throw refused(metadata, "unsupported_sort", sorts.length ? `the list comes in the order ${sorts.join(", ")} only, not "${query.sort}"` : `the list cannot be sorted ("${query.sort}")`);
  }
  if (query.status && !statusFilter) throw refused(metadata, "unsupported_filter", "the product list cannot be filtered by display status");
  if (query.categoryId && !categoryFilter) throw refused(metadata, "unsupported_filter", "the product list cannot be filtered by category");
  if ((query.modifiedFrom || query.modifiedTo) && !modifiedFilter) throw refused(metadata, "unsupported_filter", "the product list cannot be filtered by modification date");
  if (maxWindow !== undefined && query.page * query.pageSize > maxWindow) {
    throw refused(metadata, "window_exceeded", `the list reaches only its first ${maxWindow} products (page × size at most ${maxWindow}); narrow the search instead`);
  }
}

/** `connector`, with its product list and its status changes asked only within what `metadata` declares. */
export function withDeclaredLimits(metadata: PlatformMetadata, connector: Connector): Connector {
  const maxBatchSize = metadata.capabilities.displayStatus?.maxBatchSize ?? 0;
  return {
    ...connector,
    listProducts: async (query) => {
      checkQuery(metadata, query);
      return connector.listProducts(query);
    },
    changeStatus: async (ids, target) => {
      if (!ids.length) return { kind: "done", results: [] };
      if (ids.length > maxBatchSize) throw refused(metadata, "batch_too_large", `one call changes at most ${maxBatchSize} ${maxBatchSize === 1 ? "product" : "products"}, not ${ids.length}`);
      return connector.changeStatus(ids, target);
    },
  };
}
