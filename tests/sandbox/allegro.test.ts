import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ALLEGRO_APP,
  ALLEGRO_MEDIA_TYPE,
  REDIRECT_URI,
  api,
  apiJson,
  authorizationCode,
  authorizeUrl,
  basic,
  consent,
  link,
  newVerifier,
  pollUntil,
  putConfig,
  refresh,
  resetSandbox,
  sleep,
  startTestSandbox,
  tokenRequest,
  type TestSandbox,
} from "./support";

type Offer = { id: string; name: string; category: { id: string }; publication: { status: string }; sellingMode: { price: { amount: string; currency: string } }; primaryImage: { url: string } };
type OfferList = { offers: Offer[]; count: number; totalCount: number };
type Category = { id: string; name: string; leaf: boolean; parent?: { id: string } };
type Task = { offer: { id: string }; status: string; message: string; errors: { code: string }[]; scheduledAt: string; finishedAt?: string };
type ApiErrors = { errors: { code: string; message: string; path?: string; userMessage: string }[] };

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => resetSandbox(sandbox.url));

describe("Allegro consent and authorization code", () => {
  it("shows the app, the platform and the demo shops, with Authorize and Deny buttons", async () => {
    const page = await fetch(authorizeUrl(sandbox.url, { verifier: newVerifier(), state: "s" }));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Stallkeeper");
    expect(html).toContain("Allegro");
    expect(html).toContain('data-testid="sandbox-authorize"');
    expect(html).toMatch(/value="deny"/);
    expect(html.match(/name="seller"/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("links the chosen shop: consent, code, token with PKCE, then /me", async () => {
    const tokens = await link(sandbox.url, { sellerId: "51234871" });
    expect(tokens).toMatchObject({ token_type: "bearer", allegro_api: true });
    expect(tokens.expires_in).toBe(12 * 60 * 60);
    expect(tokens.scope.split(" ")).toEqual(expect.arrayContaining(["allegro:api:sale:offers:read", "allegro:api:sale:offers:write"]));
    expect(tokens.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens.refresh_token).not.toBe(tokens.access_token);
    const me = await apiJson<{ id: string; login: string }>(sandbox.url, tokens.access_token, "/me");
    expect(me).toMatchObject({ id: "51234871", login: "sportowy-zakatek" });
  });

  it("echoes state with the code, and sends access_denied back on Deny", async () => {
    const approved = await consent(sandbox.url, { state: "opaque-123" });
    expect(approved.origin + approved.pathname).toBe(REDIRECT_URI);
    expect(approved.searchParams.get("state")).toBe("opaque-123");
    const denied = await consent(sandbox.url, { state: "opaque-456", decision: "deny" });
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(denied.searchParams.get("state")).toBe("opaque-456");
    expect(denied.searchParams.get("code")).toBeNull();
  });

  it("refuses foreign redirect URIs and unknown clients on a page, never by redirecting", async () => {
    const foreign = await fetch(authorizeUrl(sandbox.url, { verifier: newVerifier(), state: "s", redirectUri: "https://evil.example.com/cb" }), { redirect: "manual" });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("not a registered redirect address");
    const unknown = await fetch(authorizeUrl(sandbox.url, { verifier: newVerifier(), state: "s", clientId: "someone-else" }), { redirect: "manual" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Unknown application");
  });

  it("requires an S256 code challenge, answering on the redirect URI", async () => {
    const base = new URL(authorizeUrl(sandbox.url, { verifier: newVerifier(), state: "s" }));
    base.searchParams.delete("code_challenge");
    const missing = await fetch(base, { redirect: "manual" });
    expect(missing.status).toBe(302);
    expect(new URL(missing.headers.get("location")!).searchParams.get("error")).toBe("invalid_request");
    const plain = new URL(authorizeUrl(sandbox.url, { verifier: newVerifier(), state: "s" }));
    plain.searchParams.set("code_challenge_method", "plain");
    const refused = new URL((await fetch(plain, { redirect: "manual" })).headers.get("location")!);
    expect(refused.searchParams.get("error")).toBe("invalid_request");
    expect(refused.searchParams.get("error_description")).toContain("S256");
    expect(refused.searchParams.get("state")).toBe("s");
  });
});

describe("Allegro token endpoint", () => {
  it("answers 401 invalid_client to a wrong client secret, and asks for Basic credentials when there are none", async () => {
    const verifier = newVerifier();
    const code = await authorizationCode(sandbox.url, { verifier });
    const params = { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier };
    const wrong = await tokenRequest(sandbox.url, params, basic(ALLEGRO_APP.appKey, "not-the-secret"));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: "invalid_client" });
    const anonymous = await tokenRequest(sandbox.url, params, "");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Basic");
  });

  it("spends a code once: the second exchange is invalid_grant", async () => {
    const verifier = newVerifier();
    const code = await authorizationCode(sandbox.url, { verifier });
    const params = { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier };
    expect((await tokenRequest(sandbox.url, params)).status).toBe(200);
    const again = await tokenRequest(sandbox.url, params);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("checks the PKCE verifier and the redirect URI of the exchange", async () => {
    const cases = [
      { code_verifier: newVerifier(), redirect_uri: REDIRECT_URI },
      { code_verifier: undefined, redirect_uri: REDIRECT_URI },
      { code_verifier: "right", redirect_uri: "http://localhost:3000/elsewhere" },
    ];
    for (const variant of cases) {
      const verifier = newVerifier();
      const code = await authorizationCode(sandbox.url, { verifier });
      const params: Record<string, string> = { grant_type: "authorization_code", code, redirect_uri: variant.redirect_uri };
      if (variant.code_verifier) params.code_verifier = variant.code_verifier === "right" ? verifier : variant.code_verifier;
      const answer = await tokenRequest(sandbox.url, params);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ error: "invalid_grant" });
    }
  });

  it("refuses an unknown grant type and an expired code", async () => {
    const odd = await tokenRequest(sandbox.url, { grant_type: "password", username: "x" });
    expect(await odd.json()).toMatchObject({ error: "unsupported_grant_type" });
    await putConfig(sandbox.url, { tokenTtlScale: 0.0001 }); // codes live 60 ms
    const verifier = newVerifier();
    const code = await authorizationCode(sandbox.url, { verifier });
    await sleep(100);
    const late = await tokenRequest(sandbox.url, { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ error: "invalid_grant", error_description: "Authorization code expired" });
  });

  it("rotates refresh tokens: each refresh gives a new pair and the new access token works", async () => {
    const first = await link(sandbox.url);
    const answer = await refresh(sandbox.url, first.refresh_token);
    expect(answer.status).toBe(200);
    const second = (await answer.json()) as typeof first;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await api(sandbox.url, second.access_token, "/me")).status).toBe(200);
  });

  it("honours a spent refresh token within the grace period, and refuses it with invalid_grant after", async () => {
    const first = await link(sandbox.url);
    expect((await refresh(sandbox.url, first.refresh_token)).status).toBe(200);
    // Within Allegro's 60 s grace the spent token still works.
    const withinGrace = await refresh(sandbox.url, first.refresh_token);
    expect(withinGrace.status).toBe(200);
    const current = (await withinGrace.json()) as typeof first;

    await putConfig(sandbox.url, { tokenTtlScale: 0.001 }); // the grace shrinks to 60 ms
    const next = await refresh(sandbox.url, current.refresh_token);
    expect(next.status).toBe(200);
    await sleep(150);
    const reused = await refresh(sandbox.url, current.refresh_token);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: "invalid_grant", error_description: "Invalid refresh token: already used" });
    const latest = (await next.json()) as typeof first;
    expect((await refresh(sandbox.url, latest.refresh_token)).status).toBe(200);
  });
});

