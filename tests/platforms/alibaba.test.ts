// Alibaba.com (ICBU)'s adapter against the sandbox over real HTTP: products stitched from ICBU's pages of at most 30,
// searched by title and by plain id, filtered by modification time; one product with its SKUs, category path, images
// and quality score; the category tree and the publish-rule XML as attribute definitions; display on and off in
// batches of 20 with refusals per product. The last block checks that the emulator refuses what ICBU refuses.
import { describe, expect, it } from "vitest";
import alibaba from "@/lib/marketplaces/alibaba";
import type { Connector, ProductSummary } from "@/lib/marketplaces/types";
import { connectorFor, failureOf, fileSandbox, linkConnector, sandboxApp } from "../support/sandbox";
import { codeRefusals, expectDetail, expiredTokenFailure, expectModifiedRange, expectRateLimits, expectSearch, expectStatusChangeLimits, expectWindows, walkToLeaves, withoutCalls } from "./connector-checks";
import { expectCatalogAttributes, rawCall } from "./iop-support";

/** What the test sandbox puts in each shop. */
const PRODUCTS = 300;
const LIST_PATH = "/alibaba/icbu/product/list";

const sandbox = fileSandbox();
const appFor = (appSecret?: string) => sandboxApp(sandbox.url, "alibaba", appSecret);
const link = (sellerIndex = 0) => linkConnector(alibaba, appFor(), sellerIndex);

/** The whole list in the one order ICBU gives it (newest change first), read in aligned pages of 30. */
async function wholeList(connector: Connector): Promise<ProductSummary[]> {
  const items: ProductSummary[] = [];
  for (let page = 1; items.length < PRODUCTS; page++) items.push(...(await connector.listProducts({ page, pageSize: 30 })).items);
  return items;
}

/** ICBU's product list called by hand on `/rest`, signed with the path (or `options.secret`, or without the path). */
const listCall = (accessToken: string, params: Record<string, string>, options: { secret?: string; signedPath?: string } = {}) =>
  rawCall(appFor(), { path: `/rest${LIST_PATH}`, signedPath: "signedPath" in options ? options.signedPath : LIST_PATH, secret: options.secret, params: { access_token: accessToken, ...params } });

describe("linking", () => {
  it("learns the supplier's member id and login from the token answer, for each shop chosen", async () => {
    const first = await link(0);
    const second = await link(1);
    expect(first.seller).toEqual({ sellerId: "220456718", shopName: "cn1519273846ysgw" });
    expect(second.seller.sellerId).toBe("231907354");
  });
});

