// Allegro in the sandbox: the model for every platform folder. profile.ts holds the platform's facts,
// errors.ts its envelopes, session.ts what every API call must carry, and one file per group of endpoints.
import type { SandboxPlatform } from "../platform";
import { accountRoutes } from "./account";
import { categoryRoutes } from "./categories";
import { answers } from "./errors";
import { oauthRoutes } from "./oauth";
import { offerRoutes } from "./offers";
import { CATALOG, RATE_LIMITS, SELLERS, TOKENS } from "./profile";
import { publicationRoutes } from "./publication";

export const allegro: SandboxPlatform = {
  id: "allegro",
  name: "Allegro",
  sellers: SELLERS,
  catalog: CATALOG,
  tokens: TOKENS,
  rateLimits: RATE_LIMITS,
  answers,
  routes: (context) => [
    ...oauthRoutes(context),
    ...accountRoutes(context),
    ...offerRoutes(context),
    ...categoryRoutes(context),
    ...publicationRoutes(context),
  ],
};