describe("Allegro API access", () => {
  it("answers 401 invalid_token once the access token expired", async () => {
    const verifier = newVerifier();
    const code = await authorizationCode(sandbox.url, { verifier });
    await putConfig(sandbox.url, { tokenTtlScale: 0.00002 }); // 12 h become under a second
    const answer = await tokenRequest(sandbox.url, { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    const tokens = (await answer.json()) as { access_token: string; expires_in: number };
    expect(tokens.expires_in).toBeLessThanOrEqual(1);
    await sleep(1000);
    const expired = await api(sandbox.url, tokens.access_token, "/me");
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ error: "invalid_token", error_description: "Access token expired" });
    expect(expired.headers.get("www-authenticate")).toContain("invalid_token");
    const garbage = await api(sandbox.url, "not-a-token", "/me");
    expect(await garbage.json()).toMatchObject({ error: "invalid_token", error_description: "Invalid access token" });
  });

  it("needs the vnd Accept header (406) and the scope the endpoint asks for (403)", async () => {
    const tokens = await link(sandbox.url);
    const json = await api(sandbox.url, tokens.access_token, "/sale/offers", { headers: { accept: "application/json" } });
    expect(json.status).toBe(406);
    expect(((await json.json()) as ApiErrors).errors[0]!.code).toBe("NotAcceptableException");
    const profileOnly = await link(sandbox.url, { scope: "allegro:api:profile:read" });
    expect((await api(sandbox.url, profileOnly.access_token, "/me")).status).toBe(200);
    expect((await api(sandbox.url, profileOnly.access_token, "/sale/offers")).status).toBe(403);
  });

  it("throttles with 429, Retry-After and Allegro's errors body", async () => {
    await putConfig(sandbox.url, { rateLimits: { allegro: { app: { requests: 3, perSeconds: 60 } } } });
    const tokens = await link(sandbox.url);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await api(sandbox.url, tokens.access_token, "/me");
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(last!.headers.get("content-type")).toContain(ALLEGRO_MEDIA_TYPE);
    expect(((await last!.json()) as ApiErrors).errors[0]!.code).toBe("TooManyRequestsException");
  });
});

