// AliExpress as the sandbox plays it (shared docs/marketplaces.md §3): demo stores, id style and statuses, the test
// app's token lifetimes, rate limits and the APIs' limits. Figures marked [INFER] are the sandbox's own choice.
import type { CatalogProfile } from "../catalog";
import type { DemoSeller } from "../shops";
import type { RateLimit } from "../throttle";
import type { TokenPolicy } from "../tokens";

export const SELLERS: readonly DemoSeller[] = [
  { id: "2671514005", login: "brightway.home@example.com", shopName: "Brightway Home Store", owner: { firstName: "Lily", lastName: "Chen" }, email: "brightway.home@example.com", catalogSeed: 1 },
  { id: "2208813764", login: "voltlink.official@example.com", shopName: "Voltlink Official Store", owner: { firstName: "Kevin", lastName: "Zhang" }, email: "voltlink.official@example.com", catalogSeed: 2 },
  { id: "2713390521", login: "sunny.outdoor@example.com", shopName: "Sunny Outdoor Store", owner: { firstName: "Grace", lastName: "Wang" }, email: "sunny.outdoor@example.com", catalogSeed: 3 },
];

/**
 * `product_status_type` is onSelling, offline, auditing or editingRequired; an offline product also has its reason
 * (`ws_display`: user_offline, expire_offline, violate_offline, punish_offline, degrade_offline), stored as
 * `offline:<reason>`.
 */
export const CATALOG: CatalogProfile = {
  productIdDigits: 16,
  categoryIdDigits: 9,
  attributeIdDigits: 9,
  currency: "USD",
  statuses: [
    { status: "onSelling", weight: 62 },
    { status: "offline:user_offline", weight: 12 },
    { status: "offline:expire_offline", weight: 5 },
    { status: "offline:violate_offline", weight: 3 },
    { status: "auditing", weight: 8 },
    { status: "editingRequired", weight: 10 },
  ],
};

export const nativeState = (status: string) => {
  const [statusType = "", offlineReason] = status.split(":");
  return { statusType, offlineReason };
};

export const STATUS_TYPES = ["onSelling", "offline", "auditing", "editingRequired"] as const;
export const OFFLINE_REASONS = ["user_offline", "expire_offline", "violate_offline", "punish_offline", "degrade_offline"] as const;

/**
 * A launched app: access 30 days, refresh 60 (an app in test status gets 1 and 2 days, §3.1); a refresh hands out a
 * new pair but keeps the refresh token's end.
 */
export const TOKENS: TokenPolicy = {
  codeTtlSeconds: 30 * 60,
  accessTtlSeconds: 30 * 24 * 60 * 60,
  refreshTtlSeconds: 60 * 24 * 60 * 60,
  rotatesRefreshTokens: true,
  reuseGraceSeconds: 0,
  refreshRenewsLifetime: false,
};

// [INFER] No figures are published; 100 calls a second per app and 50 per store, throttling answers ApiCallLimit (§3.5).
export const RATE_LIMITS: { app: RateLimit; account: RateLimit } = {
  app: { requests: 100, perSeconds: 1 },
  account: { requests: 50, perSeconds: 1 },
};

/** `page_size`: "The input value must be less than 100, the default value of which is 20." */
export const MAX_PAGE_SIZE = 99;
export const DEFAULT_PAGE_SIZE = 20;

/** [INFER] No maximum is published for online/offline; the sandbox takes 50 product ids a call. */
export const MAX_PRODUCT_IDS = 50;
