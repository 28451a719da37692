// 1688's adapter against the sandbox over real HTTP: products stitched from list.get's pages of at most 20 in ID
// order (or by modification time), filtered by status lists, searched by title and id, filtered by modification time;
// one product with its SKUs, category path, images and quality stars; the category tree walked up by parent ids and a
// leaf's attributes with their cascade; display status by expire, repost and republish with refusals per product.
// The last block checks that the emulator refuses what 1688 refuses, in its gateway envelope.
import { describe, expect, it } from "vitest";
import cn1688 from "@/lib/marketplaces/1688";
import { signAop } from "@/lib/marketplaces/signing";
import type { Connector, DisplayStatus, ProductSummary } from "@/lib/marketplaces/types";
import { connectorFor, failureOf, fileSandbox, linkConnector, sandboxApp, setKnobs } from "../support/sandbox";
import { callsDuring, codeRefusals, expectDetail, expiredTokenFailure, expectModifiedRange, expectRateLimits, expectSearch, expectStatusChangeLimits, expectWindows, walkToLeaves, withoutCalls } from "./connector-checks";

/** What the test sandbox puts in each shop. */
const PRODUCTS = 300;

const sandbox = fileSandbox();
const appFor = (appSecret?: string) => sandboxApp(sandbox.url, "1688", appSecret);
const link = (sellerIndex = 0) => linkConnector(cn1688, appFor(), sellerIndex);

/** The whole list in ID order, newest first, read in aligned pages of 20. */
async function wholeList(connector: Connector): Promise<ProductSummary[]> {
  const items: ProductSummary[] = [];
  for (let page = 1; items.length < PRODUCTS; page++) items.push(...(await connector.listProducts({ page, pageSize: 20 })).items);
  return items;
}