describe("Allegro offers", () => {
  it("lists offers in the spec's shape with Allegro-style ids, 20 by default", async () => {
    const { access_token } = await link(sandbox.url);
    const list = await apiJson<OfferList>(sandbox.url, access_token, "/sale/offers");
    expect(list.count).toBe(20);
    expect(list.offers).toHaveLength(20);
    expect(list.totalCount).toBe(400);
    for (const offer of list.offers) {
      expect(offer.id).toMatch(/^\d{11}$/);
      expect(["ACTIVE", "INACTIVE", "ENDED"]).toContain(offer.publication.status);
      expect(offer.sellingMode.price).toMatchObject({ currency: "PLN", amount: expect.stringMatching(/^\d+\.\d{2}$/) });
    }
    const image = await fetch(list.offers[0]!.primaryImage.url);
    expect(image.headers.get("content-type")).toBe("image/svg+xml");
    expect(new URL(list.offers[0]!.primaryImage.url).origin).toBe(sandbox.url);
  });

  it("enforces the paging limits: limit 1-1000, offset + limit <= 10 000 000", async () => {
    const { access_token } = await link(sandbox.url);
    for (const query of ["limit=1001", "limit=0", "offset=9999999&limit=2", "offset=-1", "limit=ten"]) {
      const answer = await api(sandbox.url, access_token, `/sale/offers?${query}`);
      expect(answer.status, query).toBe(400);
      expect(((await answer.json()) as ApiErrors).errors[0]!.code).toBe("VALIDATION_ERROR");
    }
    const all = await apiJson<OfferList>(sandbox.url, access_token, "/sale/offers?limit=1000");
    expect(all.count).toBe(400);
    const far = await apiJson<OfferList>(sandbox.url, access_token, "/sale/offers?offset=9999000&limit=1000");
    expect(far).toMatchObject({ count: 0, totalCount: 400 });
    const second = await apiJson<OfferList>(sandbox.url, access_token, "/sale/offers?offset=20&limit=20");
    expect(second.offers.map((offer) => offer.id)).toEqual(all.offers.slice(20, 40).map((offer) => offer.id));
  });

  it("filters by repeated publication.status, name, category (with its subcategories) and offer id", async () => {
    const { access_token } = await link(sandbox.url);
    const count = async (query: string) => (await apiJson<OfferList>(sandbox.url, access_token, `/sale/offers?limit=1000&${query}`)).totalCount;
    const active = await count("publication.status=ACTIVE");
    const ended = await count("publication.status=ENDED");
    expect(active).toBeGreaterThan(0);
    expect(await count("publication.status=ACTIVE&publication.status=ENDED")).toBe(active + ended);
    const both = await apiJson<OfferList>(sandbox.url, access_token, "/sale/offers?limit=1000&publication.status=ACTIVE&publication.status=ENDED");
    expect(new Set(both.offers.map((offer) => offer.publication.status))).toEqual(new Set(["ACTIVE", "ENDED"]));

    const sample = both.offers[0]!;
    const word = sample.name.split(" ").at(-2)!.toLowerCase();
    const named = await apiJson<OfferList>(sandbox.url, access_token, `/sale/offers?limit=1000&name=${encodeURIComponent(word)}`);
    expect(named.totalCount).toBeGreaterThan(0);
    expect(named.offers.every((offer) => offer.name.toLowerCase().includes(word))).toBe(true);

    const { categories: roots } = await apiJson<{ categories: Category[] }>(sandbox.url, access_token, "/sale/categories");
    const perRoot = await Promise.all(roots.map((root) => count(`category.id=${root.id}`)));
    expect(perRoot.reduce((sum, n) => sum + n, 0)).toBe(400);

    const byId = await apiJson<OfferList>(sandbox.url, access_token, `/sale/offers?offer.id=${sample.id}`);
    expect(byId.offers.map((offer) => offer.id)).toEqual([sample.id]);
  });

  it("returns one offer with its parameters, and 404 in Allegro's shape for an unknown one", async () => {
    const { access_token } = await link(sandbox.url);
    const [first] = (await apiJson<OfferList>(sandbox.url, access_token, "/sale/offers?limit=1")).offers;
    const offer = await apiJson<{ id: string; parameters: { id: string }[]; images: { url: string }[]; validation: { errors: unknown[] } }>(
      sandbox.url,
      access_token,
      `/sale/offers/${first!.id}`,
    );
    expect(offer.id).toBe(first!.id);
    expect(offer.parameters.length).toBeGreaterThan(0);
    expect(offer.images.length).toBeGreaterThan(0);
    const missing = await api(sandbox.url, access_token, "/sale/offers/12345");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ApiErrors).errors[0]!.code).toBe("NotFoundException");
  });
});

