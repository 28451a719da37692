// Doudian's limits as the portal honours them (shared docs/marketplaces.md §4).
import type { PlatformMetadata } from "../types";

/** `product/listV2`: `size` 1–100, `page` from 1 to 100, and `page × size` may not pass 10 000. */
export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE = 100;
const MAX_WINDOW = 10_000;

/** `product/setOnline` and `product/setOffline` take one `product_id`; no batch variant exists. */
const MAX_STATUS_BATCH = 1;

export const metadata: PlatformMetadata = {
  id: "douyin",
  name: "Douyin shop",
  description: "Link a Douyin shop (抖店) to browse its products with their review state and put them online or offline.",
  capabilities: {
    // listV2 has no sort parameter and no category filter; a 19-digit search is looked up as a product id.
    products: {
      maxPageSize: MAX_PAGE_SIZE,
      maxWindow: MAX_WINDOW,
      sorts: [],
      statusFilter: true,
      categoryFilter: false,
      modifiedFilter: true,
      searchById: true,
      listFields: ["image", "category", "price", "modified"],
    },
    productDetail: { skus: true, quality: true },
    categories: true,
    attributeSchema: true,
    displayStatus: { targets: ["online", "offline"], maxBatchSize: MAX_STATUS_BATCH, asynchronous: false },
    // Doudian publishes no figures [INFER]: the sandbox emulates 100 calls a second per app and 50 per shop, in the
    // range its per-API quotas are set in, and the portal plans on four fifths of those.
    rateLimit: { perApp: 80, perAccount: 40 },
  },
  pkce: false,
  rotatesRefreshTokens: true,
};
