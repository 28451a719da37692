// Doudian's facts as the sandbox uses them (shared docs/marketplaces.md §4): demo shops, id style and the
// status pairs a product carries, token lifetimes and rate limits.
import type { CatalogProfile } from "../catalog";
import type { DemoSeller } from "../shops";
import type { RateLimit } from "../throttle";
import type { TokenPolicy } from "../tokens";

export const SELLERS: readonly DemoSeller[] = [
  { id: "4463798", login: "bailu-home", shopName: "白鹭家居旗舰店", owner: { firstName: "Lu", lastName: "Bai" }, email: "bailu.home@example.com", catalogSeed: 1 },
  { id: "10287455", login: "qingshan-outdoor", shopName: "青山户外专营店", owner: { firstName: "Shan", lastName: "Qing" }, email: "qingshan@example.com", catalogSeed: 2 },
  { id: "7351206", login: "xiaoman-digital", shopName: "小满数码", owner: { firstName: "Man", lastName: "Xiao" }, email: "xiaoman@example.com", catalogSeed: 3 },
];

/**
 * A product's state is two numbers: `status` (0 online, 1 offline, 2 deleted) and `check_status` (1 not
 * submitted, 2 under review, 3 approved, 4 rejected, 5 banned, 7 approved and waiting to be listed). The
 * catalog keeps them as one native status string, `"<status>:<check_status>"`.
 */
export type NativeState = { status: number; checkStatus: number };

export const nativeStatus = (state: NativeState) => `${state.status}:${state.checkStatus}`;

export function parseNativeStatus(native: string): NativeState {
  const [status = "1", checkStatus = "1"] = native.split(":");
  return { status: Number(status), checkStatus: Number(checkStatus) };
}

export const CATALOG: CatalogProfile = {
  // 19-digit product ids, beyond what a JS number holds; category ids of five digits, property ids of four.
  productIdDigits: 19,
  categoryIdDigits: 5,
  attributeIdDigits: 4,
  currency: "CNY",
  statuses: [
    { status: "0:3", weight: 62 },
    { status: "1:3", weight: 14 },
    { status: "1:7", weight: 3 },
    { status: "1:2", weight: 4 },
    { status: "1:4", weight: 4 },
    { status: "1:5", weight: 3 },
    { status: "1:1", weight: 4 },
    { status: "2:3", weight: 6 },
  ],
};

export const TOKENS: TokenPolicy = {
  // "code的有效期为10分钟" (token.create's code-expired sub_msg).
  codeTtlSeconds: 10 * 60,
  accessTtlSeconds: 7 * 24 * 60 * 60,
  refreshTtlSeconds: 14 * 24 * 60 * 60,
  // A refresh hands out a new pair; the spent refresh token is refused at once (no grace is documented).
  rotatesRefreshTokens: true,
  reuseGraceSeconds: 0,
  refreshRenewsLifetime: true,
};

// Doudian publishes no figures (shared docs §4.7); these are in the range its per-API QPS quotas are set in.
export const RATE_LIMITS: { app: RateLimit; account: RateLimit } = {
  app: { requests: 100, perSeconds: 1 },
  account: { requests: 50, perSeconds: 1 },
};
