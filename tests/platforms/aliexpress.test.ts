// AliExpress's adapter against the sandbox over real HTTP: the list served one operation status a call and under 100
// a page, joined and stitched into any portal window; the status filter by the segments behind each portal status;
// search by title and id, the modification-time filter; one product with its SKUs, category path and images; the
// category tree and the JSON publishing schema as attribute definitions; products put on and off sale in batches of
// 50 with refusals per product. The last block checks that the emulator refuses what AliExpress refuses.
import { describe, expect, it } from "vitest";
import aliexpress from "@/lib/marketplaces/aliexpress";
import type { Connector, DisplayStatus, ProductSummary } from "@/lib/marketplaces/types";
import { connectorFor, failureOf, fileSandbox, linkConnector, sandboxApp, type SentCall } from "../support/sandbox";
import { callsDuring, codeRefusals, expectDetail, expiredTokenFailure, expectModifiedRange, expectRateLimits, expectSearch, expectStatusChangeLimits, expectWindows, walkToLeaves, withoutCalls } from "./connector-checks";
import { expectCatalogAttributes, rawCall } from "./iop-support";

/** What the test sandbox puts in each shop. */
const PRODUCTS = 300;
const LIST = "aliexpress.solution.product.list.get";

const sandbox = fileSandbox();
const appFor = (appSecret?: string) => sandboxApp(sandbox.url, "aliexpress", appSecret);
const link = (sellerIndex = 0) => linkConnector(aliexpress, appFor(), sellerIndex);

/** A `/sync` call signed by hand (TOP: the token as `session`, nothing in front of the signed parameters). */
const syncCall = (session: string, method: string, params: Record<string, string>, secret?: string) =>
  rawCall(appFor(), { path: "/sync", params: { method, session, format: "json", v: "2.0", ...params }, secret });

/** The list query a call sent, as the JSON in `aeop_a_e_product_list_query`. */
const listQuery = (call: SentCall) => JSON.parse(call.params.get("aeop_a_e_product_list_query")!) as { page_size: number; product_status_type: string; ws_display?: string };

type SegmentPage = { product_count: number; aeop_a_e_product_display_d_t_o_list: { item_display_dto: { product_id: number }[] } };

/** Every product of the store in one portal page. */
const wholeList = async (connector: Connector): Promise<ProductSummary[]> => (await connector.listProducts({ page: 1, pageSize: PRODUCTS })).items;

describe("linking", () => {
  it("learns the seller id and login from the token answer, for each store chosen", async () => {
    const first = await link(0);
    const second = await link(1);
    expect(first.seller).toEqual({ sellerId: "2671514005", shopName: "brightway.home@example.com" });
    expect(second.seller.sellerId).toBe("2208813764");
  });
});