/** A param2 call signed by hand with `_aop_signature` (the secret given, or the app's); HTTP status and JSON body. */
async function aopCall(apiName: string, params: Record<string, string>, secret = appFor().appSecret) {
  const app = appFor();
  const urlPath = `param2/1/com.alibaba.product/${apiName}/${app.appKey}`;
  const signed = { ...params, _aop_timestamp: String(Date.now()) };
  const response = await fetch(`${app.apiUrl}/openapi/${urlPath}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...signed, _aop_signature: signAop(secret, urlPath, signed) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("linking", () => {
  it("learns the member id and login from getToken, for each supplier chosen", async () => {
    const first = await link(0);
    const second = await link(1);
    expect(first.seller).toEqual({ sellerId: "b2b-2207416548807a4d1", shopName: "yiwujiaju" });
    expect(second.seller.sellerId).toBe("b2b-2219033145c8e60f2");
    // About half a year, from refresh_token_timeout.
    expect(Math.round((first.tokens.refreshTokenExpiresAt!.getTime() - Date.now()) / 86_400_000)).toBe(182);
  });
});

describe("products", () => {
  it("stitches portal pages of 50 and 100 at any offset from calls of at most 20 in ID order, complete and in order", async () => {
    const { connector } = await link();
    const whole = await wholeList(connector);
    expect(new Set(whole.map((item) => item.id)).size).toBe(PRODUCTS);
    expect(whole.map((item) => BigInt(item.id))).toEqual(whole.map((item) => BigInt(item.id)).sort((a, b) => (a > b ? -1 : 1)));
    await expectWindows(connector, whole, [[2, 50], [3, 50], [1, 100], [2, 100], [3, 100], [4, 37]], 20, (call) => {
      expect(call.params.get("orderByCondition")).toBe("ID");
      return Number(call.params.get("pageSize"));
    });
  });

  it("keeps 1688's status beside the portal's, and filters by the status list behind each portal status", async () => {
    const { connector } = await link();
    const whole = await wholeList(connector);
    expect(Object.fromEntries(whole.map((item) => [item.native.code, item.status]))).toEqual({
      published: "online",
      expired: "offline",
      new: "draft",
      modified: "pending",
      TBD: "pending",
      "member expired": "blocked",
      deleted: "deleted",
    });
    expect(whole.find((item) => item.native.code === "new")!.native.label).toBe("New, never listed (新发)");
    const lists: Record<string, string[]> = { online: ["published"], offline: ["expired"], draft: ["new"], pending: ["modified", "TBD"], blocked: ["member expired"], deleted: ["deleted"] };
    let counted = 0;
    for (const [status, statusList] of Object.entries(lists)) {
      const { result: filtered, calls } = await callsDuring(() => connector.listProducts({ page: 1, pageSize: PRODUCTS, status: status as DisplayStatus }));
      expect(calls.map((call) => JSON.parse(call.params.get("statusList")!) as string[])).toContainEqual(statusList);
      expect(filtered.items.map((item) => item.id)).toEqual(whole.filter((item) => item.status === status).map((item) => item.id));
      counted += filtered.total;
    }
    expect(counted).toBe(PRODUCTS);
    await withoutCalls(async () => {
      expect(await connector.listProducts({ page: 1, pageSize: 10, status: "unknown" })).toEqual({ items: [], total: 0 });
    });
  });

  it("sorts by modification time both ways and refuses a title sort without calling", async () => {
    const { connector } = await link();
    const times = async (sort: "modified_desc" | "modified_asc") => (await connector.listProducts({ page: 1, pageSize: 60, sort })).items.map((item) => item.modifiedAt!);
    const newestFirst = await times("modified_desc");
    expect(newestFirst).toEqual([...newestFirst].sort().reverse());
    const oldestFirst = await times("modified_asc");
    expect(oldestFirst).toEqual([...oldestFirst].sort());
    expect(oldestFirst[0]! < newestFirst[0]!).toBe(true);
    await withoutCalls(async () => {
      expect(await failureOf(connector.listProducts({ page: 1, pageSize: 10, sort: "title_asc" }))).toMatchObject({ kind: "request", code: "unsupported_sort" });
    });
  });

  it("searches titles by subjectKey and a bare id by productIds, within a category", async () => {
    const { connector } = await link();
    const [first] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    // The Chinese words between the brand and the model code.
    await expectSearch(connector, first!, first!.title.split(" ")[1]!);
    const inCategory = await connector.listProducts({ page: 1, pageSize: 100, categoryId: first!.categoryId });
    expect(inCategory.items.map((item) => item.id)).toContain(first!.id);
    expect(inCategory.items.every((item) => item.categoryId === first!.categoryId)).toBe(true);
  });

  it("filters by modification time, both bounds included", async () => {
    const { connector } = await link();
    await expectModifiedRange(connector, { sort: "modified_desc" });
  });

  it("reads one product with its SKUs, its category path to the leaf, its images, quality stars and attributes", async () => {
    const { connector } = await link();
    const [listed] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    const product = await connector.getProduct(listed!.id);
    expectDetail(product, listed!, "CNY");
    expect(product).toMatchObject({ categoryId: listed!.categoryId, price: listed!.price, stock: listed!.stock });
    expect(product.images.every((image) => image.startsWith("http"))).toBe(true);
    for (const sku of product.skus) expect(sku).toMatchObject({ name: sku.attributes["颜色"], price: product.price });
    expect(product.quality!.score).toBeGreaterThanOrEqual(0);
    expect(product.quality!.score).toBeLessThanOrEqual(5);
    expect(product.attributes.map((attribute) => attribute.name)).toContain("成色");
    const weight = product.attributes.find((attribute) => attribute.name === "重量");
    if (weight) expect(weight.value).toMatch(/^\d+ kg$/);
    expect(await failureOf(connector.getProduct("100000000001"))).toMatchObject({ kind: "request", code: "PRODUCT_NOT_EXIST" });
  });
});

describe("categories and attributes", () => {
  it("walks from the first level to a leaf, and finds a category's depth by walking up its parents", async () => {
    const { connector, tokens, seller } = await link();
    const leaves = await walkToLeaves(connector);
    const fresh = connectorFor(cn1688, appFor(), tokens.accessToken, seller.sellerId);
    expect(await fresh.getCategory(leaves.at(-1)!.id)).toEqual(leaves.at(-1));
    expect(await failureOf(fresh.getCategory("9999999"))).toMatchObject({ kind: "request", code: "CATEGORY_NOT_EXIST" });
  });

  it("reads a leaf's attributes: input types, units, values, required flags and the cascade; refuses a category that is not a leaf", async () => {
    const { connector } = await link();
    const [listed] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    const { attributes } = await connector.getAttributeSchema(listed!.categoryId!);
    const byName = new Map(attributes.map((attribute) => [attribute.name, attribute]));
    expect(byName.get("品牌")).toMatchObject({ type: "text", nativeType: "string/inputType 0", required: true });
    const condition = byName.get("成色")!;
    expect(condition).toMatchObject({ type: "single_enum", nativeType: "enum/inputType 1", required: true });
    expect(condition.values!.length).toBeGreaterThan(1);
    expect(byName.get("保修期")).toMatchObject({ type: "number", units: ["months"], required: true, dependsOn: { attributeId: condition.id, valueIds: [condition.values![0]!.id] } });
    expect(byName.get("重量")).toMatchObject({ type: "number", nativeType: "int/inputType -1", units: ["kg"] });
    expect(byName.get("材质")).toMatchObject({ type: "multi_enum", nativeType: "enum/inputType 2" });
    const [root] = await connector.listCategories(null);
    expect(await failureOf(connector.getAttributeSchema(root!.id))).toMatchObject({ kind: "request", code: "CATEGORY_NOT_LEAF" });
  });
});

describe("display status", () => {
  it("takes products offline by expire, skipping those already offline, and refuses per product with 1688's code", async () => {
    const { connector } = await link();
    const whole = await wholeList(connector);
    const first = (code: string) => whole.find((item) => item.native.code === code)!.id;
    const published = whole.filter((item) => item.native.code === "published").slice(0, 5).map((item) => item.id);
    const expected = new Map<string, string | null>([
      ...published.map((id) => [id, null] as const),
      [first("modified"), null],
      [first("expired"), null],
      [first("new"), "STATUS_NOT_ALLOWED"],
      [first("deleted"), "PRODUCT_DELETED"],
      [first("member expired"), "MEMBER_EXPIRED"],
      ["100000000001", "PRODUCT_NOT_EXIST"],
      ["not-an-id", "invalid_product_id"],
    ]);
    const { result: outcome, calls } = await callsDuring(() => connector.changeStatus([...expected.keys()], "offline"));
    expect(outcome.kind).toBe("done");
    const results = outcome.kind === "done" ? outcome.results : [];
    expect(results.map((result) => [result.id, result.ok ? null : result.code])).toEqual([...expected]);
    // The expired product was not sent: only products that must move are.
    const expired = calls.find((call) => call.url.pathname.includes("alibaba.product.expire"))!;
    expect(JSON.parse(expired.params.get("productIds")!)).not.toContain(Number(first("expired")));
    const after = new Map((await wholeList(connector)).map((item) => [item.id, item.native.code]));
    expect([...published, first("modified")].map((id) => after.get(id))).toEqual([...published, first("modified")].map(() => "expired"));
  });

  it("brings expired products back by repost and never-listed ones by republish, within the daily republish quota", async () => {
    const { connector } = await link();
    const whole = await wholeList(connector);
    const expired = whole.filter((item) => item.native.code === "expired").slice(0, 6).map((item) => item.id);
    const fresh = whole.filter((item) => item.native.code === "new").slice(0, 3).map((item) => item.id);
    await setKnobs(sandbox.url, { rateLimits: { "1688": { republish: { requests: 1, perSeconds: 86_400 } } } });
    const { result: outcome, calls } = await callsDuring(() => connector.changeStatus([...expired, ...fresh], "online"));
    const results = outcome.kind === "done" ? outcome.results : [];
    expect(calls.map((call) => call.url.pathname.split("/").at(-2))).toEqual(["alibaba.product.list.get", "alibaba.product.repost", "alibaba.product.republish"]);
    for (const result of results) if (!result.ok) expect(["REQUIRED_ATTRIBUTE_MISSING", "REPUBLISH_LIMIT_EXCEEDED"]).toContain(result.code);
    const republished = results.filter((result) => fresh.includes(result.id));
    expect(republished.filter((result) => result.ok).length).toBeLessThanOrEqual(1);
    expect(republished.some((result) => !result.ok && result.code === "REPUBLISH_LIMIT_EXCEEDED")).toBe(true);
    const online = results.filter((result) => result.ok).map((result) => result.id);
    expect(online.length).toBeGreaterThan(0);
    const after = new Map((await wholeList(connector)).map((item) => [item.id, item.status]));
    expect(online.map((id) => after.get(id))).toEqual(online.map(() => "online"));
  });

  it("changes one product or twenty, and refuses more than 20 before calling 1688", async () => {
    const { connector } = await link();
    const published = (await connector.listProducts({ page: 1, pageSize: 21, status: "online" })).items.map((item) => item.id);
    await expectStatusChangeLimits(connector, published);
    const [single, batch] = [published.pop()!, published];
    expect(await connector.changeStatus(batch, "offline")).toEqual({ kind: "done", results: batch.map((id) => ({ id, ok: true })) });
    expect(await connector.changeStatus([single], "offline")).toEqual({ kind: "done", results: [{ id: single, ok: true }] });
    expect((await connector.listProducts({ page: 1, pageSize: 1, status: "offline", search: single })).items).toHaveLength(1);
  });
});

describe("the emulator refuses what 1688 refuses", () => {
  it("a wrong signature, as gw.SignatureInvalid with HTTP 400 before any API runs", async () => {
    const { tokens, seller } = await link();
    const wrong = await aopCall("alibaba.product.list.get", { access_token: tokens.accessToken }, "not-the-secret");
    expect(wrong).toMatchObject({ status: 400, body: { error_code: "gw.SignatureInvalid", error_message: "Signature invalid", request_id: expect.any(String) } });
    expect(await aopCall("alibaba.product.list.get", { access_token: tokens.accessToken })).toMatchObject({ status: 200, body: { success: true } });
    const throughConnector = await failureOf(connectorFor(cn1688, appFor("not-the-secret"), tokens.accessToken, seller.sellerId).listProducts({ page: 1, pageSize: 5 }));
    expect(throughConnector).toMatchObject({ kind: "auth", code: "gw.SignatureInvalid", status: 400 });
    expect(throughConnector.message).not.toContain("not-the-secret");
  });

  it("an unknown or a reused authorization code, as invalid_grant", async () => {
    const { unknown, reused } = await codeRefusals(cn1688, appFor());
    expect(unknown).toMatchObject({ code: "invalid_grant", status: 400 });
    expect(reused).toMatchObject({ code: "invalid_grant", platformMessage: "authorization code has been used" });
  });

  it("an expired access token, as the gateway's 401, while the refresh token, never rotated, still works", async () => {
    const linked = await link();
    const expired = await expiredTokenFailure(sandbox.url, cn1688, appFor(), linked);
    expect(expired).toMatchObject({ code: "401", status: 401, platformMessage: "Request need user authorized: access_token expired" });
    await expect(cn1688.oauth.refresh(appFor(), linked.tokens.refreshToken!)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it("a page over 20, read as 20 as list.get documents", async () => {
    const { tokens } = await link();
    const { status, body } = await aopCall("alibaba.product.list.get", { access_token: tokens.accessToken, pageSize: "50" });
    expect(status).toBe(200);
    const { pageResult } = (body as { result: { pageResult: { sizePerPage: number; totalRecords: number; resultList: unknown[] } } }).result;
    expect(pageResult).toMatchObject({ sizePerPage: 20, totalRecords: PRODUCTS });
    expect(pageResult.resultList).toHaveLength(20);
  });

  it("calls over a supplier's rate or the app's, as gw.QosAppFrequencyLimit with HTTP 400", async () => {
    const [first, second] = [await link(0), await link(1)];
    const { account, app } = await expectRateLimits(sandbox.url, "1688", [first.connector, second.connector], (connector) => connector.listProducts({ page: 1, pageSize: 5 }));
    for (const error of [account, app]) expect(error).toMatchObject({ code: "gw.QosAppFrequencyLimit", status: 400 });
    expect(await aopCall("alibaba.product.list.get", { access_token: first.tokens.accessToken })).toMatchObject({ status: 400, body: { error_code: "gw.QosAppFrequencyLimit" } });
  });
});
