import { rm } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pkceChallenge } from "@/lib/marketplaces/signing";
import { StateStore } from "@/lib/sandbox/state";
import { Throttle } from "@/lib/sandbox/throttle";
import { TokenService, type TokenPolicy } from "@/lib/sandbox/tokens";
import { makeDataDir } from "./support";

const ROTATING: TokenPolicy = { codeTtlSeconds: 600, accessTtlSeconds: 3600, refreshTtlSeconds: 86_400, rotatesRefreshTokens: true, reuseGraceSeconds: 60, refreshRenewsLifetime: true };
const grant = { appKey: "app", sellerId: "s1", scope: "read" };

let dir: string;
let store: StateStore;
let now: number;
const clock = () => now;

beforeEach(async () => {
  dir = await makeDataDir();
  store = await StateStore.open(dir);
  now = 1_000_000;
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function service(policy: TokenPolicy, scale = 1) {
  return new TokenService(store, "test", policy, () => scale, clock);
}

function firstPair(tokens: TokenService) {
  const code = tokens.issueCode({ ...grant, redirectUri: "http://localhost/cb" });
  const redeemed = tokens.redeemCode({ code, appKey: "app", redirectUri: "http://localhost/cb" });
  if (!redeemed.ok) throw new Error(redeemed.reason);
  return redeemed.value;
}

describe("token service", () => {
  it("expires codes, access tokens and refresh tokens on the policy's scaled lifetimes", () => {
    const tokens = service(ROTATING, 0.5);
    const code = tokens.issueCode({ ...grant, redirectUri: "http://localhost/cb" });
    now += 300_001;
    expect(tokens.redeemCode({ code, appKey: "app" })).toEqual({ ok: false, reason: "expired" });
    const pair = firstPair(tokens);
    expect(pair.accessExpiresIn).toBe(1800);
    expect(pair.refreshExpiresIn).toBe(43_200);
    now += 1_800_000;
    expect(tokens.authenticate(pair.accessToken)).toEqual({ ok: false, reason: "expired" });
    now += 43_200_000;
    expect(tokens.refresh({ refreshToken: pair.refreshToken, appKey: "app" })).toEqual({ ok: false, reason: "expired" });
  });

  it("checks the PKCE verifier against the S256 challenge", () => {
    const tokens = service(ROTATING);
    const verifier = "v".repeat(43);
    const issue = () => tokens.issueCode({ ...grant, redirectUri: "http://localhost/cb", codeChallenge: pkceChallenge(verifier) });
    expect(tokens.redeemCode({ code: issue(), appKey: "app" })).toMatchObject({ ok: false, reason: "pkce_missing" });
    expect(tokens.redeemCode({ code: issue(), appKey: "app", codeVerifier: "w".repeat(43) })).toMatchObject({ ok: false, reason: "pkce_mismatch" });
    expect(tokens.redeemCode({ code: issue(), appKey: "app", codeVerifier: verifier })).toMatchObject({ ok: true });
  });

  it("rotates, keeps the grace for a spent token, then refuses it", () => {
    const tokens = service(ROTATING);
    const pair = firstPair(tokens);
    const next = tokens.refresh({ refreshToken: pair.refreshToken, appKey: "app" });
    expect(next.ok && next.value.refreshToken).not.toBe(pair.refreshToken);
    now += 59_000;
    expect(tokens.refresh({ refreshToken: pair.refreshToken, appKey: "app" }).ok).toBe(true);
    now += 2_000;
    expect(tokens.refresh({ refreshToken: pair.refreshToken, appKey: "app" })).toEqual({ ok: false, reason: "used" });
    expect(tokens.refresh({ refreshToken: pair.refreshToken, appKey: "other" })).toEqual({ ok: false, reason: "wrong_client" });
  });

  it("keeps the refresh token where the platform does not rotate, and the first lifetime where it does not renew", () => {
    const fixed = service({ ...ROTATING, rotatesRefreshTokens: false });
    const pair = firstPair(fixed);
    const again = fixed.refresh({ refreshToken: pair.refreshToken, appKey: "app" });
    const twice = fixed.refresh({ refreshToken: pair.refreshToken, appKey: "app" });
    expect(again.ok && again.value.refreshToken).toBe(pair.refreshToken);
    expect(twice.ok).toBe(true);

    const capped = service({ ...ROTATING, refreshRenewsLifetime: false, reuseGraceSeconds: 0 });
    const first = firstPair(capped);
    now += 1000 * 1000;
    const rotated = capped.refresh({ refreshToken: first.refreshToken, appKey: "app" });
    expect(rotated.ok && rotated.value.refreshExpiresIn).toBe(86_400 - 1000);
    expect(capped.refresh({ refreshToken: first.refreshToken, appKey: "app" })).toEqual({ ok: false, reason: "used" });
  });

  it("revokes every token of a seller", () => {
    const tokens = service(ROTATING);
    const pair = firstPair(tokens);
    expect(tokens.revokeSeller("s1")).toBe(2);
    expect(tokens.authenticate(pair.accessToken)).toEqual({ ok: false, reason: "unknown" });
    expect(tokens.refresh({ refreshToken: pair.refreshToken, appKey: "app" })).toEqual({ ok: false, reason: "unknown" });
  });
});

describe("throttle", () => {
  it("allows a burst of `requests`, then refills at requests / perSeconds", () => {
    let time = 0;
    const throttle = new Throttle(() => time);
    const limit = { requests: 2, perSeconds: 10 };
    expect(throttle.take("k", limit)).toEqual({ ok: true, remaining: 1 });
    expect(throttle.take("k", limit)).toEqual({ ok: true, remaining: 0 });
    expect(throttle.take("k", limit)).toEqual({ ok: false, retryAfterSeconds: 5 });
    expect(throttle.take("other", limit).ok).toBe(true);
    time = 4_000;
    expect(throttle.take("k", limit).ok).toBe(false);
    time = 5_000;
    expect(throttle.take("k", limit).ok).toBe(true);
    expect(throttle.take("k", { requests: 5, perSeconds: 10 })).toEqual({ ok: true, remaining: 4 });
  });
});
