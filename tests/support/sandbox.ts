// Drives the sandbox marketplaces over HTTP for tests: start one, build an app config for it, walk a consent page,
// and see what a connector sent.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";
import { z } from "zod";
import { MarketplaceError } from "@/lib/marketplaces/errors";
import type { AppConfig, PlatformAdapter } from "@/lib/marketplaces/platform";
import { pkceChallenge } from "@/lib/marketplaces/signing";
import type { PlatformId } from "@/lib/marketplaces/types";
import { DEFAULT_APPS, platformBaseUrl } from "@/lib/sandbox/config";
import type { KnobsPatch } from "@/lib/sandbox/knobs";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/server";

export function startTestSandbox(knobs: KnobsPatch = {}) {
  return startSandbox({ dataDir: mkdtempSync(path.join(tmpdir(), "sk-sandbox-")), port: 0, productsPerShop: 300, knobs });
}

/** A sandbox for one test file: started before its tests, reset after each, closed after all. */
export function fileSandbox(knobs: KnobsPatch = {}): { readonly url: string } {
  let running: RunningSandbox | undefined;
  beforeAll(async () => {
    running = await startTestSandbox(knobs);
  });
  afterAll(() => running?.close());
  afterEach(async () => {
    await fetch(`${running!.url}/_sandbox/reset`, { method: "POST" });
  });
  return {
    get url() {
      return running!.url;
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

const tokenCountsSchema = z.strictObject({ accessTokens: z.number(), refreshTokens: z.number(), spentRefreshTokens: z.number() });

/**
 * How many tokens the sandbox holds for the seller: each refresh grant adds an access token (and, where refresh
 * tokens rotate, a refresh token, spending one).
 */
export async function sellerTokens(sandboxUrl: string, platform: PlatformId, sellerId: string) {
  const answer = await fetch(`${sandboxUrl}/_sandbox/tokens?${new URLSearchParams({ platform, sellerId })}`);
  expect(answer.status).toBe(200);
  return tokenCountsSchema.parse(await answer.json());
}

/**
 * Ends the seller's tokens on the sandbox: "all" as if the seller withdrew the app, "access" as if the platform
 * dropped its sessions, "expire" as if the access tokens' lifetime ran out now. Returns how many tokens it ended.
 */
export async function endSellerTokens(sandboxUrl: string, platform: PlatformId, sellerId: string, how: "all" | "access" | "expire"): Promise<number> {
  const [path, body] = how === "expire" ? ["expire", { platform, sellerId }] : ["revoke", { platform, sellerId, tokens: how }];
  const answer = await fetch(`${sandboxUrl}/_sandbox/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(answer.status).toBe(200);
  return z.record(z.string(), z.number()).parse(await answer.json())[how === "expire" ? "expired" : "revoked"]!;
}

/**
 * Walks the platform's consent page as a person would: open it, keep the `sellerIndex`th shop (the first by default),
 * press Authorize; returns the code from the redirect, and the PKCE verifier where the platform wants one.
 */
export async function consentCode(adapter: PlatformAdapter, app: AppConfig, sellerIndex = 0): Promise<{ code: string; codeVerifier?: string }> {
  const state = randomBytes(16).toString("base64url");
  const codeVerifier = adapter.metadata.pkce ? randomBytes(48).toString("base64url") : undefined;
  const authorizeUrl = adapter.oauth.authorizeUrl(app, { state, codeChallenge: codeVerifier ? pkceChallenge(codeVerifier) : undefined });
  const consent = await fetch(authorizeUrl);
  expect(consent.status).toBe(200);
  const html = await consent.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
  expect(action, "the consent page has a form").toBeTruthy();
  const fields = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, "&")]));
  const sellers = [...html.matchAll(/name="seller" value="([^"]+)"/g)].map((match) => match[1]!);
  const seller = sellers[sellerIndex];
  if (sellers.length) expect(seller, `the consent page offers a shop number ${sellerIndex + 1}`).toBeTruthy();
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
  return { code: code!, codeVerifier };
}

/** Consents as consentCode does, then exchanges the code. */
export async function linkThroughConsent(adapter: PlatformAdapter, app: AppConfig, sellerIndex = 0) {
  return adapter.oauth.exchangeCode(app, await consentCode(adapter, app, sellerIndex));
}

/** A connector on behalf of the seller the token was issued to. */
export const connectorFor = (adapter: PlatformAdapter, app: AppConfig, accessToken: string, sellerId: string) =>
  adapter.connector(app, { sellerId, accessToken: async () => accessToken });

/** Links the `sellerIndex`th shop through the consent page and gives its connector beside the tokens and seller. */
export async function linkConnector(adapter: PlatformAdapter, app: AppConfig, sellerIndex = 0) {
  const linked = await linkThroughConsent(adapter, app, sellerIndex);
  return { ...linked, connector: connectorFor(adapter, app, linked.tokens.accessToken, linked.seller.sellerId) };
}

/** The MarketplaceError a call fails with; the test fails if it succeeds or throws anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<MarketplaceError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the call should have failed").toBeInstanceOf(MarketplaceError);
  return error as MarketplaceError;
}

export type SentCall = { method: string; url: URL; params: URLSearchParams };

/**
 * Records the HTTP calls this process makes from now until `stop()`: method, address, and the query and form body
 * parameters together, for tests that check what a connector asked for. The calls themselves go out unchanged.
 */
export function recordCalls(): { calls: SentCall[]; stop(): void } {
  const calls: SentCall[] = [];
  const original = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const params = new URLSearchParams(url.search);
    if (typeof init?.body === "string") for (const [key, value] of new URLSearchParams(init.body)) params.append(key, value);
    calls.push({ method: init?.method ?? "GET", url, params });
    return original(input, init);
  });
  return { calls, stop: () => spy.mockRestore() };
}