describe("products", () => {
  it("stitches portal pages of 50 and 100 at any offset from calls of under 100 a status, complete and in order", async () => {
    const { connector, tokens } = await link();
    const whole = await wholeList(connector);
    expect(new Set(whole.map((item) => item.id)).size).toBe(PRODUCTS);
    // The whole list is the store's four operation statuses one after the other, each as AliExpress lists it.
    const bySegment: string[] = [];
    for (const status of ["onSelling", "offline", "auditing", "editingRequired"]) {
      for (let page = 1, count = Infinity; (page - 1) * 99 < count; page++) {
        const answer = await syncCall(tokens.accessToken, LIST, { aeop_a_e_product_list_query: JSON.stringify({ product_status_type: status, page_size: 99, current_page: page }) });
        const { result } = (answer as { aliexpress_solution_product_list_get_response: { result: SegmentPage } }).aliexpress_solution_product_list_get_response;
        count = result.product_count;
        bySegment.push(...result.aeop_a_e_product_display_d_t_o_list.item_display_dto.map((item) => String(item.product_id)));
      }
    }
    expect(whole.map((item) => item.id)).toEqual(bySegment);
    await expectWindows(connector, whole, [[2, 100], [3, 100], [1, 100], [4, 50], [2, 99], [3, 37]], 99, (call) => {
      expect(call.params.get("method")).toBe(LIST);
      return listQuery(call).page_size;
    });
  });

  it("keeps the operation status and offline reason beside the portal's status, and filters by the segments behind each", async () => {
    const { connector } = await link();
    const whole = await wholeList(connector);
    expect(Object.fromEntries(whole.map((item) => [item.native.code, item.status]))).toEqual({
      onSelling: "online",
      "offline:user_offline": "offline",
      "offline:expire_offline": "offline",
      "offline:violate_offline": "blocked",
      auditing: "pending",
      editingRequired: "blocked",
    });
    expect(whole.find((item) => item.native.code === "offline:violate_offline")!.native.label).toBe("Offline for a rule violation");
    const asked: Record<string, [string, string | undefined][]> = {
      online: [["onSelling", undefined]],
      offline: [["offline", "user_offline"], ["offline", "expire_offline"]],
      pending: [["auditing", undefined]],
      blocked: [["editingRequired", undefined], ["offline", "violate_offline"], ["offline", "punish_offline"], ["offline", "degrade_offline"]],
    };
    let counted = 0;
    for (const [status, segments] of Object.entries(asked)) {
      const { result: filtered, calls } = await callsDuring(() => connector.listProducts({ page: 1, pageSize: PRODUCTS, status: status as DisplayStatus }));
      const asks = calls.map(listQuery).map((query) => [query.product_status_type, query.ws_display]);
      expect(asks.filter((ask, index) => JSON.stringify(ask) !== JSON.stringify(asks[index - 1]))).toEqual(segments);
      expect(filtered.items.map((item) => item.id).sort()).toEqual(whole.filter((item) => item.status === status).map((item) => item.id).sort());
      expect(filtered.total).toBe(filtered.items.length);
      counted += filtered.total;
    }
    expect(counted).toBe(PRODUCTS);
    await withoutCalls(async () => {
      expect(await connector.listProducts({ page: 1, pageSize: 10, status: "draft" })).toEqual({ items: [], total: 0 });
    });
  });

  it("searches titles by subject and a bare id by product id, and refuses a category filter or a sort without calling", async () => {
    const { connector } = await link();
    const [first] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    await expectSearch(connector, first!, first!.title.split(" ")[0]!);
    await withoutCalls(async () => {
      expect(await failureOf(connector.listProducts({ page: 1, pageSize: 10, categoryId: "1" }))).toMatchObject({ kind: "request", code: "unsupported_filter" });
      expect(await failureOf(connector.listProducts({ page: 1, pageSize: 10, sort: "modified_desc" }))).toMatchObject({ kind: "request", code: "unsupported_sort" });
    });
  });

  it("filters by modification time, both bounds included, within a status and across them", async () => {
    const { connector } = await link();
    // One status is one list, newest change first.
    await expectModifiedRange(connector, { status: "online" });
    const { items: onSale } = await connector.listProducts({ page: 1, pageSize: 99, status: "online" });
    const range = { modifiedFrom: onSale[40]!.modifiedAt!, modifiedTo: onSale[10]!.modifiedAt! };
    const inRange = (await wholeList(connector)).filter((item) => item.modifiedAt! >= range.modifiedFrom && item.modifiedAt! <= range.modifiedTo);
    expect((await connector.listProducts({ page: 1, pageSize: 1, ...range })).total).toBe(inRange.length);
  });

  it("reads one product with its SKUs, Chinese title, category path to the leaf, images and attributes", async () => {
    const { connector } = await link();
    const [listed] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    const product = await connector.getProduct(listed!.id);
    expectDetail(product, listed!, "USD");
    expect(product.price).toEqual(listed!.price);
    expect(product.altTitle).toMatch(/[\u4e00-\u9fff]/);
    expect(product.quality).toBeUndefined();
    for (const sku of product.skus) expect(Object.values(sku.attributes)).toEqual([sku.name]);
    expect(product.attributes.map((attribute) => attribute.name)).toContain("Condition");
    const weight = product.attributes.find((attribute) => attribute.name === "Weight");
    if (weight) expect(weight.value).toMatch(/^\d+ kg$/);
    expect(await failureOf(connector.getProduct("1"))).toMatchObject({ kind: "request", code: "isv.product-not-exist" });
  });
});