describe("products", () => {
  it("stitches portal pages of 50 and 100 at any offset from calls of at most 30 in English, complete and in order", async () => {
    const { connector } = await link();
    const whole = await wholeList(connector);
    expect(new Set(whole.map((item) => item.id)).size).toBe(PRODUCTS);
    await expectWindows(connector, whole, [[2, 50], [4, 50], [1, 100], [2, 100], [3, 100], [3, 37]], 30, (call) => {
      expect(call.url.pathname.endsWith(`/rest${LIST_PATH}`) && call.params.get("language")).toBe("ENGLISH");
      return Number(call.params.get("page_size"));
    });
  });

  it("keeps ICBU's status and display beside the portal's status, and refuses a status filter or another order without calling", async () => {
    const { connector } = await link();
    const whole = await wholeList(connector);
    const seen = Object.fromEntries(whole.map((item) => [item.native.code, item.status]));
    expect(seen).toEqual({ "approved:Y": "online", "approved:N": "offline", "new:N": "pending", "modified:N": "pending", "tbd:N": "blocked", "sketch:N": "draft" });
    expect(whole.find((item) => item.native.code === "approved:N")!.native.label).toBe("Approved, off display");
    await withoutCalls(async () => {
      expect(await failureOf(connector.listProducts({ page: 1, pageSize: 10, status: "online" }))).toMatchObject({ kind: "request", code: "unsupported_filter" });
      expect(await failureOf(connector.listProducts({ page: 1, pageSize: 10, sort: "title_asc" }))).toMatchObject({ kind: "request", code: "unsupported_sort" });
    });
    expect((await connector.listProducts({ page: 1, pageSize: 10, sort: "modified_desc" })).items).toEqual(whole.slice(0, 10));
  });

  it("searches titles by subject, and a product by the encrypted id the portal shows or by the plain id alibaba.com shows", async () => {
    const { connector, tokens } = await link();
    const whole = await wholeList(connector);
    const [first] = whole;
    // The plain id is the one in alibaba.com's product links; only the list answer carries it.
    const listed = (await listCall(tokens.accessToken, { language: "ENGLISH", page_size: "1" })) as { result: { products: { id: number; product_id: string }[] } };
    const { id: plainId, product_id: encryptedId } = listed.result.products[0]!;
    expect(encryptedId).toBe(first!.id);
    await expectSearch(connector, first!, first!.title.split(" ")[0]!, String(plainId));
    await expectSearch(connector, first!, first!.title.split(" ")[0]!, first!.id);
    // A long word is asked as an id first; not being one, it is searched in titles.
    const longWord = whole.flatMap((item) => item.title.split(" ")).find((word) => /^[A-Za-z]{8,}$/.test(word));
    expect(longWord, "some title has a word of eight letters or more").toBeDefined();
    const byWord = await connector.listProducts({ page: 1, pageSize: 100, search: longWord });
    expect(byWord.items.length).toBeGreaterThan(0);
    expect(byWord.items.every((item) => item.title.includes(longWord!))).toBe(true);
    const inCategory = await connector.listProducts({ page: 1, pageSize: 100, categoryId: first!.categoryId });
    expect(inCategory.items.map((item) => item.id)).toContain(first!.id);
    expect(inCategory.items.every((item) => item.categoryId === first!.categoryId)).toBe(true);
  });

  it("filters by modification time, both bounds included", async () => {
    const { connector } = await link();
    await expectModifiedRange(connector);
  });

  it("reads one product with its SKUs, its category path to the leaf, its images, quality score and attributes", async () => {
    const { connector } = await link();
    const [listed] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    const product = await connector.getProduct(listed!.id);
    expectDetail(product, listed!, "USD");
    expect(product.categoryId).toBe(listed!.categoryId);
    expect(product.price).toEqual({ amount: expect.stringMatching(/^\d+\.\d{2}$/), currency: "USD" });
    for (const sku of product.skus) expect(sku).toMatchObject({ name: sku.attributes.Color, price: product.price });
    expect(product.categoryPath.every((node) => node.altName)).toBe(true);
    expect(product.quality!.score).toBeGreaterThanOrEqual(1);
    expect(product.quality!.score).toBeLessThanOrEqual(5);
    expect(["Premium", "Normal", "Low quality", "Strong product"]).toContain(product.quality!.label);
    expect(product.attributes.map((attribute) => attribute.name)).toContain("Condition");
    const weight = product.attributes.find((attribute) => attribute.name === "Weight");
    if (weight) expect(weight.value).toMatch(/^\d+ kg$/);
    expect(await failureOf(connector.getProduct("NOSUCHPRODUCT"))).toMatchObject({ kind: "request", code: "PRODUCT_NOT_EXIST" });
  });
});

describe("categories and the publish-rule schema", () => {
  it("walks from the roots to a leaf, each level knowing its depth and parent", async () => {
    const { connector } = await link();
    const leaves = await walkToLeaves(connector);
    expect(await connector.getCategory(leaves[0]!.id)).toEqual(leaves[0]);
    expect(await failureOf(connector.getCategory("999999999"))).toMatchObject({ kind: "request", code: "CATEGORY_NOT_EXIST" });
  });

  it("reads a leaf's XML schema as attribute definitions, and refuses a category that is not a leaf", async () => {
    const { connector } = await link();
    const [listed] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    const schema = await connector.getAttributeSchema(listed!.categoryId!);
    expect(schema.categoryId).toBe(listed!.categoryId);
    expectCatalogAttributes(schema.attributes);
    const nativeTypes = Object.fromEntries(schema.attributes.map((attribute) => [attribute.name, attribute.nativeType]));
    expect(nativeTypes).toMatchObject({ Brand: "input", Condition: "singleCheck", Material: "multiCheck", Weight: "complex" });
    const [root] = await connector.listCategories(null);
    expect(await failureOf(connector.getAttributeSchema(root!.id))).toMatchObject({ kind: "request", code: "CHK_CAT_NOT_LEAF" });
  });
});

