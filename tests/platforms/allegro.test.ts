// Allegro's adapter against the sandbox over real HTTP: the consent page and PKCE, offers paged within
// Allegro's limit of 1000, categories and parameters, publication commands until every task is final,
// rotating refresh tokens, and each refusal mapped to the right kind with Allegro's own code. The last block
// checks that the emulator refuses what Allegro refuses.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import allegro from "@/lib/marketplaces/allegro";
import { MarketplaceError } from "@/lib/marketplaces/errors";
import type { AppConfig } from "@/lib/marketplaces/platform";
import { pkceChallenge } from "@/lib/marketplaces/signing";
import type { Connector, ProductSummary, StatusChangeProgress, TokenSet } from "@/lib/marketplaces/types";
import { DEFAULT_APPS, platformBaseUrl } from "@/lib/sandbox/config";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/server";

const PRODUCTS = 2600;
const MEDIA_TYPE = "application/vnd.allegro.public.v1+json";
const DAY_MS = 24 * 60 * 60 * 1000;

let sandbox: RunningSandbox;
/** The sandbox's request log: `GET /allegro/sale/offers?limit=1000&offset=0 -> 200 3 ms`. */
let requests: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    dataDir: mkdtempSync(path.join(tmpdir(), "sk-allegro-")),
    port: 0,
    productsPerShop: PRODUCTS,
    // Long enough to see tasks still NEW right after the command, short enough to wait for.
    knobs: { commandDelayMs: 600 },
    log: (line) => requests.push(line),
  });
});
afterAll(() => sandbox?.close());
afterEach(async () => {
  await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
  requests = [];
});

function appFor(appSecret = DEFAULT_APPS.allegro.appSecret): AppConfig {
  const base = platformBaseUrl(sandbox.url, "allegro");
  return { platform: "allegro", appKey: DEFAULT_APPS.allegro.appKey, appSecret, authUrl: base, apiUrl: base, redirectUri: "http://localhost:3000/api/oauth/allegro/callback" };
}

const setKnobs = async (patch: object) => {
  const answer = await fetch(`${sandbox.url}/_sandbox/config`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) });
  expect(answer.status).toBe(200);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the consent page the authorize URL leads to, keeps the preselected shop, and presses Authorize. */
async function consent(app: AppConfig, codeVerifier: string) {
  const state = randomBytes(16).toString("base64url");
  const authorizeUrl = allegro.oauth.authorizeUrl(app, { state, codeChallenge: pkceChallenge(codeVerifier) });
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const unescape = (text: string) => text.replace(/&amp;/g, "&");
  const action = unescape(/<form method="post" action="([^"]+)"/.exec(html)![1]!);
  const seller = /name="seller" value="([^"]+)" checked/.exec(html)![1]!;
  const decided = await fetch(new URL(action, authorizeUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ seller, decision: "approve" }),
    redirect: "manual",
  });
  expect(decided.status).toBe(302);
  const back = new URL(decided.headers.get("location")!);
  expect(back.origin + back.pathname).toBe(app.redirectUri);
  expect(back.searchParams.get("state")).toBe(state);
  return { authorizeUrl: new URL(authorizeUrl), code: back.searchParams.get("code")!, seller };
}

async function link(app = appFor()) {
  const codeVerifier = randomBytes(48).toString("base64url");
  const { code } = await consent(app, codeVerifier);
  const linked = await allegro.oauth.exchangeCode(app, { code, codeVerifier });
  return { ...linked, app, connector: connectorOf(app, linked.tokens, linked.seller.sellerId) };
}

const connectorOf = (app: AppConfig, tokens: TokenSet, sellerId: string): Connector => allegro.connector(app, { sellerId, accessToken: async () => tokens.accessToken });

async function failureOf(promise: Promise<unknown>): Promise<MarketplaceError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error, "the call should have failed").toBeInstanceOf(MarketplaceError);
  return error as MarketplaceError;
}

/** The query strings of the logged calls to a path, e.g. every `GET /sale/offers`. */
function callsTo(pathname: string): URLSearchParams[] {
  return requests.flatMap((line) => {
    const target = /^\w+ (\S+) ->/.exec(line)?.[1];
    const url = target ? new URL(target, "http://sandbox") : null;
    return url?.pathname === `/allegro${pathname}` ? [url.searchParams] : [];
  });
}