describe("categories and the publishing schema", () => {
  it("walks from the roots to a leaf with English and Chinese names, and finds a category by its id", async () => {
    const { connector, tokens, seller } = await link();
    const leaves = await walkToLeaves(connector);
    expect(leaves.every((node) => node.altName && /[\u4e00-\u9fff]/.test(node.altName))).toBe(true);
    // A fresh connector knows nothing yet: it finds the leaf by walking down from the roots.
    const fresh = connectorFor(aliexpress, appFor(), tokens.accessToken, seller.sellerId);
    expect(await fresh.getCategory(leaves.at(-1)!.id)).toEqual(leaves.at(-1));
    expect(await failureOf(fresh.getCategory("123"))).toMatchObject({ kind: "request", code: "category_not_found" });
  });

  it("reads a leaf's JSON schema as attribute definitions, and refuses a category that is not a leaf", async () => {
    const { connector } = await link();
    const [listed] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    const { categoryId } = await connector.getProduct(listed!.id);
    const schema = await connector.getAttributeSchema(categoryId!);
    expect(schema.categoryId).toBe(categoryId);
    expectCatalogAttributes(schema.attributes);
    const nativeTypes = Object.fromEntries(schema.attributes.map((attribute) => [attribute.name, attribute.nativeType]));
    expect(nativeTypes).toMatchObject({ Brand: "string", Condition: "string oneOf", Material: "array", Weight: "number" });
    const [root] = await connector.listCategories(null);
    expect(await failureOf(connector.getAttributeSchema(root!.id))).toMatchObject({ kind: "request", code: "isv.category-not-leaf" });
  });
});

describe("on and off sale", () => {
  it("puts products on sale in one call, refusing each product AliExpress refuses with its reason, and takes them off again", async () => {
    const { connector } = await link();
    const whole = await wholeList(connector);
    const first = (code: string) => whole.find((item) => item.native.code === code)!.id;
    const offline = whole.filter((item) => item.native.code === "offline:user_offline").slice(0, 10).map((item) => item.id);
    const refused: [id: string, code: string, stays: string | undefined][] = [
      [first("auditing"), "PRODUCT_IN_AUDIT", "auditing"],
      [first("editingRequired"), "PRODUCT_EDITING_REQUIRED", "editingRequired"],
      [first("offline:violate_offline"), "PRODUCT_PUNISHED", "offline:violate_offline"],
      [first("offline:expire_offline"), "PRODUCT_EXPIRED", "offline:expire_offline"],
      ["1", "PRODUCT_NOT_EXIST", undefined],
    ];
    const refusedFor = new Map(refused.map(([id, code]) => [id, code]));
    const ids = [...offline, ...refusedFor.keys()];
    const outcome = await connector.changeStatus(ids, "online");
    const results = outcome.kind === "done" ? outcome.results : [];
    expect(results.map((result) => result.id)).toEqual(ids);
    for (const result of results) {
      if (refusedFor.has(result.id)) expect(result).toMatchObject({ ok: false, code: refusedFor.get(result.id), message: expect.any(String) });
      else if (!result.ok) expect(result).toMatchObject({ code: "REQUIRED_ATTRIBUTE_MISSING", message: expect.stringContaining("Required attributes are missing") });
    }
    const onSale = results.filter((result) => result.ok).map((result) => result.id);
    expect(onSale.length).toBeGreaterThan(0);
    const codesOf = async (wanted: string[]) => {
      const now = new Map((await wholeList(connector)).map((item) => [item.id, item.native.code]));
      return wanted.map((id) => now.get(id));
    };
    expect(await codesOf(onSale)).toEqual(onSale.map(() => "onSelling"));
    expect(await codesOf(refused.map(([id]) => id))).toEqual(refused.map(([, , stays]) => stays));
    expect(await connector.changeStatus(onSale, "offline")).toEqual({ kind: "done", results: onSale.map((id) => ({ id, ok: true })) });
    expect(await codesOf(onSale)).toEqual(onSale.map(() => "offline:user_offline"));
  });

  it("changes one product or fifty, and refuses more than 50 before calling AliExpress", async () => {
    const { connector } = await link();
    const ids = (await connector.listProducts({ page: 1, pageSize: 51, status: "online" })).items.map((item) => item.id);
    await expectStatusChangeLimits(connector, ids);
    expect(await connector.changeStatus(ids.slice(0, 50), "offline")).toEqual({ kind: "done", results: ids.slice(0, 50).map((id) => ({ id, ok: true })) });
    expect(await connector.changeStatus([ids[50]!], "offline")).toEqual({ kind: "done", results: [{ id: ids[50], ok: true }] });
  });
});

