// 1688's limits as the portal honours them (shared docs/marketplaces.md §2).
import type { PlatformMetadata } from "../types";

/**
 * `alibaba.product.list.get`: "pageSize, currently at most 20; more is read as 20". The portal may ask for
 * larger pages: the connector stitches them from calls of 20.
 */
export const MAX_PRODUCTS_PER_PAGE = 20;

/**
 * Products per expire / repost / republish call. 1688 publishes no maximum for `productIds`; 20 keeps a call
 * to one status look-up page (list.get by `productIds`, at most 20 an answer) and one status call per route.
 */
export const MAX_PRODUCTS_PER_STATUS_CALL = 20;

export const metadata: PlatformMetadata = {
  id: "1688",
  name: "1688",
  description: "Link a 1688.com supplier account to browse its products and take them offline or back online in bulk.",
  capabilities: {
    // orderByCondition=MODIFY_DATE with orderByType ASC/DESC; 1688 cannot sort by title.
    products: {
      maxPageSize: MAX_PRODUCTS_PER_PAGE,
      sorts: ["modified_desc", "modified_asc"],
      statusFilter: true,
      categoryFilter: true,
      modifiedFilter: true,
      searchById: true,
      listFields: ["image", "category", "price", "stock", "modified"],
    },
    // SKUs come with alibaba.product.get, and so does the quality star level (qualityLevel, 0–5).
    productDetail: { skus: true, quality: true },
    categories: true,
    attributeSchema: true,
    displayStatus: { targets: ["online", "offline"], maxBatchSize: MAX_PRODUCTS_PER_STATUS_CALL, asynchronous: false },
    // 1688 publishes no quota; gw.QosAppFrequencyLimit was seen with 8 concurrent callers making 30 calls each
    // (docs §2.6). The sandbox emulates 25 calls a second per app and 10 per member [INFER], and the portal plans on
    // four fifths of those.
    rateLimit: { perApp: 20, perAccount: 8 },
  },
  pkce: false,
  // A refresh answers with a new access token only; the refresh token lives on until refresh_token_timeout.
  rotatesRefreshTokens: false,
};
