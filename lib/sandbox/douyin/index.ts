// Douyin shop (抖店, Doudian) in the sandbox: the service-market consent page, the signed gateway (token,
// product, category and quality calls) and the alliance's client token. profile.ts holds the platform's
// facts, errors.ts its envelope, session.ts the gateway's checks, and one file per group of calls.
import type { SandboxPlatform } from "../platform";
import { allianceRoutes } from "./alliance";
import { categoryRoutes } from "./categories";
import { answers } from "./errors";
import { oauthRoutes } from "./oauth";
import { productRoutes } from "./products";
import { CATALOG, RATE_LIMITS, SELLERS, TOKENS } from "./profile";
import { qualityRoutes } from "./quality";
import { statusRoutes } from "./status";

export const douyin: SandboxPlatform = {
  id: "douyin",
  name: "Douyin shop",
  sellers: SELLERS,
  catalog: CATALOG,
  tokens: TOKENS,
  rateLimits: RATE_LIMITS,
  answers,
  routes: (context) => [
    ...oauthRoutes(context),
    ...productRoutes(context),
    ...statusRoutes(context),
    ...categoryRoutes(context),
    ...qualityRoutes(context),
    ...allianceRoutes(context),
  ],
};
