// AliExpress's limits as the portal honours them (shared docs/marketplaces.md §3).
import type { PlatformMetadata } from "../types";

/** `aliexpress.solution.product.list.get`: "The input value must be less than 100" for `page_size`. */
export const MAX_PRODUCTS_PER_PAGE = 99;

/**
 * `onlineaeproduct` / `offlineaeproduct` take `;`-separated ids and publish no maximum; 50 a call is the portal's
 * choice [INFER], and what the sandbox accepts.
 */
export const MAX_PRODUCTS_PER_STATUS_CHANGE = 50;

export const metadata: PlatformMetadata = {
  id: "aliexpress",
  name: "AliExpress",
  description: "Link an AliExpress store to browse its products and put them on or off sale in bulk.",
  capabilities: {
    // The list serves one operation status a call and has no order parameter: the portal joins the statuses one
    // after the other, so there is no order to offer. It filters by title, id and modification time, not by category.
    products: {
      maxPageSize: MAX_PRODUCTS_PER_PAGE,
      sorts: [],
      statusFilter: true,
      categoryFilter: false,
      modifiedFilter: true,
      searchById: true,
      listFields: ["image", "price", "modified"],
    },
    // No quality score is published for sellers' products (§3.3).
    productDetail: { skus: true, quality: false },
    categories: true,
    attributeSchema: true,
    displayStatus: { targets: ["online", "offline"], maxBatchSize: MAX_PRODUCTS_PER_STATUS_CHANGE, asynchronous: false },
    // AliExpress publishes no rate limits [INFER]: the sandbox emulates 100 calls a second per app and 50 per store, and
    // the portal plans on four fifths of those. Should the real gateway be stricter, its ApiCallLimit is waited out.
    rateLimit: { perApp: 80, perAccount: 40 },
  },
  pkce: false,
  // A refresh hands out a new pair and spends the old refresh token; the refresh token's end does not move (§3.1).
  rotatesRefreshTokens: true,
};
