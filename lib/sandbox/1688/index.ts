// 1688 in the sandbox, on the shape of allegro/: profile.ts holds the platform's facts, errors.ts its gateway
// envelopes, gateway.ts what every signed param2 call must pass, and one file per group of APIs.
import type { SandboxPlatform } from "../platform";
import { categoryApis } from "./categories";
import { answers } from "./errors";
import { gatewayRoutes } from "./gateway";
import { oauthRoutes } from "./oauth";
import { productApis } from "./products";
import { CATALOG, RATE_LIMITS, SELLERS, TOKENS } from "./profile";
import { statusApis } from "./status";

export const cn1688: SandboxPlatform = {
  id: "1688",
  name: "1688",
  sellers: SELLERS,
  catalog: CATALOG,
  tokens: TOKENS,
  rateLimits: RATE_LIMITS,
  answers,
  routes: (context) => [...oauthRoutes(context), ...gatewayRoutes(context, { ...productApis(context), ...categoryApis, ...statusApis(context) })],
};
