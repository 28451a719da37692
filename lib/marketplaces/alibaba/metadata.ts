// Alibaba.com (ICBU)'s limits as the portal honours them (shared docs/marketplaces.md §1).
import type { PlatformMetadata } from "../types";

/** `alibaba.icbu.product.list`: "每页最多30个", at most 30 products a page, newest change first. */
export const MAX_PRODUCTS_PER_PAGE = 30;

/**
 * `/icbu/product/update/display` publishes no maximum; 20 products a call is the portal's choice [INFER], and what
 * the sandbox accepts.
 */
export const MAX_PRODUCTS_PER_DISPLAY_CHANGE = 20;

export const metadata: PlatformMetadata = {
  id: "alibaba",
  name: "Alibaba.com",
  description: "Link an Alibaba.com supplier account to browse its products and put them on or off display in bulk.",
  capabilities: {
    // The list filters by title, plain id, category and modification time, not by status, and has one order.
    products: {
      maxPageSize: MAX_PRODUCTS_PER_PAGE,
      sorts: ["modified_desc"],
      statusFilter: false,
      categoryFilter: true,
      modifiedFilter: true,
      searchById: true,
      listFields: ["image", "category", "modified"],
    },
    productDetail: { skus: true, quality: true },
    categories: true,
    attributeSchema: true,
    displayStatus: { targets: ["online", "offline"], maxBatchSize: MAX_PRODUCTS_PER_DISPLAY_CHANGE, asynchronous: false },
    // ICBU publishes no rate limits [INFER]: the sandbox emulates 100 calls a second per app and 50 per supplier, and
    // the portal plans on four fifths of those. Should the real gateway be stricter, its ApiCallLimit is waited out.
    rateLimit: { perApp: 80, perAccount: 40 },
  },
  pkce: false,
  rotatesRefreshTokens: true,
};
