// Allegro's facts as the sandbox uses them (shared docs/marketplaces.md §5): demo sellers, id style and
// statuses, token lifetimes, rate limits and OAuth scopes.
import type { CatalogProfile } from "../catalog";
import type { DemoSeller } from "../shops";
import type { RateLimit } from "../throttle";
import type { TokenPolicy } from "../tokens";

export const MEDIA_TYPE = "application/vnd.allegro.public.v1+json";

export const SELLERS: readonly DemoSeller[] = [
  { id: "46968690", login: "kuchnia-kasi", shopName: "Kuchnia Kasi", owner: { firstName: "Katarzyna", lastName: "Nowak" }, email: "kasia.nowak@example.com", catalogSeed: 1 },
  { id: "51234871", login: "sportowy-zakatek", shopName: "Sportowy Zakątek", owner: { firstName: "Piotr", lastName: "Wiśniewski" }, email: "piotr.w@example.com", catalogSeed: 2 },
  { id: "60517733", login: "elektro-hurt", shopName: "Elektro Hurt", owner: { firstName: "Anna", lastName: "Kowalska" }, email: "anna.kowalska@example.com", catalogSeed: 3 },
];

export const CATALOG: CatalogProfile = {
  productIdDigits: 11,
  categoryIdDigits: 6,
  attributeIdDigits: 6,
  currency: "PLN",
  // ACTIVATING is never generated: it only shows while a publication command is under way.
  statuses: [
    { status: "ACTIVE", weight: 68 },
    { status: "INACTIVE", weight: 17 },
    { status: "ENDED", weight: 15 },
  ],
};

export const TOKENS: TokenPolicy = {
  codeTtlSeconds: 10 * 60,
  accessTtlSeconds: 12 * 60 * 60,
  // Three months, renewed by every refresh.
  refreshTtlSeconds: 90 * 24 * 60 * 60,
  rotatesRefreshTokens: true,
  reuseGraceSeconds: 60,
  refreshRenewsLifetime: true,
};

export const RATE_LIMITS: { app: RateLimit; account: RateLimit; publication: RateLimit } = {
  // 9 000 requests a minute per client id, shared by every user of the app.
  app: { requests: 9000, perSeconds: 60 },
  // Allegro publishes no general per-user figure; 2 490 a minute was observed on one resource.
  account: { requests: 2490, perSeconds: 60 },
  // "This resource is rate limited to 10 requests per second" (offer-publication-commands).
  publication: { requests: 10, perSeconds: 1 },
};

export const SCOPES = {
  profileRead: "allegro:api:profile:read",
  offersRead: "allegro:api:sale:offers:read",
  offersWrite: "allegro:api:sale:offers:write",
} as const;

export const ALL_SCOPES: readonly string[] = Object.values(SCOPES);