async function pollUntilDone(connector: Connector, ticket: string): Promise<StatusChangeProgress> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const progress = await connector.checkStatusChange(ticket);
    if (progress.kind === "done") return progress;
    await sleep(100);
  }
  throw new Error(`command ${ticket} never finished`);
}

describe("linking", () => {
  it("asks for the code with PKCE S256 and the portal's scopes, and learns the seller from /me", async () => {
    const app = appFor();
    const before = Date.now();
    const { tokens, seller } = await link(app);
    const { authorizeUrl } = await consent(app, randomBytes(48).toString("base64url"));
    expect(authorizeUrl.pathname).toBe("/allegro/auth/oauth/authorize");
    expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({ response_type: "code", client_id: app.appKey, redirect_uri: app.redirectUri, code_challenge_method: "S256" });
    expect(authorizeUrl.searchParams.get("scope")!.split(" ")).toContain("allegro:api:sale:offers:write");
    expect(seller).toEqual({ sellerId: "46968690", shopName: "kuchnia-kasi" });
    // 12 hours from expires_in; the refresh token's three months are Allegro's documented lifetime.
    expect(tokens.accessTokenExpiresAt!.getTime() - before).toBeGreaterThan(12 * 3600_000 - 60_000);
    expect(tokens.accessTokenExpiresAt!.getTime() - before).toBeLessThanOrEqual(12 * 3600_000 + 60_000);
    expect(Math.round((tokens.refreshTokenExpiresAt!.getTime() - before) / DAY_MS)).toBe(90);
  });

  it("refuses a spent code, a wrong verifier and a wrong secret with Allegro's codes, as auth failures", async () => {
    const app = appFor();
    const verifier = randomBytes(48).toString("base64url");
    const { code } = await consent(app, verifier);
    const wrongSecret = await failureOf(allegro.oauth.exchangeCode(appFor("not-the-secret"), { code, codeVerifier: verifier }));
    expect(wrongSecret).toMatchObject({ kind: "auth", code: "invalid_client", status: 401 });
    expect(wrongSecret.message).not.toContain("not-the-secret");
    // A wrong client never reached the code, so it is still good once.
    await allegro.oauth.exchangeCode(app, { code, codeVerifier: verifier });
    const reused = await failureOf(allegro.oauth.exchangeCode(app, { code, codeVerifier: verifier }));
    expect(reused).toMatchObject({ kind: "auth", code: "invalid_grant", platformMessage: "Authorization code has already been used" });
    const other = await consent(app, verifier);
    const mismatch = await failureOf(allegro.oauth.exchangeCode(app, { code: other.code, codeVerifier: randomBytes(48).toString("base64url") }));
    expect(mismatch).toMatchObject({ kind: "auth", code: "invalid_grant" });
  });
});