describe("display status", () => {
  it("puts products on and off display in one call, refusing each product ICBU refuses with its reason", async () => {
    const { connector } = await link();
    const whole = await wholeList(connector);
    const first = (code: string) => whole.find((item) => item.native.code === code)!.id;
    const offDisplay = whole.filter((item) => item.native.code === "approved:N").slice(0, 8).map((item) => item.id);
    const refusedFor = new Map([
      [first("tbd:N"), "PUB_BIZCHECK_AUDIT_REJECTED"],
      [first("sketch:N"), "PUB_BIZCHECK_PRODUCT_IS_DRAFT"],
      [first("new:N"), "PUB_BIZCHECK_PRODUCT_NOT_EDITABLE"],
      ["FOREIGN0ID", "PUB_BIZCHECK_NOT_PRODUCT_OWNER"],
    ]);
    const ids = [...offDisplay, ...refusedFor.keys()];
    const outcome = await connector.changeStatus(ids, "online");
    const results = outcome.kind === "done" ? outcome.results : [];
    expect(results.map((result) => result.id)).toEqual(ids);
    for (const result of results) {
      if (refusedFor.has(result.id)) expect(result).toMatchObject({ ok: false, code: refusedFor.get(result.id) });
      // An approved product goes on display unless a required attribute is missing.
      else if (!result.ok) expect(result).toMatchObject({ code: "CHK_BASIC_REQUIRED", message: expect.stringContaining("Required attributes are missing") });
    }
    const shown = results.filter((result) => result.ok).map((result) => result.id);
    expect(shown.length).toBeGreaterThan(0);
    const codesOf = async (wanted: string[]) => {
      const now = new Map((await wholeList(connector)).map((item) => [item.id, item.native.code]));
      return wanted.map((id) => now.get(id));
    };
    expect(await codesOf(shown)).toEqual(shown.map(() => "approved:Y"));
    // Off display is where a product in review or a draft already is: nothing to refuse, and still not approved.
    const unapproved = [first("tbd:N"), first("sketch:N"), first("new:N")];
    const hidden = [...shown, ...unapproved];
    expect(await connector.changeStatus(hidden, "offline")).toEqual({ kind: "done", results: hidden.map((id) => ({ id, ok: true })) });
    expect(await codesOf(hidden)).toEqual([...shown.map(() => "approved:N"), "tbd:N", "sketch:N", "new:N"]);
  });

  it("changes one product or twenty, and refuses more than 20 before calling ICBU", async () => {
    const { connector } = await link();
    const ids = (await connector.listProducts({ page: 1, pageSize: 21 })).items.map((item) => item.id);
    await expectStatusChangeLimits(connector, ids);
    expect(await connector.changeStatus(ids.slice(0, 20), "offline")).toEqual({ kind: "done", results: ids.slice(0, 20).map((id) => ({ id, ok: true })) });
    expect(await connector.changeStatus([ids[20]!], "offline")).toEqual({ kind: "done", results: [{ id: ids[20], ok: true }] });
  });
});

describe("the emulator refuses what ICBU refuses", () => {
  it("a wrong signature, as IncompleteSignature before any API runs, also when the path is left out of it", async () => {
    const { tokens, seller } = await link();
    const english = { language: "ENGLISH" };
    expect(await listCall(tokens.accessToken, english, { secret: "not-the-secret" })).toMatchObject({
      type: "ISV",
      code: "IncompleteSignature",
      message: "The request signature does not conform to platform standards",
      request_id: expect.any(String),
    });
    expect(await listCall(tokens.accessToken, english, { signedPath: undefined })).toMatchObject({ code: "IncompleteSignature" });
    expect(await listCall(tokens.accessToken, english)).toMatchObject({ code: "0", result: { total_item: PRODUCTS } });
    const throughConnector = await failureOf(connectorFor(alibaba, appFor("not-the-secret"), tokens.accessToken, seller.sellerId).listProducts({ page: 1, pageSize: 5 }));
    expect(throughConnector).toMatchObject({ kind: "auth", code: "IncompleteSignature" });
    expect(throughConnector.message).not.toContain("not-the-secret");
  });

  it("an unknown or a reused authorization code, as InvalidCode", async () => {
    const { unknown, reused } = await codeRefusals(alibaba, appFor());
    expect(unknown.code).toBe("InvalidCode");
    expect(reused).toMatchObject({ code: "InvalidCode", platformMessage: "Invalid authorization code" });
  });

  it("an expired access token, as IllegalAccessToken", async () => {
    const linked = await link();
    expect(await expiredTokenFailure(sandbox.url, alibaba, appFor(), linked)).toMatchObject({ code: "IllegalAccessToken" });
  });

  it("a page over 30 products, and a list call without its required language", async () => {
    const { tokens } = await link();
    expect(await listCall(tokens.accessToken, { language: "ENGLISH", page_size: "30" })).toMatchObject({ code: "0", result: { page_size: 30 } });
    const tooLarge = await listCall(tokens.accessToken, { language: "ENGLISH", page_size: "31" });
    expect(tooLarge).toMatchObject({ type: "ISV", code: "InvalidParameter", message: expect.stringContaining("page_size") });
    expect(await listCall(tokens.accessToken, {})).toMatchObject({ code: "MissingParameter", message: expect.stringContaining('"language"') });
  });

  it("calls over a supplier's rate or the app's, with ApiCallLimit and a Retry-After", async () => {
    const [first, second] = [await link(0), await link(1)];
    const { account, app } = await expectRateLimits(sandbox.url, "alibaba", [first.connector, second.connector], (connector) => connector.listProducts({ page: 1, pageSize: 5 }));
    for (const error of [account, app]) expect(error).toMatchObject({ code: "ApiCallLimit", retryAfterMs: expect.any(Number) });
    expect(account.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(await listCall(first.tokens.accessToken, { language: "ENGLISH" })).toMatchObject({ type: "ISV", code: "ApiCallLimit" });
  });
});