describe("Allegro categories and parameters", () => {
  it("walks a three-level tree to leaves whose parameters cover every type and a dependency", async () => {
    const { access_token } = await link(sandbox.url);
    const children = async (parentId?: string) =>
      (await apiJson<{ categories: Category[] }>(sandbox.url, access_token, `/sale/categories${parentId ? `?parent.id=${parentId}` : ""}`)).categories;
    const roots = await children();
    expect(roots.length).toBeGreaterThanOrEqual(4);
    expect(roots.every((root) => !("parent" in root) && !root.leaf)).toBe(true);
    const middle = await children(roots[0]!.id);
    expect(middle.every((category) => category.parent?.id === roots[0]!.id && !category.leaf)).toBe(true);
    const leaves = await children(middle[0]!.id);
    expect(leaves.length).toBeGreaterThan(0);
    expect(leaves.every((leaf) => leaf.leaf)).toBe(true);
    expect(await children(leaves[0]!.id)).toEqual([]);

    const leaf = await apiJson<Category>(sandbox.url, access_token, `/sale/categories/${leaves[0]!.id}`);
    expect(leaf).toMatchObject({ id: leaves[0]!.id, leaf: true, parent: { id: middle[0]!.id } });

    type Parameter = { id: string; type: string; required: boolean; unit?: string; restrictions: Record<string, unknown>; dictionary?: unknown[]; options: { dependsOnParameterId: string | null; requiredDependsOnValueIds: string[] | null } };
    const { parameters } = await apiJson<{ parameters: Parameter[] }>(sandbox.url, access_token, `/sale/categories/${leaves[0]!.id}/parameters`);
    expect(new Set(parameters.map((parameter) => parameter.type))).toEqual(new Set(["string", "float", "dictionary"]));
    expect(parameters.some((parameter) => parameter.required)).toBe(true);
    expect(parameters.some((parameter) => parameter.type === "float" && parameter.unit)).toBe(true);
    expect(parameters.some((parameter) => parameter.type === "dictionary" && parameter.restrictions.multipleChoices === true)).toBe(true);
    const dependent = parameters.find((parameter) => parameter.options.dependsOnParameterId);
    expect(parameters.map((parameter) => parameter.id)).toContain(dependent!.options.dependsOnParameterId);
    expect(dependent!.options.requiredDependsOnValueIds!.length).toBeGreaterThan(0);

    const unknown = await api(sandbox.url, access_token, "/sale/categories/1");
    expect(unknown.status).toBe(404);
    expect((await api(sandbox.url, access_token, "/sale/categories?parent.id=1")).status).toBe(404);
  });
});

