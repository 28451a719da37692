// Starting a sandbox for a test and walking Allegro's OAuth flow over real HTTP, as the portal will.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { pkceChallenge } from "@/lib/marketplaces/signing";
import { DEFAULT_APPS } from "@/lib/sandbox/config";
import type { KnobsPatch } from "@/lib/sandbox/knobs";
import { startSandbox, type SandboxOptions } from "@/lib/sandbox/server";

export const ALLEGRO_APP = DEFAULT_APPS.allegro;
export const ALLEGRO_MEDIA_TYPE = "application/vnd.allegro.public.v1+json";
export const REDIRECT_URI = "http://localhost:3000/api/oauth/allegro/callback";

export type TestSandbox = { url: string; dataDir: string; close(): Promise<void>; stop(): Promise<void> };

export async function makeDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "sandbox-test-"));
}

/** A sandbox on a free port; `close` stops it and keeps the data folder, `stop` also removes the folder. */
export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const sandbox = await startSandbox({ port: 0, productsPerShop: 400, saveDelayMs: 10, ...options, dataDir });
  return {
    url: sandbox.url,
    dataDir,
    close: () => sandbox.close(),
    stop: async () => {
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function putConfig(url: string, patch: KnobsPatch): Promise<void> {
  const response = await fetch(`${url}/_sandbox/config`, { method: "PUT", body: JSON.stringify(patch) });
  expect(response.status, await response.clone().text()).toBe(200);
}

export async function resetSandbox(url: string): Promise<void> {
  expect((await fetch(`${url}/_sandbox/reset`, { method: "POST" })).status).toBe(200);
}

export const newVerifier = () => randomBytes(48).toString("base64url");

export type AuthorizeInput = { sellerId?: string; verifier?: string; state?: string; scope?: string; redirectUri?: string; decision?: "approve" | "deny" };

export function authorizeUrl(url: string, input: { verifier: string; state: string; scope?: string; redirectUri?: string; clientId?: string }): string {
  const params = new URLSearchParams({
    response_type: "code",
    client_id: input.clientId ?? ALLEGRO_APP.appKey,
    redirect_uri: input.redirectUri ?? REDIRECT_URI,
    state: input.state,
    code_challenge: pkceChallenge(input.verifier),
    code_challenge_method: "S256",
  });
  if (input.scope) params.set("scope", input.scope);
  return `${url}/allegro/auth/oauth/authorize?${params}`;
}

/** Opens the consent page, submits it, and returns where the sandbox sent the browser back. */
export async function consent(url: string, input: AuthorizeInput = {}): Promise<URL> {
  const verifier = input.verifier ?? newVerifier();
  const address = authorizeUrl(url, { verifier, state: input.state ?? "st-1", scope: input.scope, redirectUri: input.redirectUri });
  const page = await fetch(address);
  expect(page.status).toBe(200);
  const form = new URLSearchParams({ decision: input.decision ?? "approve", seller: input.sellerId ?? "46968690" });
  const answer = await fetch(address, { method: "POST", body: form, redirect: "manual" });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get("location")!);
}

export async function authorizationCode(url: string, input: AuthorizeInput = {}): Promise<string> {
  const back = await consent(url, input);
  const code = back.searchParams.get("code");
  expect(code, back.toString()).toBeTruthy();
  return code!;
}

export function basic(appKey = ALLEGRO_APP.appKey, appSecret = ALLEGRO_APP.appSecret): string {
  return `Basic ${Buffer.from(`${appKey}:${appSecret}`).toString("base64")}`;
}

export async function tokenRequest(url: string, params: Record<string, string>, authorization = basic()): Promise<Response> {
  return fetch(`${url}/allegro/auth/oauth/token`, {
    method: "POST",
    headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params),
  });
}

export type TokenAnswer = { access_token: string; refresh_token: string; expires_in: number; scope: string; token_type: string; allegro_api: boolean; jti: string };

/** Consent, code and token exchange in one: a linked shop's first token pair. */
export async function link(url: string, input: AuthorizeInput = {}): Promise<TokenAnswer> {
  const verifier = input.verifier ?? newVerifier();
  const code = await authorizationCode(url, { ...input, verifier });
  const response = await tokenRequest(url, { grant_type: "authorization_code", code, redirect_uri: input.redirectUri ?? REDIRECT_URI, code_verifier: verifier });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as TokenAnswer;
}

export async function refresh(url: string, refreshToken: string): Promise<Response> {
  return tokenRequest(url, { grant_type: "refresh_token", refresh_token: refreshToken });
}

export function api(url: string, accessToken: string, pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  const headers = { authorization: `Bearer ${accessToken}`, accept: ALLEGRO_MEDIA_TYPE, ...(init.headers as Record<string, string> | undefined) };
  return fetch(`${url}/allegro${pathAndQuery}`, { ...init, headers });
}

export async function apiJson<T = Record<string, unknown>>(url: string, accessToken: string, pathAndQuery: string, init: RequestInit = {}): Promise<T> {
  const response = await api(url, accessToken, pathAndQuery, init);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done` holds or the time is up; returns the last value either way for the assertion. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000, stepMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(stepMs);
    value = await read();
  }
  return value;
}
