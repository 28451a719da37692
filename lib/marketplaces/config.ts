import { z } from "zod";
import { env } from "@/lib/env";
import type { AppConfig } from "./platform";
import { PLATFORM_IDS, type PlatformId } from "./types";

/**
 * Environment variable prefix per platform: `<PREFIX>_APP_KEY`, `_APP_SECRET`, `_AUTH_URL`, `_API_URL`.
 * 1688's is CN1688 because a variable name cannot begin with a digit.
 */
export const ENV_PREFIX: Record<PlatformId, string> = {
  alibaba: "ALIBABA",
  "1688": "CN1688",
  aliexpress: "ALIEXPRESS",
  douyin: "DOUYIN",
  allegro: "ALLEGRO",
};

/** The real platforms' hosts; `npm run dev` and the tests point these at the sandbox instead. */
export const REAL_HOSTS: Record<PlatformId, { authUrl: string; apiUrl: string }> = {
  alibaba: { authUrl: "https://openapi-auth.alibaba.com", apiUrl: "https://openapi-api.alibaba.com" },
  "1688": { authUrl: "https://auth.1688.com", apiUrl: "https://gw.open.1688.com" },
  aliexpress: { authUrl: "https://api-sg.aliexpress.com", apiUrl: "https://api-sg.aliexpress.com" },
  douyin: { authUrl: "https://fuwu.jinritemai.com", apiUrl: "https://openapi-fxg.jinritemai.com" },
  allegro: { authUrl: "https://allegro.pl", apiUrl: "https://api.allegro.pl" },
};

const url = z.url().transform((value) => value.replace(/\/+$/, ""));

/** The app's configuration on a platform, or null when its key and secret are not set (the platform is then off). */
export function appConfig(platform: PlatformId, source: NodeJS.ProcessEnv = process.env): AppConfig | null {
  const prefix = ENV_PREFIX[platform];
  const appKey = source[`${prefix}_APP_KEY`];
  const appSecret = source[`${prefix}_APP_SECRET`];
  if (!appKey || !appSecret) return null;
  const read = (name: "AUTH_URL" | "API_URL", fallback: string) => {
    const parsed = url.safeParse(source[`${prefix}_${name}`] || fallback);
    if (!parsed.success) throw new Error(`${prefix}_${name} must be an http(s) URL.`);
    return parsed.data;
  };
  return {
    platform,
    appKey,
    appSecret,
    authUrl: read("AUTH_URL", REAL_HOSTS[platform].authUrl),
    apiUrl: read("API_URL", REAL_HOSTS[platform].apiUrl),
    redirectUri: new URL(`/api/oauth/${platform}/callback`, env().APP_URL).toString(),
    serviceId: source[`${prefix}_SERVICE_ID`] || undefined,
  };
}

/**
 * Where product images may load from: any https host (the platforms' CDNs vary), plus the API hosts of platforms
 * served over plain http, which is the sandbox on this machine (it serves its own images).
 */
export function imageSources(source: NodeJS.ProcessEnv = process.env): string[] {
  const origins = PLATFORM_IDS.flatMap((id) => {
    const base = source[`${ENV_PREFIX[id]}_API_URL`];
    return base && URL.canParse(base) && new URL(base).protocol === "http:" ? [new URL(base).origin] : [];
  });
  return ["https:", ...new Set(origins)];
}
