// The contract between the sandbox core and one emulated platform. Each platform is a folder
// (lib/sandbox/<platform>/) whose index.ts exports a SandboxPlatform; platforms.ts lists them.
import type { CatalogProfile } from "./catalog";
import type { AppCredentials, SandboxPlatformId } from "./config";
import type { Reply, SandboxRequest } from "./http";
import type { Knobs } from "./knobs";
import type { Random } from "./random";
import type { Route } from "./router";
import type { DemoSeller, Shops } from "./shops";
import type { StateStore } from "./state";
import type { RateLimit } from "./throttle";
import type { TokenPolicy, TokenService } from "./tokens";

/** Answers the core gives on the platform's behalf, in the platform's own envelope. */
export type PlatformAnswers = {
  notFound(request: SandboxRequest): Reply;
  throttled(retryAfterSeconds: number): Reply;
  serverError(): Reply;
};

export type SandboxPlatform = {
  id: SandboxPlatformId;
  /** Shown on the consent page. */
  name: string;
  /** Two or three demo shops a person can pick on the consent page. */
  sellers: readonly DemoSeller[];
  catalog: CatalogProfile;
  tokens: TokenPolicy;
  /** Default limits by name; `app` (per app key) and `account` (per seller) are required, others are the platform's own. */
  rateLimits: { app: RateLimit; account: RateLimit } & Record<string, RateLimit>;
  answers: PlatformAnswers;
  /** The platform's real paths, below its `/<id>` prefix. */
  routes(context: PlatformContext): Route[];
};

/** What the core hands a platform's routes. */
export type PlatformContext = {
  id: SandboxPlatformId;
  app: AppCredentials;
  /** The portal's name as the consent page shows it. */
  appName: string;
  shops: Shops;
  tokens: TokenService;
  store: StateStore;
  knobs(): Knobs;
  /** Takes one request from the named limit for `subject`; the platform's throttling answer once it is spent. */
  throttle(limit: string, subject: string): Reply | null;
  /** A PRNG seeded from the sandbox seed, the platform and `parts`, for the platform's own deterministic draws. */
  random(...parts: (string | number)[]): Random;
};
