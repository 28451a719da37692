import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALLEGRO_MEDIA_TYPE, api, authorizeUrl, link, newVerifier, putConfig, refresh, resetSandbox, startTestSandbox, type TestSandbox } from "./support";

let sandbox: TestSandbox;
const logLines: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({ log: (line) => logLines.push(line) });
});
afterAll(() => sandbox.stop());
beforeEach(() => resetSandbox(sandbox.url));

describe("sandbox endpoints", () => {
  it("reports health with each platform's base URL and demo sellers", async () => {
    const health = (await (await fetch(`${sandbox.url}/_sandbox/health`)).json()) as { status: string; platforms: { id: string; baseUrl: string; sellers: unknown[] }[] };
    expect(health.status).toBe("ok");
    const allegro = health.platforms.find((platform) => platform.id === "allegro")!;
    expect(allegro.baseUrl).toBe(`${sandbox.url}/allegro`);
    expect(allegro.sellers.length).toBeGreaterThanOrEqual(2);
  });

  it("reads and changes the knobs, refusing what does not parse", async () => {
    await putConfig(sandbox.url, { latencyMs: 5, faults: { malformed: 0.25 }, rateLimits: { allegro: { app: { requests: 100, perSeconds: 1 } } } });
    const knobs = await (await fetch(`${sandbox.url}/_sandbox/config`)).json();
    expect(knobs).toMatchObject({ latencyMs: 5, faults: { malformed: 0.25, serverError: 0 }, rateLimits: { allegro: { app: { requests: 100, perSeconds: 1 }, publication: { requests: 10 } } } });
    for (const bad of ['{"faults":{"timeout":2}}', '{"latencyMs":"fast"}', '{"rateLimits":{"allegro":{"nope":{"requests":1,"perSeconds":1}}}}', '{"rateLimits":{"ebay":{}}}', '{"surprise":1}', "not json"]) {
      const answer = await fetch(`${sandbox.url}/_sandbox/config`, { method: "PUT", body: bad });
      expect(answer.status, bad).toBe(400);
    }
    await resetSandbox(sandbox.url);
    expect(await (await fetch(`${sandbox.url}/_sandbox/config`)).json()).toMatchObject({ latencyMs: 0, faults: { malformed: 0 } });
  });

  it("forgets every token on reset", async () => {
    const { access_token } = await link(sandbox.url);
    await resetSandbox(sandbox.url);
    expect((await api(sandbox.url, access_token, "/me")).status).toBe(401);
  });

  it("revokes a seller's tokens as if the seller withdrew the app", async () => {
    const tokens = await link(sandbox.url, { sellerId: "60517733" });
    const answer = await fetch(`${sandbox.url}/_sandbox/revoke`, { method: "POST", body: JSON.stringify({ platform: "allegro", sellerId: "60517733" }) });
    expect(await answer.json()).toEqual({ revoked: 2 });
    expect((await api(sandbox.url, tokens.access_token, "/me")).status).toBe(401);
    expect((await refresh(sandbox.url, tokens.refresh_token)).status).toBe(400);
  });

  it("ends a seller's access tokens early, refusing them as expired while the refresh token still works", async () => {
    const tokens = await link(sandbox.url, { sellerId: "60517733" });
    const answer = await fetch(`${sandbox.url}/_sandbox/expire`, { method: "POST", body: JSON.stringify({ platform: "allegro", sellerId: "60517733" }) });
    expect(await answer.json()).toEqual({ expired: 1 });
    const refused = await api(sandbox.url, tokens.access_token, "/me");
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "invalid_token", error_description: "Access token expired" });
    expect((await refresh(sandbox.url, tokens.refresh_token)).status).toBe(200);
    const unknown = await fetch(`${sandbox.url}/_sandbox/expire`, { method: "POST", body: JSON.stringify({ platform: "ebay", sellerId: "1" }) });
    expect(unknown.status).toBe(404);
  });

  it("answers unknown platforms and paths in a readable way", async () => {
    expect((await fetch(`${sandbox.url}/ebay/sale/offers`)).status).toBe(404);
    const missing = await fetch(`${sandbox.url}/allegro/sale/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("NotFoundException");
  });

  it("logs each request with credentials masked", async () => {
    logLines.length = 0;
    await fetch(`${sandbox.url}/allegro/auth/oauth/token?grant_type=refresh_token&refresh_token=SECRET-REFRESH&code=SECRET-CODE`, { method: "POST" });
    const line = logLines.find((entry) => entry.includes("/allegro/auth/oauth/token"))!;
    expect(line).toMatch(/^POST .* -> 401 \d+ ms$/);
    expect(line).not.toContain("SECRET");
    expect(line).toContain("refresh_token=[redacted]&code=[redacted]");
  });
});

describe("injected faults", () => {
  it("adds latency", async () => {
    await putConfig(sandbox.url, { latencyMs: 150 });
    const started = Date.now();
    await fetch(`${sandbox.url}/allegro/me`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("answers 5xx in Allegro's envelope before the work, and after it where the change then stands", async () => {
    const { access_token } = await link(sandbox.url);
    await putConfig(sandbox.url, { faults: { serverError: 1 } });
    const failed = await api(sandbox.url, access_token, "/me");
    expect(failed.status).toBe(500);
    expect(((await failed.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("InternalServerErrorException");

    await putConfig(sandbox.url, { faults: { serverError: 0, serverErrorAfterWrite: 1 } });
    const id = randomUUID();
    const body = JSON.stringify({ publication: { action: "END" }, offerCriteria: [{ type: "CONTAINS_OFFERS", offers: [{ id: "1" }] }] });
    const put = () => api(sandbox.url, access_token, `/sale/offer-publication-commands/${id}`, { method: "PUT", body, headers: { "content-type": ALLEGRO_MEDIA_TYPE } });
    expect((await put()).status).toBe(500);
    await putConfig(sandbox.url, { faults: { serverErrorAfterWrite: 0 } });
    expect((await put()).status).toBe(409);
  });

  it("cuts bodies short, throttles on demand, and hangs past a client's timeout", async () => {
    const { access_token } = await link(sandbox.url);
    await putConfig(sandbox.url, { faults: { malformed: 1 } });
    const cut = await api(sandbox.url, access_token, "/me");
    expect(cut.status).toBe(200);
    await expect(cut.json()).rejects.toThrow();

    await putConfig(sandbox.url, { faults: { malformed: 0, throttle: 1 } });
    const throttled = await api(sandbox.url, access_token, "/me");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("1");

    await putConfig(sandbox.url, { faults: { throttle: 0, timeout: 1 }, timeoutHangMs: 2000 });
    await expect(api(sandbox.url, access_token, "/me", { signal: AbortSignal.timeout(200) })).rejects.toThrow();
  });

  it("spares the consent page", async () => {
    await putConfig(sandbox.url, { faults: { serverError: 1 } });
    expect((await fetch(authorizeUrl(sandbox.url, { verifier: newVerifier(), state: "s" }))).status).toBe(200);
  });

  it("draws the same faults for the same seed and order of calls", async () => {
    const statuses = async () => {
      const other = await startTestSandbox({ seed: 77, knobs: { faults: { serverError: 0.5 } } });
      try {
        const seen = [];
        for (let i = 0; i < 12; i++) seen.push((await fetch(`${other.url}/allegro/me`)).status);
        return seen;
      } finally {
        await other.stop();
      }
    };
    const first = await statuses();
    expect(new Set(first)).toEqual(new Set([401, 500]));
    expect(await statuses()).toEqual(first);
  });
});
