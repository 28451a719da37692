// The Allegro emulator against Allegro's published API description (shared/specs/allegro-openapi.yaml, beside
// the repository): every answer the connector reads, and the refusals the description gives a body, are fetched
// from the sandbox over real HTTP and validated against the response schema for their path, method and status.
// The description is read where it lies, never copied; a clone without ../shared skips this file.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import allegro from "@/lib/marketplaces/allegro";
import type { PlatformAdapter } from "@/lib/marketplaces/platform";
import type { TokenSet } from "@/lib/marketplaces/types";
import { platformBaseUrl } from "@/lib/sandbox/config";
import type { RunningSandbox } from "@/lib/sandbox/server";
import { loadOpenApi, type OpenApiSpec } from "../support/openapi";
import { linkThroughConsent, sandboxApp, setKnobs, startTestSandbox } from "../support/sandbox";

const SPEC_FILE = path.resolve(__dirname, "../../../shared/specs/allegro-openapi.yaml");
const MEDIA_TYPE = "application/vnd.allegro.public.v1+json";

type Answer = { status: number; contentType: string; body: unknown };

// Without the description the suite is skipped under a title that says why.
const missing = existsSync(SPEC_FILE) ? null : `skipped: Allegro's API description is not at ${SPEC_FILE} (this clone has no ../shared beside it)`;