describe("Allegro offer publication commands", () => {
  const command = (action: "ACTIVATE" | "END", ids: string[]) =>
    JSON.stringify({ publication: { action }, offerCriteria: [{ type: "CONTAINS_OFFERS", offers: ids.map((id) => ({ id })) }] });
  const put = (token: string, id: string, body: string) =>
    api(sandbox.url, token, `/sale/offer-publication-commands/${id}`, { method: "PUT", body, headers: { "content-type": ALLEGRO_MEDIA_TYPE } });

  /** An inactive offer that can be activated, and one that lacks a required parameter. */
  async function pickOffers(token: string) {
    const { offers } = await apiJson<OfferList>(sandbox.url, token, "/sale/offers?limit=1000&publication.status=INACTIVE");
    let ready: string | undefined;
    let incomplete: string | undefined;
    for (const { id } of offers) {
      const detail = await apiJson<{ validation: { errors: unknown[] }; stock: { available: number } }>(sandbox.url, token, `/sale/offers/${id}`);
      if (detail.validation.errors.length) incomplete ??= id;
      else if (detail.stock.available > 0) ready ??= id;
      if (ready && incomplete) break;
    }
    return { ready: ready!, incomplete: incomplete! };
  }

  it("runs ACTIVATE and END asynchronously, NEW to SUCCESS or FAIL, moving offers through ACTIVATING", async () => {
    await putConfig(sandbox.url, { commandDelayMs: 400 });
    const { access_token } = await link(sandbox.url);
    const { ready, incomplete } = await pickOffers(access_token);
    const id = randomUUID();
    const created = await put(access_token, id, command("ACTIVATE", [ready, incomplete, "99999999999"]));
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id, taskCount: { total: 3, success: 0, failed: 0 } });

    const early = await apiJson<{ tasks: Task[] }>(sandbox.url, access_token, `/sale/offer-publication-commands/${id}/tasks`);
    expect(early.tasks.map((task) => task.status)).toEqual(["NEW", "NEW", "NEW"]);
    expect(early.tasks[0]).not.toHaveProperty("finishedAt");
    expect((await apiJson<Offer>(sandbox.url, access_token, `/sale/offers/${ready}`)).publication.status).toBe("ACTIVATING");

    const summary = await pollUntil(
      () => apiJson<{ taskCount: { total: number; success: number; failed: number } }>(sandbox.url, access_token, `/sale/offer-publication-commands/${id}`),
      (report) => report.taskCount.success + report.taskCount.failed === 3,
    );
    expect(summary).toEqual({ id, taskCount: { total: 3, success: 1, failed: 2 } });
    const { tasks } = await apiJson<{ tasks: Task[] }>(sandbox.url, access_token, `/sale/offer-publication-commands/${id}/tasks`);
    expect(tasks.map((task) => [task.offer.id, task.status])).toEqual([
      [ready, "SUCCESS"],
      [incomplete, "FAIL"],
      ["99999999999", "FAIL"],
    ]);
    expect(tasks[1]!.errors[0]!.code).toBe("MISSING_REQUIRED_PARAMETERS");
    expect(tasks[1]!.message).toContain("required parameters");
    expect(tasks[2]!.errors[0]!.code).toBe("NotFoundException");
    expect(tasks.every((task) => typeof task.finishedAt === "string")).toBe(true);
    expect((await apiJson<Offer>(sandbox.url, access_token, `/sale/offers/${ready}`)).publication.status).toBe("ACTIVE");

    const endId = randomUUID();
    expect((await put(access_token, endId, command("END", [ready]))).status).toBe(201);
    const ended = await pollUntil(
      () => apiJson<Offer>(sandbox.url, access_token, `/sale/offers/${ready}`),
      (offer) => offer.publication.status === "ENDED",
    );
    expect(ended.publication.status).toBe("ENDED");
  });

  it("refuses a reused command id (409), more than 1000 offers (422), a non-UUID id and a wrong content type", async () => {
    const { access_token } = await link(sandbox.url);
    const id = randomUUID();
    expect((await put(access_token, id, command("END", ["1"]))).status).toBe(201);
    expect((await put(access_token, id, command("END", ["1"]))).status).toBe(409);

    const tooMany = await put(access_token, randomUUID(), command("END", Array.from({ length: 1001 }, (_, n) => String(n))));
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as ApiErrors).errors[0]).toMatchObject({ code: "VALIDATION_ERROR", message: expect.stringContaining("size must be between 0 and 1000") });
    expect((await put(access_token, "not-a-uuid", command("END", ["1"]))).status).toBe(422);
    const json = await api(sandbox.url, access_token, `/sale/offer-publication-commands/${randomUUID()}`, { method: "PUT", body: command("END", ["1"]), headers: { "content-type": "application/json" } });
    expect(json.status).toBe(415);
  });

  it("pages the task report: 100 by default, up to 1000, and keeps commands to their seller", async () => {
    await putConfig(sandbox.url, { commandDelayMs: 0 });
    const { access_token } = await link(sandbox.url);
    const { offers } = await apiJson<OfferList>(sandbox.url, access_token, "/sale/offers?limit=150");
    const id = randomUUID();
    expect((await put(access_token, id, command("END", offers.map((offer) => offer.id)))).status).toBe(201);
    const tasks = (query: string) => apiJson<{ tasks: Task[] }>(sandbox.url, access_token, `/sale/offer-publication-commands/${id}/tasks${query}`);
    expect((await tasks("")).tasks).toHaveLength(100);
    expect((await tasks("?limit=1000")).tasks).toHaveLength(150);
    expect((await tasks("?offset=100")).tasks.map((task) => task.offer.id)).toEqual(offers.slice(100).map((offer) => offer.id));
    expect((await api(sandbox.url, access_token, `/sale/offer-publication-commands/${id}/tasks?limit=1001`)).status).toBe(422);

    const other = await link(sandbox.url, { sellerId: "60517733" });
    expect((await api(sandbox.url, other.access_token, `/sale/offer-publication-commands/${id}`)).status).toBe(404);
  });

  it("limits publication commands to their own rate", async () => {
    await putConfig(sandbox.url, { rateLimits: { allegro: { publication: { requests: 2, perSeconds: 1 } } } });
    const { access_token } = await link(sandbox.url);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await put(access_token, randomUUID(), command("END", ["1"]))).status);
    expect(statuses).toEqual([201, 201, 429]);
    expect((await api(sandbox.url, access_token, "/me")).status).toBe(200);
  });
});