describe("tokens", () => {
  it("rotates the refresh token, honours the spent one for Allegro's grace period, then refuses it", async () => {
    // Two thousandths of the real lifetimes: the code lives 1.2 s, the grace for a spent refresh token 120 ms.
    await setKnobs({ tokenTtlScale: 0.002 });
    const { app, tokens } = await link();
    const renewed = await allegro.oauth.refresh(app, tokens.refreshToken!);
    expect(renewed.accessToken).not.toBe(tokens.accessToken);
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken);
    await expect(allegro.oauth.refresh(app, tokens.refreshToken!)).resolves.toMatchObject({ accessToken: expect.any(String) });
    await sleep(200);
    const spent = await failureOf(allegro.oauth.refresh(app, tokens.refreshToken!));
    expect(spent).toMatchObject({ kind: "auth", code: "invalid_grant", platformMessage: "Invalid refresh token: already used" });
    await expect(allegro.oauth.refresh(app, renewed.refreshToken!)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it("refuses a refresh with a wrong secret without spending the token", async () => {
    const { app, tokens } = await link();
    // Were the token spent, its grace would now be over before the next call.
    await setKnobs({ tokenTtlScale: 0.000001 });
    const refused = await failureOf(allegro.oauth.refresh(appFor("not-the-secret"), tokens.refreshToken!));
    expect(refused).toMatchObject({ kind: "auth", code: "invalid_client" });
    expect(refused.systemic).toBe(true);
    await sleep(10);
    await expect(allegro.oauth.refresh(app, tokens.refreshToken!)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it("maps an expired or unknown access token to invalid_token", async () => {
    const { app, tokens, seller } = await link();
    await setKnobs({ tokenTtlScale: 0.000001 });
    // 12 hours scaled down to 43 ms.
    const shortLived = await allegro.oauth.refresh(app, tokens.refreshToken!);
    await sleep(100);
    const expired = await failureOf(connectorOf(app, shortLived, seller.sellerId).listProducts({ page: 1, pageSize: 5 }));
    expect(expired).toMatchObject({ kind: "auth", code: "invalid_token", status: 401 });
    const unknown = await failureOf(connectorOf(app, { accessToken: "forged" }, seller.sellerId).getCategory("1"));
    expect(unknown).toMatchObject({ kind: "auth", code: "invalid_token" });
  });
});

describe("offers", () => {
  it("stitches a portal page larger than Allegro's limit from calls of at most 1000", async () => {
    const { connector } = await link();
    requests = [];
    const page = await connector.listProducts({ page: 1, pageSize: 2500 });
    expect(page.total).toBe(PRODUCTS);
    expect(page.items).toHaveLength(2500);
    expect(new Set(page.items.map((item) => item.id)).size).toBe(2500);
    expect(callsTo("/sale/offers").map((query) => [query.get("offset"), query.get("limit")])).toEqual([
      ["0", "1000"],
      ["1000", "1000"],
      ["2000", "500"],
    ]);
  });

  it("gives the same offers for one page of 1000 as for four portal pages of 250, and a short last page", async () => {
    const { connector } = await link();
    const whole = await connector.listProducts({ page: 2, pageSize: 1000 });
    const quarters: ProductSummary[] = [];
    for (const page of [5, 6, 7, 8]) quarters.push(...(await connector.listProducts({ page, pageSize: 250 })).items);
    expect(quarters.map((item) => item.id)).toEqual(whole.items.map((item) => item.id));
    const last = await connector.listProducts({ page: 3, pageSize: 1000 });
    expect(last.items).toHaveLength(PRODUCTS - 2000);
  });

  it("keeps Allegro's status beside the portal's, and filters by status both ways", async () => {
    const { connector } = await link();
    const { items } = await connector.listProducts({ page: 1, pageSize: 300 });
    const seen = new Map(items.map((item) => [item.native.code, item.status]));
    expect(Object.fromEntries(seen)).toEqual({ ACTIVE: "online", INACTIVE: "draft", ENDED: "offline" });
    let counted = 0;
    for (const [status, native] of [["online", "ACTIVE"], ["draft", "INACTIVE"], ["offline", "ENDED"]] as const) {
      requests = [];
      const filtered = await connector.listProducts({ page: 1, pageSize: 100, status });
      expect(callsTo("/sale/offers")[0]!.getAll("publication.status")).toEqual([native]);
      expect(filtered.items.every((item) => item.status === status && item.native.code === native)).toBe(true);
      counted += filtered.total;
    }
    expect(counted).toBe(PRODUCTS);
    requests = [];
    expect(await connector.listProducts({ page: 1, pageSize: 10, status: "blocked" })).toEqual({ items: [], total: 0 });
    expect(callsTo("/sale/offers")).toHaveLength(0);
  });

  it("searches titles by name and a bare offer id by offer.id, within a category", async () => {
    const { connector } = await link();
    const [first] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    const word = first!.title.split(" ")[0]!;
    const byName = await connector.listProducts({ page: 1, pageSize: 50, search: word.toLowerCase() });
    expect(byName.total).toBeGreaterThan(1);
    expect(byName.items.every((item) => item.title.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    const byId = await connector.listProducts({ page: 1, pageSize: 50, search: ` ${first!.id} ` });
    expect(byId.items.map((item) => item.id)).toEqual([first!.id]);
    const inCategory = await connector.listProducts({ page: 1, pageSize: 50, categoryId: first!.categoryId });
    expect(inCategory.items.length).toBeGreaterThan(0);
    expect(inCategory.items.every((item) => item.categoryId === first!.categoryId)).toBe(true);
  });

  it("refuses sorts and date filters Allegro does not have, and a window past offset + limit 10 000 000, without calling it", async () => {
    const { connector } = await link();
    requests = [];
    expect(await failureOf(connector.listProducts({ page: 1, pageSize: 10, sort: "title_asc" }))).toMatchObject({ kind: "request", code: "unsupported_sort" });
    expect(await failureOf(connector.listProducts({ page: 1, pageSize: 10, modifiedFrom: "2025-01-01" }))).toMatchObject({ kind: "request", code: "unsupported_filter" });
    expect(await failureOf(connector.listProducts({ page: 10_001, pageSize: 1000 }))).toMatchObject({ kind: "request", code: "window_exceeded" });
    expect(requests).toHaveLength(0);
    // The last window that fits is asked for: past the seller's offers, it is empty.
    expect(await connector.listProducts({ page: 10_000, pageSize: 1000 })).toEqual({ items: [], total: PRODUCTS });
  });

  it("reads one offer with its images, its category path and its parameters by name", async () => {
    const { connector } = await link();
    const [listed] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    const offer = await connector.getProduct(listed!.id);
    expect(offer).toMatchObject({ id: listed!.id, title: listed!.title, status: listed!.status, native: listed!.native, price: listed!.price, skus: [] });
    expect(offer.images.length).toBeGreaterThan(0);
    expect(offer.imageUrl).toBe(offer.images[0]);
    expect(offer.categoryPath.map((node) => node.level)).toEqual([1, 2, 3]);
    expect(offer.categoryPath[0]!.parentId).toBeNull();
    expect(offer.categoryPath[2]).toMatchObject({ id: listed!.categoryId, leaf: true, parentId: offer.categoryPath[1]!.id });
    const names = offer.attributes.map((attribute) => attribute.name);
    expect(names).toContain("Condition");
    // Dictionary values are shown by label, numbers with their unit.
    expect(offer.attributes.find((attribute) => attribute.name === "Condition")!.value).not.toMatch(/_\d+$/);
    const weight = offer.attributes.find((attribute) => attribute.name === "Weight");
    if (weight) expect(weight.value).toMatch(/^\d+ kg$/);
    expect(await failureOf(connector.getProduct("99999999999"))).toMatchObject({ kind: "request", code: "NotFoundException", platformMessage: "The offer does not exist." });
  });
});

describe("categories and parameters", () => {
  it("walks from the roots to a leaf, each level knowing its depth and parent", async () => {
    const { connector } = await link();
    let nodes = await connector.listCategories(null);
    expect(nodes.every((node) => node.level === 1 && node.parentId === null && !node.leaf)).toBe(true);
    for (let level = 2; level <= 3; level++) {
      const parent = nodes[0]!;
      nodes = await connector.listCategories(parent.id);
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.every((node) => node.level === level && node.parentId === parent.id)).toBe(true);
    }
    expect(nodes.every((node) => node.leaf)).toBe(true);
    expect(await connector.getCategory(nodes[0]!.id)).toEqual(nodes[0]);
    expect(await failureOf(connector.getCategory("000000"))).toMatchObject({ kind: "request", code: "NotFoundException" });
  });

  it("maps a leaf's parameters to the attribute schema: types, units, values, required flags, a dependency", async () => {
    const { connector } = await link();
    const [listed] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    const schema = await connector.getAttributeSchema(listed!.categoryId!);
    const byName = new Map(schema.attributes.map((attribute) => [attribute.name, attribute]));
    expect(byName.get("Brand")).toMatchObject({ type: "text", nativeType: "string", required: true });
    const condition = byName.get("Condition")!;
    expect(condition).toMatchObject({ type: "single_enum", nativeType: "dictionary", required: true });
    expect(condition.values!.length).toBeGreaterThan(1);
    expect(byName.get("Material")).toMatchObject({ type: "multi_enum", nativeType: "dictionary" });
    expect(byName.get("Weight")).toMatchObject({ type: "number", nativeType: "float", units: ["kg"] });
    expect(byName.get("Warranty")).toMatchObject({ type: "number", units: ["months"], dependsOn: { attributeId: condition.id, valueIds: [condition.values![0]!.id] } });
  });
});

describe("display status through publication commands", () => {
  /** Offers of the first page of 1000 in one native status; `where` narrows them further. */
  async function offersIn(connector: Connector, native: string, where: (item: ProductSummary) => boolean = () => true) {
    const { items } = await connector.listProducts({ page: 1, pageSize: 1000 });
    return items.filter((item) => item.native.code === native && where(item));
  }

  it("activates ended offers: accepted, pending while tasks are NEW, then done with a refusal for Allegro's reason", async () => {
    const { connector } = await link();
    const stocked = (await offersIn(connector, "ENDED", (item) => (item.stock ?? 0) > 0)).slice(0, 12);
    const [soldOut] = await offersIn(connector, "ENDED", (item) => item.stock === 0);
    const ids = [...stocked.map((item) => item.id), soldOut!.id];
    const outcome = await connector.changeStatus(ids, "online");
    expect(outcome.kind).toBe("accepted");
    const ticket = outcome.kind === "accepted" ? outcome.ticket : "";
    expect(ticket).toMatch(/^[0-9a-f-]{36}$/);
    expect(await connector.checkStatusChange(ticket)).toEqual({ kind: "pending", results: [] });
    const done = await pollUntilDone(connector, ticket);
    expect(done.results.map((result) => result.id).sort()).toEqual([...ids].sort());
    const refused = done.results.find((result) => result.id === soldOut!.id)!;
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(["NO_STOCK", "MISSING_REQUIRED_PARAMETERS"]).toContain(refused.code);
      expect(refused.message).toContain(soldOut!.id);
    }
    const activated = done.results.filter((result) => result.ok).map((result) => result.id);
    expect(activated.length).toBeGreaterThan(0);
    const [after] = (await connector.listProducts({ page: 1, pageSize: 1, search: activated[0]! })).items;
    expect(after).toMatchObject({ status: "online", native: { code: "ACTIVE" } });
    const [stillEnded] = (await connector.listProducts({ page: 1, pageSize: 1, search: soldOut!.id })).items;
    expect(stillEnded!.status).toBe("offline");
  });

  it("shows an offer under activation as pending, and ends it again", async () => {
    const { connector } = await link();
    const [offer] = await offersIn(connector, "ENDED", (item) => (item.stock ?? 0) > 0);
    const started = await connector.changeStatus([offer!.id], "online");
    const [activating] = (await connector.listProducts({ page: 1, pageSize: 1, search: offer!.id })).items;
    expect(activating).toMatchObject({ status: "pending", native: { code: "ACTIVATING" } });
    const activated = await pollUntilDone(connector, started.kind === "accepted" ? started.ticket : "");
    if (activated.results[0]!.ok) {
      const ended = await connector.changeStatus([offer!.id], "offline");
      expect(await pollUntilDone(connector, ended.kind === "accepted" ? ended.ticket : "")).toEqual({ kind: "done", results: [{ id: offer!.id, ok: true }] });
      const [back] = (await connector.listProducts({ page: 1, pageSize: 1, search: offer!.id })).items;
      expect(back!.status).toBe("offline");
    }
  });

  it("ends a full command of 1000 offers and reads its whole report, drafts refused as never published", async () => {
    const { connector } = await link();
    const { items } = await connector.listProducts({ page: 1, pageSize: 1000 });
    const outcome = await connector.changeStatus(items.map((item) => item.id), "offline");
    requests = [];
    const done = await pollUntilDone(connector, outcome.kind === "accepted" ? outcome.ticket : "");
    expect(callsTo(`/sale/offer-publication-commands/${outcome.kind === "accepted" ? outcome.ticket : ""}/tasks`).at(-1)!.get("limit")).toBe("1000");
    expect(done.results).toHaveLength(1000);
    const drafts = new Set(items.filter((item) => item.native.code === "INACTIVE").map((item) => item.id));
    for (const result of done.results) {
      expect(result.ok).toBe(!drafts.has(result.id));
      if (!result.ok) expect(result.code).toBe("OFFER_NOT_PUBLISHED");
    }
  });

  it("refuses more than 1000 offers before calling Allegro, and does nothing for none", async () => {
    const { connector } = await link();
    requests = [];
    const ids = Array.from({ length: 1001 }, (_, index) => String(10_000_000_000 + index));
    expect(await failureOf(connector.changeStatus(ids, "offline"))).toMatchObject({ kind: "request", code: "batch_too_large" });
    expect(await connector.changeStatus([], "online")).toEqual({ kind: "done", results: [] });
    expect(requests).toHaveLength(0);
    expect(await failureOf(connector.checkStatusChange(randomUUID()))).toMatchObject({ kind: "request", code: "NotFoundException" });
  });
});

describe("systemic failures", () => {
  it("maps Allegro's 429 to throttled with its Retry-After, per account and on publication commands", async () => {
    const { connector } = await link();
    await setKnobs({ rateLimits: { allegro: { account: { requests: 2, perSeconds: 60 } } } });
    await connector.listProducts({ page: 1, pageSize: 5 });
    await connector.listProducts({ page: 2, pageSize: 5 });
    const throttled = await failureOf(connector.listProducts({ page: 3, pageSize: 5 }));
    expect(throttled).toMatchObject({ kind: "throttled", status: 429 });
    expect(throttled.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(throttled.systemic).toBe(true);
    await setKnobs({ rateLimits: { allegro: { account: { requests: 2490, perSeconds: 60 }, publication: { requests: 1, perSeconds: 10 } } } });
    const [offer] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    await connector.changeStatus([offer!.id], "offline");
    expect(await failureOf(connector.changeStatus([offer!.id], "offline"))).toMatchObject({ kind: "throttled" });
  });

  it.each([
    ["a 5xx", { serverError: 1 }, "unavailable"],
    ["a cut-off body", { malformed: 1 }, "invalid_response"],
  ])("maps %s to a systemic %s failure", async (_name, faults, kind) => {
    const { connector } = await link();
    await setKnobs({ faults });
    const error = await failureOf(connector.getCategory("1"));
    expect(error.kind).toBe(kind);
    expect(error.systemic).toBe(true);
  });
});

describe("the emulator refuses what Allegro refuses", () => {
  async function api(token: string, pathname: string, init: RequestInit = {}) {
    const answer = await fetch(`${platformBaseUrl(sandbox.url, "allegro")}${pathname}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, accept: MEDIA_TYPE, "content-type": MEDIA_TYPE, ...init.headers },
    });
    return { status: answer.status, body: (await answer.json()) as { errors?: { code: string; message: string; path?: string }[]; error?: string } };
  }

  it("a page over 1000 offers or a report page past offset 999", async () => {
    const { tokens } = await link();
    const tooLarge = await api(tokens.accessToken, "/sale/offers?limit=1001");
    expect(tooLarge).toMatchObject({ status: 400, body: { errors: [{ code: "VALIDATION_ERROR", path: "limit" }] } });
    const pastReport = await api(tokens.accessToken, `/sale/offer-publication-commands/${randomUUID()}/tasks?offset=1000`);
    expect(pastReport).toMatchObject({ status: 422, body: { errors: [{ code: "VALIDATION_ERROR" }] } });
  });

  it("a command of 1001 offers, a reused command id, and a call without the vnd media type", async () => {
    const { tokens } = await link();
    const offers = (count: number) => JSON.stringify({ publication: { action: "END" }, offerCriteria: [{ type: "CONTAINS_OFFERS", offers: Array.from({ length: count }, (_, index) => ({ id: String(index + 1) })) }] });
    const oversized = await api(tokens.accessToken, `/sale/offer-publication-commands/${randomUUID()}`, { method: "PUT", body: offers(1001) });
    expect(oversized.status).toBe(422);
    expect(oversized.body.errors![0]!.message).toContain("size must be between 0 and 1000");
    const commandId = randomUUID();
    expect((await api(tokens.accessToken, `/sale/offer-publication-commands/${commandId}`, { method: "PUT", body: offers(1) })).status).toBe(201);
    expect(await api(tokens.accessToken, `/sale/offer-publication-commands/${commandId}`, { method: "PUT", body: offers(1) })).toMatchObject({ status: 409, body: { errors: [{ code: "ConflictException" }] } });
    expect(await api(tokens.accessToken, "/me", { headers: { accept: "application/json" } })).toMatchObject({ status: 406, body: { errors: [{ code: "NotAcceptableException" }] } });
  });

  it("a token request without proper Basic client authentication", async () => {
    const answer = await fetch(`${platformBaseUrl(sandbox.url, "allegro")}/auth/oauth/token`, {
      method: "POST",
      headers: { authorization: "Basic not base64!", "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=refresh_token&refresh_token=x",
    });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: "unauthorized" });
  });
});