describe.skipIf(missing !== null)(missing ?? "Allegro's sandbox answers match allegro-openapi.yaml", () => {
  let spec: OpenApiSpec;
  let sandbox: RunningSandbox;
  let base: string;
  let token: string;

  beforeAll(async () => {
    spec = loadOpenApi(SPEC_FILE);
    // Tasks stay NEW for a moment, so a report is seen both unfinished and finished.
    sandbox = await startTestSandbox({ commandDelayMs: 400 });
    base = platformBaseUrl(sandbox.url, "allegro");
    token = (await link()).accessToken;
  });
  afterAll(() => sandbox?.close());

  const app = () => sandboxApp(sandbox.url, "allegro");

  /** A seller's tokens through the consent page; `scope` replaces the portal's scopes in the authorize URL. */
  async function link(scope?: string): Promise<TokenSet> {
    const adapter: PlatformAdapter = scope
      ? { ...allegro, oauth: { ...allegro.oauth, authorizeUrl: (config, input) => withScope(allegro.oauth.authorizeUrl(config, input), scope) } }
      : allegro;
    return (await linkThroughConsent(adapter, app())).tokens;
  }

  function withScope(url: string, scope: string): string {
    const parsed = new URL(url);
    parsed.searchParams.set("scope", scope);
    return parsed.toString();
  }

  async function call(method: string, pathname: string, init: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
    const bearer = init.token === undefined ? token : init.token;
    const headers: Record<string, string> = { accept: MEDIA_TYPE, ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) };
    if (init.body !== undefined) headers["content-type"] = MEDIA_TYPE;
    const answer = await fetch(`${base}${pathname}`, { method, headers: { ...headers, ...init.headers }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const text = await answer.text();
    return { status: answer.status, contentType: answer.headers.get("content-type") ?? "", body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** The answer has the expected status, and the description lists that status for the operation. */
  function described(method: string, template: string, answer: Answer, expectedStatus: number) {
    const where = `${method} ${template} -> ${answer.status}`;
    expect(answer.status, `${where}: ${JSON.stringify(answer.body)?.slice(0, 300)}`).toBe(expectedStatus);
    const result = spec.check(method, template, answer.status, answer.body, answer.contentType);
    if (!result.documented) throw new Error(`${where}: the description knows only ${result.statuses.join(", ")}`);
    return { where, result };
  }

  /** A described status whose body matches the schema the description gives it in the answer's media type. */
  function expectDescribed(method: string, template: string, answer: Answer, expectedStatus: number) {
    const { where, result } = described(method, template, answer, expectedStatus);
    if (result.schema === null) {
      const given = result.mediaTypes.length ? `a body only as ${result.mediaTypes.join(", ")}` : "no body";
      throw new Error(`${where} answers ${answer.contentType || "no content type"}, but the description gives ${given}`);
    }
    expect(result.errors, `${where} against ${result.schema}`).toEqual([]);
  }

  /** A status the description lists for the operation with no body at all: only the status can be checked. */
  function expectDescribedWithoutBody(method: string, template: string, answer: Answer, expectedStatus: number) {
    const { where, result } = described(method, template, answer, expectedStatus);
    expect(result, where).toMatchObject({ schema: null, mediaTypes: [] });
  }

  /** An answer against a named schema of the description (for refusals it gives a shape but not this operation). */
  function expectSchema(name: string, answer: Answer, what: string) {
    expect(answer.contentType, `${what} answers JSON`).toMatch(/json/);
    expect(spec.validate(name, answer.body).errors, `${what} against ${name}`).toEqual([]);
  }

  /** Every schema the description gives an answer of this status, on any operation. */
  function schemasForStatus(status: number): string[] {
    const found = new Set<string>();
    for (const item of Object.values(spec.document.paths as Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>)) {
      for (const operation of Object.values(item)) {
        for (const media of Object.values(operation.responses?.[String(status)]?.content ?? {})) {
          if (media.schema?.$ref) found.add(media.schema.$ref.replace("#/components/schemas/", ""));
        }
      }
    }
    return [...found];
  }

  async function offersPage(query = "limit=1000"): Promise<{ id: string; publication: { status: string }; category: { id: string } }[]> {
    const answer = await call("GET", `/sale/offers?${query}`);
    return (answer.body as { offers: { id: string; publication: { status: string }; category: { id: string } }[] }).offers;
  }

  describe("OAuth", () => {
    it("serves the authorize and token URLs at the paths the description's security schemes name", async () => {
      const schemes = (spec.document.components as { securitySchemes: Record<string, { flows: Record<string, { authorizationUrl?: string; tokenUrl?: string }> }> }).securitySchemes;
      const { authorizationUrl, tokenUrl } = schemes["bearer-token-for-user"]!.flows.authorizationCode!;
      const authorize = new URL(allegro.oauth.authorizeUrl(app(), { state: "s", codeChallenge: "c".repeat(43) }));
      expect(authorize.pathname).toBe(`/allegro${new URL(authorizationUrl!).pathname}`);
      expect(new URL(tokenUrl!).pathname).toBe("/auth/oauth/token");
      // The description has no body schema for the token endpoint's answer (it is not among its paths); the
      // connector's tokenSchema and tests/platforms/allegro.test.ts cover it. Its refusals are AuthErrors.
      const token = await fetch(`${base}/auth/oauth/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=refresh_token&refresh_token=x" });
      expectSchema("AuthError", { status: token.status, contentType: token.headers.get("content-type") ?? "", body: await token.json() }, "a token request without client authentication");
    });

    it("refuses a bad client or a spent grant with the description's AuthError", async () => {
      const basic = (secret: string) => `Basic ${Buffer.from(`${app().appKey}:${secret}`).toString("base64")}`;
      for (const [secret, body] of [
        ["wrong", "grant_type=refresh_token&refresh_token=x"],
        [app().appSecret, "grant_type=refresh_token&refresh_token=unknown"],
        [app().appSecret, "grant_type=password"],
      ] as const) {
        const answer = await fetch(`${base}/auth/oauth/token`, { method: "POST", headers: { authorization: basic(secret), "content-type": "application/x-www-form-urlencoded" }, body });
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expectSchema("AuthError", { status: answer.status, contentType: answer.headers.get("content-type") ?? "", body: await answer.json() }, `token ${body}`);
      }
    });
  });

  describe("GET /me", () => {
    it("answers MeResponse", async () => {
      expectDescribed("GET", "/me", await call("GET", "/me"), 200);
    });

    it("answers 401 with AuthError without a token, with an unknown one and with an expired one", async () => {
      expectDescribed("GET", "/me", await call("GET", "/me", { token: null }), 401);
      expectDescribed("GET", "/me", await call("GET", "/me", { token: "forged" }), 401);
      // Linked at the normal scale (the code must outlive the exchange), then refreshed into a 43 ms access token.
      const { refreshToken } = await link();
      await setKnobs(sandbox.url, { tokenTtlScale: 0.000001 });
      const shortLived = await allegro.oauth.refresh(app(), refreshToken!).finally(() => setKnobs(sandbox.url, { tokenTtlScale: 1 }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expectDescribed("GET", "/me", await call("GET", "/me", { token: shortLived.accessToken }), 401);
    });
  });

  describe("GET /sale/offers", () => {
    it("answers OffersSearchResultDto for whole pages and for each filter the connector sends", async () => {
      for (const query of ["", "limit=1000", "limit=1000&offset=1000", "limit=5&offset=99999", "publication.status=ENDED&limit=50", "publication.status=INACTIVE&limit=50", "name=a&limit=20"]) {
        expectDescribed("GET", "/sale/offers", await call("GET", `/sale/offers?${query}`), 200);
      }
      const [first] = await offersPage("limit=1");
      expectDescribed("GET", "/sale/offers", await call("GET", `/sale/offers?offer.id=${first!.id}`), 200);
      expectDescribed("GET", "/sale/offers", await call("GET", `/sale/offers?category.id=${first!.category.id}&limit=100`), 200);
    });

    it("answers 400 with ErrorsHolder for a page over Allegro's limit", async () => {
      expectDescribed("GET", "/sale/offers", await call("GET", "/sale/offers?limit=1001"), 400);
      expectDescribed("GET", "/sale/offers", await call("GET", "/sale/offers?publication.status=SOLD"), 400);
    });

    it("answers 403 with ErrorsHolder to a token without the offers scope", async () => {
      const profileOnly = await link("allegro:api:profile:read");
      expectDescribed("GET", "/sale/offers", await call("GET", "/sale/offers", { token: profileOnly.accessToken }), 403);
    });
  });

  describe("GET /sale/offers/{offerId}", () => {
    it("answers Offer for offers of every status, with and without missing parameters", async () => {
      const offers = await offersPage();
      const byStatus = new Map<string, string[]>();
      for (const offer of offers) byStatus.set(offer.publication.status, [...(byStatus.get(offer.publication.status) ?? []), offer.id]);
      expect([...byStatus.keys()].sort()).toEqual(["ACTIVE", "ENDED", "INACTIVE"]);
      let withValidationErrors = 0;
      for (const id of [...byStatus.values()].flatMap((ids) => ids.slice(0, 25))) {
        const answer = await call("GET", `/sale/offers/${id}`);
        expectDescribed("GET", "/sale/offers/{offerId}", answer, 200);
        if ((answer.body as { validation?: { errors?: unknown[] } }).validation?.errors?.length) withValidationErrors++;
      }
      expect(withValidationErrors, "some offers lack required parameters").toBeGreaterThan(0);
    });

    it("answers 404 for an unknown offer, a status the description lists without a body", async () => {
      expectDescribedWithoutBody("GET", "/sale/offers/{offerId}", await call("GET", "/sale/offers/99999999999"), 404);
    });
  });

  describe("categories and parameters", () => {
    it("answers CategoriesDto and CategoryDto from the roots down to the leaves, and CategoryParameterList for leaves", async () => {
      const roots = await call("GET", "/sale/categories");
      expectDescribed("GET", "/sale/categories", roots, 200);
      let level = (roots.body as { categories: { id: string; leaf: boolean }[] }).categories;
      const types = new Set<string>();
      for (let depth = 0; depth < 3 && level.length; depth++) {
        const next: { id: string; leaf: boolean }[] = [];
        for (const category of level.slice(0, 3)) {
          expectDescribed("GET", "/sale/categories/{categoryId}", await call("GET", `/sale/categories/${category.id}`), 200);
          if (category.leaf) {
            const parameters = await call("GET", `/sale/categories/${category.id}/parameters`);
            expectDescribed("GET", "/sale/categories/{categoryId}/parameters", parameters, 200);
            for (const parameter of (parameters.body as { parameters: { type: string }[] }).parameters) types.add(parameter.type);
            continue;
          }
          const children = await call("GET", `/sale/categories?parent.id=${category.id}`);
          expectDescribed("GET", "/sale/categories", children, 200);
          next.push(...(children.body as { categories: { id: string; leaf: boolean }[] }).categories);
        }
        level = next;
      }
      expect([...types].sort(), "every parameter type the sandbox makes was validated").toEqual(["dictionary", "float", "string"]);
    });

    it("answers 404 with ErrorsHolder for an unknown parent or category", async () => {
      expectDescribed("GET", "/sale/categories", await call("GET", "/sale/categories?parent.id=000000"), 404);
      expectDescribed("GET", "/sale/categories/{categoryId}", await call("GET", "/sale/categories/000000"), 404);
      expectDescribed("GET", "/sale/categories/{categoryId}/parameters", await call("GET", "/sale/categories/000000/parameters"), 404);
    });
  });

  describe("offer publication commands", () => {
    it("answers GeneralReport to PUT and GET, and TaskReport while tasks are NEW and once they are done", async () => {
      const offers = await offersPage();
      const ended = offers.filter((offer) => offer.publication.status === "ENDED").slice(0, 20).map((offer) => offer.id);
      const drafts = offers.filter((offer) => offer.publication.status === "INACTIVE").slice(0, 5).map((offer) => offer.id);
      const activate = randomUUID();
      const template = "/sale/offer-publication-commands/{commandId}";
      const put = await call("PUT", `/sale/offer-publication-commands/${activate}`, { body: { publication: { action: "ACTIVATE" }, offerCriteria: [{ type: "CONTAINS_OFFERS", offers: ended.map((id) => ({ id })) }] } });
      expectDescribed("PUT", template, put, 201);
      expectDescribed("GET", template, await call("GET", `/sale/offer-publication-commands/${activate}`), 200);
      const pending = await call("GET", `/sale/offer-publication-commands/${activate}/tasks?limit=1000`);
      expectDescribed("GET", `${template}/tasks`, pending, 200);
      expect((pending.body as { tasks: { status: string }[] }).tasks.some((task) => task.status === "NEW")).toBe(true);
      // An offer under activation, as the list and the offer show it.
      expectDescribed("GET", "/sale/offers", await call("GET", "/sale/offers?publication.status=ACTIVATING&limit=20"), 200);
      expectDescribed("GET", "/sale/offers/{offerId}", await call("GET", `/sale/offers/${ended[0]}`), 200);

      const end = randomUUID();
      const ending = [...drafts, ...offers.filter((offer) => offer.publication.status === "ACTIVE").slice(0, 5).map((offer) => offer.id), "99999999999"];
      expectDescribed("PUT", template, await call("PUT", `/sale/offer-publication-commands/${end}`, { body: { publication: { action: "END" }, offerCriteria: [{ type: "CONTAINS_OFFERS", offers: ending.map((id) => ({ id })) }] } }), 201);
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const id of [activate, end]) {
        expectDescribed("GET", template, await call("GET", `/sale/offer-publication-commands/${id}`), 200);
        const done = await call("GET", `/sale/offer-publication-commands/${id}/tasks`);
        expectDescribed("GET", `${template}/tasks`, done, 200);
        const statuses = (done.body as { tasks: { status: string }[] }).tasks.map((task) => task.status);
        expect(statuses.every((status) => status === "SUCCESS" || status === "FAIL")).toBe(true);
      }
      const finished = await call("GET", `/sale/offer-publication-commands/${end}/tasks`);
      expect((finished.body as { tasks: { status: string }[] }).tasks.filter((task) => task.status === "FAIL").length, "drafts and the unknown offer fail").toBe(drafts.length + 1);
    });

    it("refuses with statuses the description lists: 404, 409 and 422", async () => {
      const template = "/sale/offer-publication-commands/{commandId}";
      const body = { publication: { action: "END" }, offerCriteria: [{ type: "CONTAINS_OFFERS", offers: [{ id: "1" }] }] };
      expectDescribedWithoutBody("GET", template, await call("GET", `/sale/offer-publication-commands/${randomUUID()}`), 404);
      expectDescribedWithoutBody("GET", `${template}/tasks`, await call("GET", `/sale/offer-publication-commands/${randomUUID()}/tasks`), 404);
      expectDescribedWithoutBody("GET", `${template}/tasks`, await call("GET", `/sale/offer-publication-commands/${randomUUID()}/tasks?offset=1000`), 422);
      const id = randomUUID();
      expectDescribed("PUT", template, await call("PUT", `/sale/offer-publication-commands/${id}`, { body }), 201);
      expectDescribedWithoutBody("PUT", template, await call("PUT", `/sale/offer-publication-commands/${id}`, { body }), 409);
      const oversized = { ...body, offerCriteria: [{ type: "CONTAINS_OFFERS", offers: Array.from({ length: 1001 }, (_, index) => ({ id: String(index + 1) })) }] };
      expectDescribedWithoutBody("PUT", template, await call("PUT", `/sale/offer-publication-commands/${randomUUID()}`, { body: oversized }), 422);
      expectDescribedWithoutBody("PUT", template, await call("PUT", `/sale/offer-publication-commands/not-a-uuid`, { body }), 422);
    });
  });

  describe("systemic answers", () => {
    it("throttles (429) and fails (500) with the one schema the description gives those statuses anywhere", async () => {
      for (const [status, knobs] of [
        [429, { throttle: 1 }],
        [500, { serverError: 1 }],
      ] as const) {
        const schemas = schemasForStatus(status);
        expect(schemas, `the description's ${status} answers share one schema`).toHaveLength(1);
        await setKnobs(sandbox.url, { faults: knobs });
        const answer = await call("GET", "/sale/offers");
        await setKnobs(sandbox.url, { faults: { throttle: 0, serverError: 0 } });
        expect(answer.status).toBe(status);
        expectSchema(schemas[0]!, answer, `GET /sale/offers -> ${status}`);
      }
      // The real buckets answer the same way as the injected fault.
      await setKnobs(sandbox.url, { rateLimits: { allegro: { publication: { requests: 1, perSeconds: 60 } } } });
      const body = { publication: { action: "END" }, offerCriteria: [{ type: "CONTAINS_OFFERS", offers: [{ id: "1" }] }] };
      await call("PUT", `/sale/offer-publication-commands/${randomUUID()}`, { body });
      const throttled = await call("PUT", `/sale/offer-publication-commands/${randomUUID()}`, { body });
      expect(throttled.status).toBe(429);
      expectSchema(schemasForStatus(429)[0]!, throttled, "PUT /sale/offer-publication-commands/{commandId} -> 429");
    });
  });
});
