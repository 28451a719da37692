// The sandbox's settings: defaults, and how the environment overrides them. The portal's dev script imports
// the defaults from here so that the portal and the sandbox agree on app keys and secrets without a .env file.
import { z } from "zod";
import type { SandboxOptions } from "./server";

export const SANDBOX_PLATFORM_IDS = ["alibaba", "1688", "aliexpress", "douyin", "allegro"] as const;
export type SandboxPlatformId = (typeof SANDBOX_PLATFORM_IDS)[number];

export type AppCredentials = { appKey: string; appSecret: string };

export const SANDBOX_DEFAULTS = {
  port: 4010,
  /** Loopback only: the sandbox hands out tokens to anyone who asks. */
  host: "127.0.0.1",
  dataDir: ".data/sandbox",
  latencyMs: 0,
  tokenTtlScale: 1,
  seed: 1,
  productsPerShop: 2500,
  appName: "Stallkeeper",
} as const;

/** The sandbox's base URL with the defaults; each platform lives under `/<platform id>` below it. */
export const SANDBOX_DEFAULT_URL = `http://${SANDBOX_DEFAULTS.host}:${SANDBOX_DEFAULTS.port}`;

/** Where a platform's real paths start inside the sandbox, e.g. `http://127.0.0.1:4010/allegro`. */
export function platformBaseUrl(sandboxUrl: string, platform: SandboxPlatformId): string {
  return `${sandboxUrl.replace(/\/+$/, "")}/${platform}`;
}

/** Demo app credentials, shaped like each platform's own (numeric IOP keys, a 19-digit Doudian key, ...). */
export const DEFAULT_APPS: Record<SandboxPlatformId, AppCredentials> = {
  alibaba: { appKey: "501234", appSecret: "sandbox-alibaba-secret-0f3c9a" },
  "1688": { appKey: "1000001", appSecret: "sandbox-1688-secret-7b2d41" },
  aliexpress: { appKey: "502468", appSecret: "sandbox-aliexpress-secret-c81e55" },
  douyin: { appKey: "7152331588175513101", appSecret: "sandbox-douyin-secret-5e9a02" },
  allegro: { appKey: "stallkeeper-sandbox-allegro", appSecret: "sandbox-allegro-secret-a4d7c3" },
};

/** `SANDBOX_<NAME>_APP_KEY` / `_APP_SECRET` per platform. */
export const APP_ENV_NAMES: Record<SandboxPlatformId, string> = {
  alibaba: "ALIBABA",
  "1688": "1688",
  aliexpress: "ALIEXPRESS",
  douyin: "DOUYIN",
  allegro: "ALLEGRO",
};

export type SandboxEnvConfig = {
  port: number;
  host: string;
  dataDir: string;
  latencyMs: number;
  tokenTtlScale: number;
  seed: number;
  productsPerShop: number;
  apps: Record<SandboxPlatformId, AppCredentials>;
};

// An empty variable counts as unset, as in a .env file with `SANDBOX_PORT=`.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
const number = (min: number, max: number) => z.coerce.number().min(min).max(max);

const envSchema = z.object({
  SANDBOX_PORT: optional(number(0, 65535).int()),
  SANDBOX_HOST: optional(z.string().min(1)),
  SANDBOX_DATA_DIR: optional(z.string().min(1)),
  SANDBOX_LATENCY_MS: optional(number(0, 60_000)),
  SANDBOX_TOKEN_TTL_SCALE: optional(z.coerce.number().positive().max(1000)),
  SANDBOX_SEED: optional(z.coerce.number().int()),
  SANDBOX_PRODUCTS_PER_SHOP: optional(number(1, 200_000).int()),
});

/** Reads the sandbox's environment; a bad value stops the start with the variable's name. */
export function configFromEnv(source: Record<string, string | undefined> = process.env): SandboxEnvConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message.toLowerCase()}`);
    throw new Error(`Invalid sandbox settings: ${problems.join("; ")}`);
  }
  const env = parsed.data;
  const apps = Object.fromEntries(
    SANDBOX_PLATFORM_IDS.map((id) => {
      const name = APP_ENV_NAMES[id];
      return [id, { appKey: source[`SANDBOX_${name}_APP_KEY`] || DEFAULT_APPS[id].appKey, appSecret: source[`SANDBOX_${name}_APP_SECRET`] || DEFAULT_APPS[id].appSecret }];
    }),
  ) as Record<SandboxPlatformId, AppCredentials>;
  return {
    port: env.SANDBOX_PORT ?? SANDBOX_DEFAULTS.port,
    host: env.SANDBOX_HOST ?? SANDBOX_DEFAULTS.host,
    dataDir: env.SANDBOX_DATA_DIR ?? SANDBOX_DEFAULTS.dataDir,
    latencyMs: env.SANDBOX_LATENCY_MS ?? SANDBOX_DEFAULTS.latencyMs,
    tokenTtlScale: env.SANDBOX_TOKEN_TTL_SCALE ?? SANDBOX_DEFAULTS.tokenTtlScale,
    seed: env.SANDBOX_SEED ?? SANDBOX_DEFAULTS.seed,
    productsPerShop: env.SANDBOX_PRODUCTS_PER_SHOP ?? SANDBOX_DEFAULTS.productsPerShop,
    apps,
  };
}

/** How `npm run sandbox` (and the dev seed, which links the demo shops through it) starts the sandbox. */
export function optionsFromConfig(config: SandboxEnvConfig): SandboxOptions {
  return {
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    seed: config.seed,
    productsPerShop: config.productsPerShop,
    apps: config.apps,
    knobs: { latencyMs: config.latencyMs, tokenTtlScale: config.tokenTtlScale },
  };
}
