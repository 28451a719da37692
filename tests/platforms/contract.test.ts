// One contract, the same cases for every platform, through the sandbox over real HTTP: link, call, refresh,
// rotation, a refused signature, throttling and error mapping. Platform-specific behaviour is tested beside it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MarketplaceError, type FailureKind } from "@/lib/marketplaces/errors";
import { platform, platforms } from "@/lib/marketplaces/registry";
import { PLATFORM_IDS, type PlatformId, type TokenSet } from "@/lib/marketplaces/types";
import type { KnobsPatch } from "@/lib/sandbox/knobs";
import type { RunningSandbox } from "@/lib/sandbox/server";
import { linkThroughConsent, sandboxApp, setKnobs as setSandboxKnobs, startTestSandbox } from "../support/sandbox";

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ commandDelayMs: 50 });
});
afterAll(() => sandbox?.close());
afterEach(() => fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" }));

const appFor = (id: PlatformId, appSecret?: string) => sandboxApp(sandbox.url, id, appSecret);
const link = linkThroughConsent;

async function failureOf(promise: Promise<unknown>): Promise<MarketplaceError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error, "the call should have failed").toBeInstanceOf(MarketplaceError);
  return error as MarketplaceError;
}

const setKnobs = (patch: KnobsPatch) => setSandboxKnobs(sandbox.url, patch);

it("registers all five platforms", () => {
  expect(platforms().map((adapter) => adapter.metadata.id)).toEqual([...PLATFORM_IDS]);
});

describe.each(PLATFORM_IDS)("%s", (id) => {
  const session = (tokens: TokenSet, sellerId: string) => ({ sellerId, accessToken: async () => tokens.accessToken });

  it("links through the consent page, with expiry times from the platform's answer", async () => {
    const { tokens, seller } = await link(platform(id), appFor(id));
    expect(seller.sellerId).toBeTruthy();
    expect(seller.shopName).toBeTruthy();
    expect(tokens.accessToken).toBeTruthy();
    expect(tokens.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("calls the API within the platform's limits: products, categories, a schema", async () => {
    const adapter = platform(id);
    const app = appFor(id);
    const { tokens, seller } = await link(adapter, app);
    const connector = adapter.connector(app, session(tokens, seller.sellerId));
    const page = await connector.listProducts({ page: 2, pageSize: 50 });
    expect(page.total).toBeGreaterThan(100);
    expect(page.items).toHaveLength(50);
    expect(new Set(page.items.map((item) => item.id)).size).toBe(50);
    for (const item of page.items) expect(item.native.code).toBeTruthy();
    const detail = await connector.getProduct(page.items[0]!.id);
    expect(detail.id).toBe(page.items[0]!.id);
    let categories = await connector.listCategories(null);
    expect(categories.length).toBeGreaterThan(0);
    while (!categories[0]!.leaf) categories = await connector.listCategories(categories[0]!.id);
    const schema = await connector.getAttributeSchema(categories[0]!.id);
    expect(schema.attributes.length).toBeGreaterThan(0);
  });

  it("refreshes tokens, and a spent refresh token is refused where the platform rotates them", async () => {
    const adapter = platform(id);
    const app = appFor(id);
    // Short lifetimes, so that any grace period the platform gives a spent refresh token is over in a moment.
    await setKnobs({ tokenTtlScale: 0.002 });
    const { tokens } = await link(adapter, app);
    const renewed = await adapter.oauth.refresh(app, tokens.refreshToken!);
    expect(renewed.accessToken).not.toBe(tokens.accessToken);
    if (adapter.metadata.rotatesRefreshTokens) {
      expect(renewed.refreshToken).toBeTruthy();
      expect(renewed.refreshToken).not.toBe(tokens.refreshToken);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const reused = await failureOf(adapter.oauth.refresh(app, tokens.refreshToken!));
      expect(reused.kind).toBe("auth");
    }
  });

  it("is refused with the platform's own error when the app secret is wrong, and nothing is spent", async () => {
    const adapter = platform(id);
    const app = appFor(id);
    const { tokens } = await link(adapter, app);
    const refused = await failureOf(adapter.oauth.refresh(appFor(id, "not-the-secret"), tokens.refreshToken!));
    expect(refused.kind).toBe("auth");
    expect(refused.code).toBeTruthy();
    expect(refused.message).not.toContain("not-the-secret");
    await expect(adapter.oauth.refresh(app, tokens.refreshToken!)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it.each<{ what: string; knobs: object; kind: FailureKind }>([
    { what: "throttling", knobs: { faults: { throttle: 1 } }, kind: "throttled" },
    { what: "a 5xx", knobs: { faults: { serverError: 1 } }, kind: "unavailable" },
    { what: "a malformed body", knobs: { faults: { malformed: 1 } }, kind: "invalid_response" },
  ])("maps $what to a systemic $kind failure", async ({ knobs, kind }) => {
    const adapter = platform(id);
    const app = appFor(id);
    const { tokens, seller } = await link(adapter, app);
    await setKnobs(knobs);
    const error = await failureOf(adapter.connector(app, session(tokens, seller.sellerId)).listProducts({ page: 1, pageSize: 10 }));
    expect(error.kind).toBe(kind);
    expect(error.systemic).toBe(true);
    expect(error.platform).toBe(id);
  });
});
