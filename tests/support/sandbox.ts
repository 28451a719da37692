// Drives the sandbox marketplaces over HTTP for tests: start one, build an app config for it, walk a consent page.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import type { AppConfig, PlatformAdapter } from "@/lib/marketplaces/platform";
import { pkceChallenge } from "@/lib/marketplaces/signing";
import type { PlatformId } from "@/lib/marketplaces/types";
import { DEFAULT_APPS, platformBaseUrl } from "@/lib/sandbox/config";
import type { KnobsPatch } from "@/lib/sandbox/knobs";
import { startSandbox } from "@/lib/sandbox/server";

export function startTestSandbox(knobs: KnobsPatch = {}) {
  return startSandbox({ dataDir: mkdtempSync(path.join(tmpdir(), "sk-sandbox-")), port: 0, productsPerShop: 300, knobs });
}

export function sandboxApp(sandboxUrl: string, id: PlatformId, appSecret = DEFAULT_APPS[id].appSecret): AppConfig {
  const base = platformBaseUrl(sandboxUrl, id);
  return { platform: id, appKey: DEFAULT_APPS[id].appKey, appSecret, authUrl: base, apiUrl: base, redirectUri: `http://localhost:3000/api/oauth/${id}/callback` };
}

/** The environment that makes lib/marketplaces/config.ts point a platform at this sandbox. */
export function sandboxEnv(sandboxUrl: string, id: PlatformId, prefix: string): Record<string, string> {
  const base = platformBaseUrl(sandboxUrl, id);
  return { [`${prefix}_APP_KEY`]: DEFAULT_APPS[id].appKey, [`${prefix}_APP_SECRET`]: DEFAULT_APPS[id].appSecret, [`${prefix}_AUTH_URL`]: base, [`${prefix}_API_URL`]: base };
}

export async function setKnobs(sandboxUrl: string, patch: KnobsPatch) {
  const answer = await fetch(`${sandboxUrl}/_sandbox/config`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) });
  expect(answer.status).toBe(200);
}

/** Walks the platform's consent page as a person would: open it, keep the first shop, press Authorize; then exchanges the code. */
export async function linkThroughConsent(adapter: PlatformAdapter, app: AppConfig) {
  const state = randomBytes(16).toString("base64url");
  const codeVerifier = adapter.metadata.pkce ? randomBytes(48).toString("base64url") : undefined;
  const authorizeUrl = adapter.oauth.authorizeUrl(app, { state, codeChallenge: codeVerifier ? pkceChallenge(codeVerifier) : undefined });
  const consent = await fetch(authorizeUrl);
  expect(consent.status).toBe(200);
  const html = await consent.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
  expect(action, "the consent page has a form").toBeTruthy();
  const fields = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, "&")]));
  const seller = /name="seller" value="([^"]+)"/.exec(html)?.[1];
  const answer = await fetch(new URL(action!, authorizeUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, ...(seller ? { seller } : {}), decision: "approve" }),
    redirect: "manual",
  });
  expect(answer.status).toBeGreaterThanOrEqual(300);
  const back = new URL(answer.headers.get("location")!);
  expect(`${back.origin}${back.pathname}`).toBe(app.redirectUri);
  expect(back.searchParams.get("state")).toBe(state);
  const code = back.searchParams.get("code");
  expect(code).toBeTruthy();
  return adapter.oauth.exchangeCode(app, { code: code!, codeVerifier });
}
