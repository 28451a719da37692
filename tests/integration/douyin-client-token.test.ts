// The alliance's app-level client token (lib/marketplaces/douyin/client-token.ts) against the sandbox's
// /douyin/oauth/client_token and this file's own database: fetched once and kept sealed, reused until it nears
// its end, renewed once however many ask at the same time (in one process, or in several sharing the
// database), refused credentials reported with the platform's code, and a token the platform refused replaced.
// The sandbox's request log counts the calls that reach it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { unseal } from "@/lib/crypto";
import { db } from "@/lib/db";
import { appTokenKeys, clientTokens, RENEW_AHEAD_MS } from "@/lib/marketplaces/douyin/client-token";
import { MarketplaceError } from "@/lib/marketplaces/errors";
import { douyin } from "@/lib/sandbox/douyin";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/server";
import { sandboxApp, setKnobs } from "../support/sandbox";

const TWO_HOURS_MS = 2 * 60 * 60 * 1000;
// Long enough that every concurrent ask starts while the one renewal is still waiting for its answer.
const SLOW_ANSWER_MS = 400;

let sandbox: RunningSandbox;
/** The sandbox's request log: `POST /douyin/oauth/client_token/ -> 200 2 ms`. */
let requests: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ dataDir: mkdtempSync(path.join(tmpdir(), "sk-client-token-")), port: 0, platforms: [douyin], log: (line) => requests.push(line) });
});
afterAll(() => sandbox?.close());
beforeEach(async () => {
  await db().appToken.deleteMany();
  await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
  requests = [];
});

const appFor = (appSecret?: string) => sandboxApp(sandbox.url, "douyin", appSecret);
const keys = () => appTokenKeys(appFor().appKey);
const tokenCalls = () => requests.filter((line) => line.startsWith("POST /douyin/oauth/client_token/ ")).length;
const storedRow = () => db().appToken.findUnique({ where: { platform: keys().token } });

/** Moves the stored token's end to `msFromNow`, as time passing would. */
const endsIn = (msFromNow: number) => db().appToken.update({ where: { platform: keys().token }, data: { expiresAt: new Date(Date.now() + msFromNow) } });

/** Resolves once some process holds the renewal lease, read from its row. */
async function leaseTaken() {
  for (;;) {
    const lease = await db().appToken.findUnique({ where: { platform: keys().lease } });
    if (lease && lease.expiresAt.getTime() > Date.now()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the alliance client token", () => {
  it("is fetched on the first ask and stored sealed, then reused without a call, also by another process", async () => {
    const before = Date.now();
    const tokens = clientTokens(appFor());
    const token = await tokens.get();
    expect(token).toBeTruthy();
    expect(tokenCalls()).toBe(1);
    const row = (await storedRow())!;
    expect(row.token).not.toContain(token);
    expect(unseal(row.token)).toBe(token);
    // Two hours from the answer's expires_in.
    expect(row.expiresAt.getTime() - before).toBeGreaterThan(TWO_HOURS_MS - 60_000);
    expect(row.expiresAt.getTime() - before).toBeLessThanOrEqual(TWO_HOURS_MS + 60_000);
    expect(await tokens.get()).toBe(token);
    expect(await clientTokens(appFor()).get()).toBe(token);
    expect(tokenCalls()).toBe(1);
  });

  it("is renewed on the first ask within RENEW_AHEAD_MS of its end, and not before", async () => {
    const tokens = clientTokens(appFor());
    const first = await tokens.get();
    await endsIn(RENEW_AHEAD_MS + 60_000);
    expect(await tokens.get()).toBe(first);
    expect(tokenCalls()).toBe(1);
    await endsIn(RENEW_AHEAD_MS - 60_000);
    const second = await tokens.get();
    expect(second).not.toBe(first);
    expect(tokenCalls()).toBe(2);
    const row = (await storedRow())!;
    expect(unseal(row.token)).toBe(second);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(TWO_HOURS_MS - 60_000);
  });

  it("is renewed once however many ask at the same time, in this process and in others", async () => {
    await setKnobs(sandbox.url, { latencyMs: SLOW_ANSWER_MS });
    // Three processes' caches over the one database, four callers each.
    const processes = [clientTokens(appFor()), clientTokens(appFor()), clientTokens(appFor())];
    const ask = () => Promise.all(processes.flatMap((tokens) => [tokens.get(), tokens.get(), tokens.get(), tokens.get()]));
    const first = new Set(await ask());
    expect(first.size).toBe(1);
    expect(tokenCalls()).toBe(1);
    // Past its end, no one may serve the old token in the meantime: all wait for the one renewal.
    await endsIn(-60_000);
    const second = new Set(await ask());
    expect(second.size).toBe(1);
    expect(second).not.toEqual(first);
    expect(tokenCalls()).toBe(2);
    // The lease was given back.
    const lease = (await db().appToken.findUnique({ where: { platform: keys().lease } }))!;
    expect(lease.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("is served as it stands while another process renews it ahead of its end", async () => {
    const current = await clientTokens(appFor()).get();
    await endsIn(RENEW_AHEAD_MS - 60_000);
    await setKnobs(sandbox.url, { latencyMs: SLOW_ANSWER_MS });
    const renewing = clientTokens(appFor()).get();
    await leaseTaken();
    expect(await clientTokens(appFor()).get()).toBe(current);
    const renewed = await renewing;
    expect(renewed).not.toBe(current);
    expect(tokenCalls()).toBe(2);
  });

  it("is refused for a wrong secret with an auth failure naming code 10013, and nothing is stored", async () => {
    const error = await clientTokens(appFor("not-the-secret"))
      .get()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MarketplaceError);
    expect(error).toMatchObject({ platform: "douyin", kind: "auth", code: "10013" });
    expect((error as MarketplaceError).message).toContain("10013");
    expect((error as MarketplaceError).message).not.toContain("not-the-secret");
    expect(await storedRow()).toBeNull();
    // The lease was given back: the right secret gets a token at once.
    await expect(clientTokens(appFor()).get()).resolves.toBeTruthy();
    expect(tokenCalls()).toBe(2);
  });

  it("is replaced when the platform refuses it, once however many callers report it", async () => {
    const tokens = clientTokens(appFor());
    const refused = await tokens.get();
    await setKnobs(sandbox.url, { latencyMs: SLOW_ANSWER_MS });
    const [here, elsewhere] = await Promise.all([tokens.replace(refused), clientTokens(appFor()).replace(refused)]);
    expect(here).not.toBe(refused);
    expect(elsewhere).toBe(here);
    expect(tokenCalls()).toBe(2);
    expect(unseal((await storedRow())!.token)).toBe(here);
    expect(await tokens.get()).toBe(here);
    // A caller reporting the old token late gets the new one without another call.
    expect(await clientTokens(appFor()).replace(refused)).toBe(here);
    expect(tokenCalls()).toBe(2);
  });
});