describe("the emulator refuses what AliExpress refuses", () => {
  const firstPage = { aeop_a_e_product_list_query: JSON.stringify({ product_status_type: "onSelling", page_size: 5 }) };

  it("a wrong signature, as IncompleteSignature, on /sync and on a token API signed without its path", async () => {
    const { tokens } = await link();
    const wrongSecret = await syncCall(tokens.accessToken, LIST, firstPage, "not-the-secret");
    expect(wrongSecret).toEqual({ error_response: expect.objectContaining({ type: "ISV", code: "IncompleteSignature", msg: "The request signature does not conform to platform standards" }) });
    expect(await syncCall(tokens.accessToken, LIST, firstPage)).toHaveProperty("aliexpress_solution_product_list_get_response.result.product_count");
    // The pitfall of §3.6: /rest/auth/token/create signed without "/auth/token/create" in front.
    const unprefixed = await rawCall(appFor(), { path: "/rest/auth/token/refresh", params: { refresh_token: tokens.refreshToken! } });
    expect(unprefixed).toMatchObject({ type: "ISV", code: "IncompleteSignature" });
    const throughConnector = await failureOf(aliexpress.oauth.refresh(appFor("not-the-secret"), tokens.refreshToken!));
    expect(throughConnector).toMatchObject({ kind: "auth", code: "IncompleteSignature" });
    // Neither refusal spent the refresh token.
    await expect(aliexpress.oauth.refresh(appFor(), tokens.refreshToken!)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it("an unknown or a reused authorization code, as InvalidCode", async () => {
    const { unknown, reused } = await codeRefusals(aliexpress, appFor());
    expect(unknown.code).toBe("InvalidCode");
    expect(reused).toMatchObject({ code: "InvalidCode", platformMessage: "Invalid authorization code" });
  });

  it("an expired access token, as IllegalAccessToken, and a spent refresh token as IllegalRefreshToken", async () => {
    const linked = await link();
    expect(await expiredTokenFailure(sandbox.url, aliexpress, appFor(), linked)).toMatchObject({ code: "IllegalAccessToken" });
    expect(await failureOf(aliexpress.oauth.refresh(appFor(), linked.tokens.refreshToken!))).toMatchObject({ kind: "auth", code: "IllegalRefreshToken" });
  });

  it("a page of 100 or more", async () => {
    const { tokens } = await link();
    const page = (size: number) => ({ aeop_a_e_product_list_query: JSON.stringify({ product_status_type: "onSelling", page_size: size }) });
    expect(await syncCall(tokens.accessToken, LIST, page(99))).toHaveProperty("aliexpress_solution_product_list_get_response.result.current_page", 1);
    const tooLarge = await syncCall(tokens.accessToken, LIST, page(100));
    expect(tooLarge).toEqual({ error_response: expect.objectContaining({ code: "InvalidParameter", sub_code: "isv.invalid-parameter", sub_msg: expect.stringContaining("page_size must be less than 100") }) });
  });

  it("calls over a store's rate or the app's, with ApiCallLimit and a Retry-After", async () => {
    const [first, second] = [await link(0), await link(1)];
    const { account, app } = await expectRateLimits(sandbox.url, "aliexpress", [first.connector, second.connector], (connector) => connector.listProducts({ page: 1, pageSize: 5, status: "online" }));
    for (const error of [account, app]) expect(error).toMatchObject({ code: "ApiCallLimit", retryAfterMs: expect.any(Number) });
    expect(account.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(await syncCall(first.tokens.accessToken, LIST, firstPage)).toEqual({ error_response: expect.objectContaining({ type: "ISV", code: "ApiCallLimit" }) });
  });
});