describe("Allegro state across a restart", () => {
  it("keeps tokens, spent refresh tokens, status changes and command reports when the sandbox restarts on the same folder", async () => {
    const first = await startTestSandbox({ knobs: { commandDelayMs: 0 } });
    const tokens = await link(first.url);
    await putConfig(first.url, { tokenTtlScale: 0.001 }); // the spent token's grace ends within 60 ms
    const rotated = (await (await refresh(first.url, tokens.refresh_token)).json()) as typeof tokens;
    const { offers } = await apiJson<OfferList>(first.url, rotated.access_token, "/sale/offers?publication.status=ACTIVE&limit=1");
    const offerId = offers[0]!.id;
    const commandId = randomUUID();
    const body = JSON.stringify({ publication: { action: "END" }, offerCriteria: [{ type: "CONTAINS_OFFERS", offers: [{ id: offerId }] }] });
    const created = await api(first.url, rotated.access_token, `/sale/offer-publication-commands/${commandId}`, { method: "PUT", body, headers: { "content-type": ALLEGRO_MEDIA_TYPE } });
    expect(created.status).toBe(201);
    await first.close();

    const second = await startTestSandbox({ dataDir: first.dataDir });
    try {
      expect((await api(second.url, rotated.access_token, "/me")).status).toBe(200);
      expect((await api(second.url, tokens.access_token, "/me")).status).toBe(200);
      await sleep(100);
      expect((await refresh(second.url, tokens.refresh_token)).status).toBe(400);
      const report = await apiJson<{ taskCount: { success: number } }>(second.url, rotated.access_token, `/sale/offer-publication-commands/${commandId}`);
      expect(report.taskCount.success).toBe(1);
      expect((await apiJson<Offer>(second.url, rotated.access_token, `/sale/offers/${offerId}`)).publication.status).toBe("ENDED");
      expect((await refresh(second.url, rotated.refresh_token)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
