// Allegro's limits as the portal honours them (shared docs/marketplaces.md §5, allegro-openapi.yaml).
import type { PlatformMetadata } from "../types";

/** `GET /sale/offers`: `limit` 1–1000, and `offset + limit` may not pass 10 000 000. */
export const MAX_OFFERS_PER_PAGE = 1000;
const MAX_OFFER_WINDOW = 10_000_000;

/** A publication command carries at most 1000 offers (VALIDATION_ERROR "size must be between 0 and 1000"). */
const MAX_OFFERS_PER_COMMAND = 1000;

export const metadata: PlatformMetadata = {
  id: "allegro",
  name: "Allegro",
  description: "Link an Allegro seller account to browse its offers and activate or end them in bulk.",
  capabilities: {
    // Allegro sorts by price, sales and stock only, none of which the portal's sorts name: no sort is offered.
    products: {
      maxPageSize: MAX_OFFERS_PER_PAGE,
      maxWindow: MAX_OFFER_WINDOW,
      sorts: [],
      statusFilter: true,
      categoryFilter: true,
      modifiedFilter: false,
      searchById: true,
      listFields: ["image", "category", "price", "stock"],
    },
    // Variants are separate offers on Allegro, and the API has no quality score.
    productDetail: { skus: false, quality: false },
    categories: true,
    attributeSchema: true,
    displayStatus: { targets: ["online", "offline"], maxBatchSize: MAX_OFFERS_PER_COMMAND, asynchronous: true },
    // perApp: 9 000 requests a minute per client id (150/s), shared by every linked account of the app.
    // perAccount: Allegro publishes no general per-user figure. 10/s is the publication commands' own limit,
    // the call bulk changes are made of, and keeps one busy account to a fifteenth of the app's budget.
    rateLimit: { perApp: 150, perAccount: 10 },
  },
  pkce: true,
  rotatesRefreshTokens: true,
};
