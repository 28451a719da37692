// Alibaba.com (ICBU) as the sandbox plays it (shared docs/marketplaces.md §1): demo suppliers, id style and
// statuses, token lifetimes, rate limits and the APIs' limits. ICBU publishes no token lifetimes and no rate limits:
// the figures marked [INFER] are the sandbox's choice, kept close to the sibling AliExpress gateway.
import type { CatalogProfile } from "../catalog";
import type { DemoSeller } from "../shops";
import type { RateLimit } from "../throttle";
import type { TokenPolicy } from "../tokens";

export const SELLERS: readonly DemoSeller[] = [
  { id: "220456718", login: "cn1519273846ysgw", shopName: "Ningbo Brightway Housewares Co., Ltd.", owner: { firstName: "Lily", lastName: "Chen" }, email: "lily.chen@example.com", catalogSeed: 1 },
  { id: "231907354", login: "cn1522983311tzvd", shopName: "Shenzhen Voltlink Electronics Co., Ltd.", owner: { firstName: "Kevin", lastName: "Zhang" }, email: "kevin.zhang@example.com", catalogSeed: 2 },
  { id: "245118093", login: "cn1530017642ktrp", shopName: "Yiwu Sunny Outdoor Products Co., Ltd.", owner: { firstName: "Grace", lastName: "Wang" }, email: "grace.wang@example.com", catalogSeed: 3 },
];

/**
 * A product's native state is two fields: `status` (approved; new or modified while in review; tbd when review
 * refused it; sketch for a draft) and `display` (Y on show, N off), stored together as `status:display`.
 */
export const CATALOG: CatalogProfile = {
  productIdDigits: 13,
  categoryIdDigits: 9,
  attributeIdDigits: 9,
  currency: "USD",
  statuses: [
    { status: "approved:Y", weight: 62 },
    { status: "approved:N", weight: 18 },
    { status: "new:N", weight: 4 },
    { status: "modified:N", weight: 4 },
    { status: "tbd:N", weight: 7 },
    { status: "sketch:N", weight: 5 },
  ],
};

export const nativeState = (status: string) => {
  const [state = "", display = "N"] = status.split(":");
  return { status: state, display };
};

export const TOKENS: TokenPolicy = {
  codeTtlSeconds: 30 * 60,
  // [INFER] a week of access and 30 days of refresh; a refresh hands out a new pair and spends the old refresh
  // token without extending its end, as the same IOP auth service does for AliExpress (§3.1).
  accessTtlSeconds: 7 * 24 * 60 * 60,
  refreshTtlSeconds: 30 * 24 * 60 * 60,
  rotatesRefreshTokens: true,
  reuseGraceSeconds: 0,
  refreshRenewsLifetime: false,
};

// [INFER] 100 calls a second per app and 50 per supplier (walking a category tree is a burst of one call per child);
// throttling answers ApiCallLimit (§1.6).
export const RATE_LIMITS: { app: RateLimit; account: RateLimit } = {
  app: { requests: 100, perSeconds: 1 },
  account: { requests: 50, perSeconds: 1 },
};

/** `alibaba.icbu.product.list`: "每页最多30个" (at most 30 a page). */
export const MAX_PAGE_SIZE = 30;
export const DEFAULT_PAGE_SIZE = 20;

/** [INFER] No maximum is published for the batch display change; the sandbox takes 20 products a call. */
export const MAX_DISPLAY_BATCH = 20;
