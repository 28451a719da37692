// 1688's facts as the sandbox uses them (shared docs/marketplaces.md §2): demo suppliers, id style and
// statuses, token lifetimes and rate limits.
import type { CatalogProfile } from "../catalog";
import type { DemoSeller } from "../shops";
import type { RateLimit } from "../throttle";
import type { TokenPolicy } from "../tokens";

/** The only API namespace the sandbox serves, version 1. */
export const NAMESPACE = "com.alibaba.product";

/** Seller ids are 1688 memberIds, what the business APIs know a member by. */
export const SELLERS: readonly DemoSeller[] = [
  { id: "b2b-2207416548807a4d1", login: "yiwujiaju", shopName: "义乌佳居日用品厂", owner: { firstName: "Wei", lastName: "Chen" }, email: "chen.wei@example.com", catalogSeed: 1 },
  { id: "b2b-2219033145c8e60f2", login: "huaqiangdianzi", shopName: "深圳华强电子商行", owner: { firstName: "Na", lastName: "Li" }, email: "li.na@example.com", catalogSeed: 2 },
  { id: "b2b-38810275408b1c9d3", login: "suimeifushi", shopName: "广州穗美服饰", owner: { firstName: "Jun", lastName: "Wang" }, email: "wang.jun@example.com", catalogSeed: 3 },
];

/** The Alibaba-group-wide numeric id getToken reports beside the memberId. */
export const ALI_IDS: Readonly<Record<string, string>> = {
  "b2b-2207416548807a4d1": "2207416548807",
  "b2b-2219033145c8e60f2": "2219033145",
  "b2b-38810275408b1c9d3": "3881027540",
};

export const CATALOG: CatalogProfile = {
  // productID 584051070147, categoryID 1031728 in the SDK's examples.
  productIdDigits: 12,
  categoryIdDigits: 7,
  attributeIdDigits: 7,
  currency: "CNY",
  statuses: [
    { status: "published", weight: 62 },
    { status: "expired", weight: 16 },
    { status: "new", weight: 9 },
    { status: "modified", weight: 5 },
    { status: "TBD", weight: 3 },
    { status: "member expired", weight: 3 },
    { status: "deleted", weight: 2 },
  ],
};

export const TOKENS: TokenPolicy = {
  // "code 有效期 2 分钟", used once.
  codeTtlSeconds: 2 * 60,
  // 10 hours: expires_in 36000.
  accessTtlSeconds: 36_000,
  // "半年有效期": about half a year, reported as refresh_token_timeout.
  refreshTtlSeconds: 182 * 24 * 60 * 60,
  // A refresh gives an access token only; the refresh token keeps working until it times out.
  rotatesRefreshTokens: false,
  reuseGraceSeconds: 0,
  refreshRenewsLifetime: false,
};

export const RATE_LIMITS: { app: RateLimit; account: RateLimit; republish: RateLimit } = {
  // 1688 publishes no numbers (docs §2.6) [INFER]: cautious, as throttling was seen with a few callers at once.
  app: { requests: 1500, perSeconds: 60 },
  account: { requests: 600, perSeconds: 60 },
  // Not a request rate: products republished per member, "at most 400 a day" (alibaba.product.republish).
  republish: { requests: 400, perSeconds: 24 * 60 * 60 },
};
