// Doudian's adapter against the sandbox over real HTTP: 19-digit product ids kept exact, listV2's paging rule
// (pages of at most 100, page × size within 10 000) with portal pages served at any offset, search, status
// and modification-time filters, product detail, the category tree and its properties, and status changes one
// product a call with Doudian's refusals per product. The last block checks that the emulator refuses what
// Doudian refuses, with raw signed calls where the connector would never send the wrong thing.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import douyin from "@/lib/marketplaces/douyin";
import { parseJsonLossless } from "@/lib/marketplaces/http";
import type { AppConfig } from "@/lib/marketplaces/platform";
import { doudianParamJson, signDoudian } from "@/lib/marketplaces/signing";
import type { CategoryNode, Connector, DisplayStatus, ProductQuery, TokenSet } from "@/lib/marketplaces/types";
import { douyin as douyinSandbox } from "@/lib/sandbox/douyin";
import type { KnobsPatch } from "@/lib/sandbox/knobs";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/server";
import { connectorFor, consentCode, failureOf, linkConnector, sandboxApp, setKnobs as setSandboxKnobs, sleep } from "../support/sandbox";

// More than listV2 reaches (10 000) even without the deleted products, which it leaves out unless asked for.
const PRODUCTS = 11_000;
const WINDOW = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;
// Generous limits, so that a test making many calls in a burst is not throttled unless it asks to be.
const ROOMY: KnobsPatch = { rateLimits: { douyin: { app: { requests: 100_000, perSeconds: 1 }, account: { requests: 100_000, perSeconds: 1 } } } };

/** The portal status of each native pair the sandbox's shops hold ("<status>:<check_status>"). */
const STATUS_OF: Record<string, DisplayStatus> = {
  "0:3": "online",
  "1:3": "offline",
  "1:7": "offline",
  "1:2": "pending",
  "1:4": "blocked",
  "1:5": "blocked",
  "1:1": "draft",
  "2:3": "deleted",
};

let sandbox: RunningSandbox;
/** The sandbox's request log: `POST /douyin/product/listV2?app_key=…&sign=[redacted]… -> 200 3 ms`. */
let requests: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    dataDir: mkdtempSync(path.join(tmpdir(), "sk-douyin-")),
    port: 0,
    productsPerShop: PRODUCTS,
    platforms: [douyinSandbox],
    knobs: ROOMY,
    // Each save of the state drops expired tokens (lib/sandbox/state.ts), after which an expired access token
    // reads as one that never existed; saving rarely keeps them apart for this file's few seconds.
    saveDelayMs: 60_000,
    log: (line) => requests.push(line),
  });
});
afterAll(() => sandbox?.close());
afterEach(async () => {
  await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
  requests = [];
});

const appFor = (appSecret?: string) => sandboxApp(sandbox.url, "douyin", appSecret);
const setKnobs = (patch: KnobsPatch) => setSandboxKnobs(sandbox.url, patch);

const connectorOf = (app: AppConfig, tokens: TokenSet): Connector => connectorFor(douyin, app, tokens.accessToken, "4463798");

async function link(app = appFor()) {
  return { ...(await linkConnector(douyin, app)), app };
}

/** How many calls the sandbox logged to a gateway path, e.g. `/product/listV2`. */
const callsTo = (pathname: string) => requests.filter((line) => line.startsWith(`POST /douyin${pathname}?`)).length;

type Envelope = { code: number; msg: string; sub_code: string; sub_msg: string; data?: unknown };

/**
 * A call to the gateway signed here, as the official SDK signs it. `body` is sent instead of the signed
 * param_json, and `appSecret` signs instead of the app's own, where a test sends what the connector never would.
 */
async function gateway(pathname: string, params: object, options: { accessToken?: string; appSecret?: string; body?: string } = {}) {
  const app = appFor();
  const method = pathname.slice(1).replaceAll("/", ".");
  const paramJson = doudianParamJson(params);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const sign = signDoudian({ appKey: app.appKey, appSecret: options.appSecret ?? app.appSecret, method, paramJson, timestamp });
  const query = new URLSearchParams({ app_key: app.appKey, method, timestamp, v: "2", sign, sign_method: "hmac-sha256" });
  if (options.accessToken) query.set("access_token", options.accessToken);
  const answer = await fetch(`${app.apiUrl}${pathname}?${query}`, { method: "POST", headers: { "content-type": "application/json" }, body: options.body ?? paramJson });
  const text = await answer.text();
  return { status: answer.status, headers: answer.headers, text, envelope: parseJsonLossless(text) as Envelope };
}

/** The product ids of one raw listV2 page, read losslessly. */
async function listedIds(accessToken: string, params: { page: number; size: number; status?: number; check_status?: number }): Promise<string[]> {
  const { envelope } = await gateway("/product/listV2", params, { accessToken });
  expect(envelope.code).toBe(10000);
  return (envelope.data as { data: { product_id: unknown }[] }).data.map((product) => String(product.product_id));
}

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

describe("linking", () => {
  it("sends the shop owner to the service market with the app's service id, and learns the shop from token.create", async () => {
    const app = appFor();
    const authorizeUrl = new URL(douyin.oauth.authorizeUrl(app, { state: "state-1" }));
    expect(authorizeUrl.pathname).toBe("/douyin/authorize");
    expect(Object.fromEntries(authorizeUrl.searchParams)).toEqual({ service_id: app.appKey, state: "state-1", redirect_uri: app.redirectUri });
    const before = Date.now();
    const { tokens, seller } = await link(app);
    // shop_id comes as a bare JSON number; the portal keeps it as a string.
    expect(seller).toEqual({ sellerId: "4463798", shopName: "白鹭家居旗舰店" });
    expect(Math.round((tokens.accessTokenExpiresAt!.getTime() - before) / DAY_MS)).toBe(7);
    expect(Math.round((tokens.refreshTokenExpiresAt!.getTime() - before) / DAY_MS)).toBe(14);
  });
});

describe("19-digit product ids", () => {
  it("keep every digit from listV2's bare JSON numbers to the portal's strings, and back in detail, search and status calls", async () => {
    const { tokens, connector } = await link();
    const raw = await gateway("/product/listV2", { page: 1, size: 20, status: 0, check_status: 3 }, { accessToken: tokens.accessToken });
    const bare = [...raw.text.matchAll(/"product_id":(\d+)[,}]/g)].map((match) => match[1]!);
    expect(bare).toHaveLength(20);
    expect(bare.every((id) => id.length === 19)).toBe(true);
    // Read into a JS number, these ids would change.
    expect(bare.filter((id) => BigInt(Number(id)) !== BigInt(id)).length).toBeGreaterThan(0);
    expect(ids(await connector.listProducts({ page: 1, pageSize: 20, status: "online" }))).toEqual(bare);
    const id = bare.find((candidate) => BigInt(Number(candidate)) !== BigInt(candidate))!;
    expect((await connector.getProduct(id)).id).toBe(id);
    expect(ids(await connector.listProducts({ page: 1, pageSize: 5, search: id }))).toEqual([id]);
    expect(await connector.changeStatus([id], "offline")).toEqual({ kind: "done", results: [{ id, ok: true }] });
    const [after] = (await connector.listProducts({ page: 1, pageSize: 1, search: id })).items;
    expect(after).toMatchObject({ id, status: "offline", native: { code: "1:3" } });
  });
});

describe("listing products", () => {
  it("serves a portal page of 50 at any offset with one listV2 call, complete and in Doudian's order", async () => {
    const { tokens, connector } = await link();
    let total: number | undefined;
    for (const page of [1, 2, 101, 150, 199, WINDOW / 50]) {
      requests = [];
      const portal = await connector.listProducts({ page, pageSize: 50 });
      expect(callsTo("/product/listV2")).toBe(1);
      total ??= portal.total;
      expect(portal.total).toBe(total);
      // The same products, read as Doudian's own pages of 100.
      const start = (page - 1) * 50;
      const reference = await listedIds(tokens.accessToken, { page: Math.floor(start / 100) + 1, size: 100 });
      expect(ids(portal)).toEqual(reference.slice(start % 100, (start % 100) + 50));
    }
    expect(total).toBeGreaterThan(WINDOW);
  });

  it("stitches a portal page over 100 from pages of 100, and refuses a window past the 10 000th product without calling Doudian", async () => {
    const { connector } = await link();
    requests = [];
    const large = await connector.listProducts({ page: 2, pageSize: 250 });
    expect(callsTo("/product/listV2")).toBe(3);
    const fifties = [];
    for (const page of [6, 7, 8, 9, 10]) fifties.push(...ids(await connector.listProducts({ page, pageSize: 50 })));
    expect(ids(large)).toEqual(fifties);
    expect(new Set(fifties).size).toBe(250);
    requests = [];
    for (const query of [{ page: WINDOW / 50 + 1, pageSize: 50 }, { page: 101, pageSize: 100 }, { page: 1, pageSize: WINDOW + 1 }]) {
      const refused = await failureOf(connector.listProducts(query));
      expect(refused).toMatchObject({ kind: "request", code: "window_exceeded" });
      expect(refused.message).toContain("10000");
    }
    expect(requests).toHaveLength(0);
  });

  it("keeps Doudian's status pair beside the portal's, and filters by it, with two native filters where one status needs them", async () => {
    const { connector } = await link();
    const all = await connector.listProducts({ page: 1, pageSize: 100 });
    for (const item of all.items) expect(item.status).toBe(STATUS_OF[item.native.code]);
    const twoFilters: DisplayStatus[] = ["offline", "blocked"];
    let counted = 0;
    for (const status of ["online", "offline", "pending", "blocked", "draft"] as const) {
      requests = [];
      const filtered = await connector.listProducts({ page: 1, pageSize: 100, status });
      expect(callsTo("/product/listV2")).toBe(twoFilters.includes(status) ? 2 : 1);
      expect(filtered.items).toHaveLength(Math.min(100, filtered.total));
      expect(filtered.items.every((item) => item.status === status && STATUS_OF[item.native.code] === status)).toBe(true);
      counted += filtered.total;
    }
    expect(counted).toBe(all.total);
    // Deleted products are in the recycle bin: listed only when asked for.
    const deleted = await connector.listProducts({ page: 1, pageSize: 100, status: "deleted" });
    expect(deleted.items.every((item) => item.status === "deleted" && item.native.code.startsWith("2:"))).toBe(true);
    expect(deleted.total + all.total).toBe(PRODUCTS);
    requests = [];
    expect(await connector.listProducts({ page: 1, pageSize: 10, status: "unknown" })).toEqual({ items: [], total: 0 });
    expect(requests).toHaveLength(0);
  });

  it("stitches a page across the boundary between two native filters of one status", async () => {
    const { tokens, connector } = await link();
    const approved = await gateway("/product/listV2", { page: 1, size: 1, status: 1, check_status: 3 }, { accessToken: tokens.accessToken });
    const firstPart = (approved.envelope.data as { total: number }).total;
    const page = Math.floor(firstPart / 50) + 1;
    const split = firstPart - (page - 1) * 50;
    const straddling = await connector.listProducts({ page, pageSize: 50, status: "offline" });
    expect(straddling.items.map((item) => item.native.code)).toEqual([...Array<string>(split).fill("1:3"), ...Array<string>(50 - split).fill("1:7")]);
    const waiting = await listedIds(tokens.accessToken, { page: 1, size: 50, status: 1, check_status: 7 });
    expect(ids(straddling).slice(split)).toEqual(waiting.slice(0, 50 - split));
  });

  it("searches titles by name and a 19-digit search by product id, and refuses a category filter or a sort without calling", async () => {
    const { connector } = await link();
    const [first] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    const model = first!.title.split(" ").at(-1)!;
    const byName = await connector.listProducts({ page: 1, pageSize: 100, search: model.toLowerCase() });
    expect(ids(byName)).toContain(first!.id);
    expect(byName.items.every((item) => item.title.toLowerCase().includes(model.toLowerCase()))).toBe(true);
    expect(ids(await connector.listProducts({ page: 1, pageSize: 50, search: ` ${first!.id} ` }))).toEqual([first!.id]);
    expect(await connector.listProducts({ page: 1, pageSize: 50, search: "1".repeat(19) })).toEqual({ items: [], total: 0 });
    requests = [];
    const queries: [ProductQuery, string][] = [
      [{ page: 1, pageSize: 10, categoryId: first!.categoryId }, "unsupported_filter"],
      [{ page: 1, pageSize: 10, sort: "title_asc" }, "unsupported_sort"],
      [{ page: 1, pageSize: 10, modifiedFrom: "yesterday-ish" }, "invalid_filter"],
    ];
    for (const [query, code] of queries) expect(await failureOf(connector.listProducts(query))).toMatchObject({ kind: "request", code });
    expect(requests).toHaveLength(0);
  });

  it("filters by modification time with both ends included to the second, and sees a status change as a modification", async () => {
    const { connector } = await link();
    const { items } = await connector.listProducts({ page: 1, pageSize: 100 });
    const target = items[37]!;
    const at = target.modifiedAt!;
    const exact = await connector.listProducts({ page: 1, pageSize: 100, modifiedFrom: at, modifiedTo: at });
    expect(ids(exact)).toContain(target.id);
    expect(exact.items.every((item) => item.modifiedAt === at)).toBe(true);
    const from = new Date(Date.parse(at) - 30 * DAY_MS).toISOString();
    const month = await connector.listProducts({ page: 1, pageSize: 100, modifiedFrom: from, modifiedTo: at });
    expect(month.total).toBeGreaterThan(exact.total);
    expect(month.items.every((item) => item.modifiedAt! >= from && item.modifiedAt! <= at)).toBe(true);
    const online = items.find((item) => item.status === "online")!;
    const changedSince = new Date(Date.now() - 1000).toISOString();
    await connector.changeStatus([online.id], "offline");
    expect(ids(await connector.listProducts({ page: 1, pageSize: 100, modifiedFrom: changedSince }))).toEqual([online.id]);
  });
});

describe("product detail", () => {
  it("reads a product with its SKUs and stock, its category path, its properties by name and its quality score", async () => {
    const { connector } = await link();
    const { items } = await connector.listProducts({ page: 1, pageSize: 20, status: "online" });
    for (const listed of items.slice(0, 5)) {
      const product = await connector.getProduct(listed.id);
      expect(product).toMatchObject({ id: listed.id, title: listed.title, status: listed.status, native: listed.native, categoryId: listed.categoryId });
      expect(product.skus.length).toBeGreaterThan(0);
      for (const sku of product.skus) {
        expect(sku.id).toMatch(/^\d+$/);
        expect(sku.price).toMatchObject({ currency: "CNY", amount: expect.stringMatching(/^\d+\.\d{2}$/) });
        expect(sku.attributes).toEqual({ 颜色: sku.name });
      }
      expect(product.stock).toBe(product.skus.reduce((sum, sku) => sum + sku.stock!, 0));
      expect(product.images.length).toBeGreaterThan(0);
      expect(product.imageUrl).toBe(product.images[0]);
      expect(product.categoryPath.map((node) => node.level)).toEqual([1, 2, 3]);
      expect(product.categoryPath[0]!.parentId).toBeNull();
      expect(product.categoryPath[1]!.parentId).toBe(product.categoryPath[0]!.id);
      expect(product.categoryPath[2]).toEqual(await connector.getCategory(listed.categoryId!));
      // Each value under its property's name: enum values by their names, measures as number and unit.
      const schema = new Map((await connector.getAttributeSchema(listed.categoryId!)).attributes.map((attribute) => [attribute.name, attribute]));
      expect(product.attributes.length).toBeGreaterThan(0);
      for (const { name, value } of product.attributes) {
        const property = schema.get(name)!;
        expect(property, name).toBeDefined();
        if (property.values) expect(property.values.map((option) => option.name)).toEqual(expect.arrayContaining(value.split(", ")));
        if (property.units) expect(value).toMatch(new RegExp(`^\\d+${property.units[0]}$`));
      }
      expect(product.quality!.score).toBeGreaterThanOrEqual(0);
      expect(product.quality!.score).toBeLessThanOrEqual(100);
      expect(product.quality!.label.startsWith("Meets the standard")).toBe(product.quality!.score >= 80);
    }
  });

  it("has no quality score for a deleted product, and refuses an unknown id with Doudian's code or a malformed one without calling", async () => {
    const { connector } = await link();
    const [deleted] = (await connector.listProducts({ page: 1, pageSize: 1, status: "deleted" })).items;
    const product = await connector.getProduct(deleted!.id);
    expect(product).toMatchObject({ id: deleted!.id, status: "deleted" });
    expect(product.quality).toBeUndefined();
    expect(await failureOf(connector.getProduct("1".repeat(19)))).toMatchObject({ kind: "request", code: "isv.parameter-invalid:2010058", platformMessage: "商品不存在或已彻底删除" });
    requests = [];
    expect(await failureOf(connector.getProduct("12345"))).toMatchObject({ kind: "request", code: "invalid_id" });
    expect(requests).toHaveLength(0);
  });
});

describe("categories and properties", () => {
  it("walks the shop's tree from cid 0 to a leaf, and finds a category by id by walking it, each level read once", async () => {
    const { app, tokens, connector } = await link();
    const path: CategoryNode[] = [];
    for (let level = await connector.listCategories(null); ; level = await connector.listCategories(path.at(-1)!.id)) {
      expect(level.length).toBeGreaterThan(0);
      expect(level.every((node) => /^\d+$/.test(node.id) && node.level === path.length + 1 && node.parentId === (path.at(-1)?.id ?? null))).toBe(true);
      path.push(level.at(-1)!);
      if (path.at(-1)!.leaf) break;
    }
    expect(path.map((node) => node.leaf)).toEqual([false, false, true]);
    // Doudian has no call for one category: a fresh connector walks the tree until it meets it, then knows it.
    const fresh = connectorOf(app, tokens);
    requests = [];
    expect(await fresh.getCategory(path[2]!.id)).toEqual(path[2]);
    const walked = callsTo("/shop/getShopCategory");
    expect(walked).toBeGreaterThanOrEqual(3);
    expect(await fresh.getCategory(path[1]!.id)).toEqual(path[1]);
    expect(callsTo("/shop/getShopCategory")).toBe(walked);
    expect(await failureOf(fresh.getCategory("99999"))).toMatchObject({ kind: "request", code: "category_not_found" });
    expect(await failureOf(fresh.listCategories("99999"))).toMatchObject({ kind: "request", code: "isv.parameter-invalid:2012004" });
    requests = [];
    expect(await failureOf(fresh.getCategory("shoes"))).toMatchObject({ kind: "request", code: "invalid_id" });
    expect(requests).toHaveLength(0);
  });

  it("maps a leaf's properties to the attribute schema: text, a measure with its unit, enums with their limits, required flags", async () => {
    const { connector } = await link();
    const [listed] = (await connector.listProducts({ page: 1, pageSize: 1 })).items;
    const schema = await connector.getAttributeSchema(listed!.categoryId!);
    const byName = new Map(schema.attributes.map((attribute) => [attribute.name, attribute]));
    expect(byName.get("品牌")).toMatchObject({ type: "text", nativeType: "text", required: true });
    const condition = byName.get("成色")!;
    expect(condition).toMatchObject({ type: "single_enum", nativeType: "select", required: true });
    expect(condition.values!.map((value) => value.name)).toEqual(["全新", "二手", "翻新"]);
    expect(condition.values!.every((value) => /^\d+$/.test(value.id))).toBe(true);
    const material = byName.get("材质")!;
    expect(material).toMatchObject({ type: "multi_enum", nativeType: "multi_select" });
    expect(material.maxSelections).toBeGreaterThanOrEqual(2);
    expect(material.values!.length).toBeGreaterThan(material.maxSelections!);
    expect(byName.get("重量")).toMatchObject({ type: "number", nativeType: "measure", units: ["kg"] });
    // Required only for new goods: Doudian states no condition, so the schema says optional and going online enforces it.
    const warranty = byName.get("保修期")!;
    expect(warranty).toMatchObject({ type: "number", units: ["月"], required: false });
    expect(warranty.dependsOn).toBeUndefined();
    expect(await failureOf(connector.getAttributeSchema("99999"))).toMatchObject({ kind: "request", code: "isv.parameter-invalid:2010003" });
  });
});

describe("display status, one product a call", () => {
  /** The ids of the first products in one native pair (`"<status>:<check_status>"`), from listV2's own filters. */
  async function productsIn(tokens: TokenSet, native: string, count = 1) {
    const [status, checkStatus] = native.split(":").map(Number);
    return listedIds(tokens.accessToken, { page: 1, size: count, status: status!, check_status: checkStatus! });
  }

  it("puts an approved product online and offline, final within the call, and takes a repeat as done", async () => {
    const { tokens, connector } = await link();
    const [id] = await productsIn(tokens, "0:3");
    const listed = async () => (await connector.listProducts({ page: 1, pageSize: 1, search: id })).items[0];
    const done = { kind: "done", results: [{ id, ok: true }] };
    expect(await connector.changeStatus([id!], "offline")).toEqual(done);
    expect(await listed()).toMatchObject({ status: "offline", native: { code: "1:3" } });
    // Doudian refuses the repeat as a repeated operation; the product is as asked, so the portal counts it done.
    expect(await connector.changeStatus([id!], "offline")).toEqual(done);
    expect(await connector.changeStatus([id!], "online")).toEqual(done);
    expect(await listed()).toMatchObject({ status: "online", native: { code: "0:3" } });
  });

  it.each([
    ["banned", "1:5", "isv.business-failed:2010043", "该商品已封禁"],
    ["rejected in review", "1:4", "isv.business-failed:2010102", "审核不通过"],
    ["under review", "1:2", "isv.business-failed:2010041", "该商品在审核中"],
    ["never submitted", "1:1", "isv.business-failed:2010022", "未提交审核"],
    ["deleted", "2:3", "isv.business-failed:2010004", "商品已删除"],
  ])("refuses to put a %s product online with Doudian's sub_code, as that product's result", async (_name, native, code, words) => {
    const { tokens, connector } = await link();
    const [id] = await productsIn(tokens, native);
    const outcome = await connector.changeStatus([id!], "online");
    expect(outcome).toMatchObject({ kind: "done", results: [{ id, ok: false, code, message: expect.stringContaining(words) }] });
    expect((await connector.getProduct(id!)).native.code).toBe(native);
  });

  it("refuses to put online a product missing a required property, naming the property it lacks", async () => {
    const { tokens, connector } = await link();
    const candidates = await productsIn(tokens, "1:3", 100);
    const refused: { id: string; message: string }[] = [];
    for (const id of candidates) {
      const outcome = await connector.changeStatus([id], "online");
      const [result] = outcome.kind === "done" ? outcome.results : [];
      if (!result!.ok) {
        expect(result!.code).toBe("isv.business-failed:2010321");
        refused.push({ id, message: result!.message });
      }
    }
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(candidates.length);
    for (const { id, message } of refused) {
      const property = /^(.+)为必填属性/.exec(message)![1]!;
      const product = await connector.getProduct(id);
      const schema = await connector.getAttributeSchema(product.categoryId!);
      expect(schema.attributes.map((attribute) => attribute.name)).toContain(property);
      expect(product.attributes.map((attribute) => attribute.name)).not.toContain(property);
    }
  });

  it("refuses a batch before calling, and answers none, a malformed id and an unknown one per product", async () => {
    const { connector } = await link();
    requests = [];
    const two = ["1".repeat(19), "2".repeat(19)];
    expect(await failureOf(connector.changeStatus(two, "offline"))).toMatchObject({ kind: "request", code: "batch_too_large" });
    expect(await connector.changeStatus([], "online")).toEqual({ kind: "done", results: [] });
    expect(await connector.changeStatus(["12345"], "online")).toMatchObject({ kind: "done", results: [{ id: "12345", ok: false, code: "invalid_id" }] });
    expect(await failureOf(connector.checkStatusChange("ticket-1"))).toMatchObject({ kind: "request", code: "no_ticket" });
    expect(requests).toHaveLength(0);
    const unknown = await connector.changeStatus([two[0]!], "offline");
    expect(unknown).toEqual({ kind: "done", results: [{ id: two[0], ok: false, code: "isv.business-failed:2010058", message: "商品不存在" }] });
  });
});

describe("the emulator refuses what Doudian refuses", () => {
  it("a wrong sign, and a param_json other than the compact, key-sorted text that was signed", async () => {
    const { tokens } = await link();
    const accessToken = tokens.accessToken;
    const params = { size: 10, page: 1, name: "<灯>" };
    expect((await gateway("/product/listV2", params, { accessToken })).envelope.code).toBe(10000);
    const signatureRefused = { status: 200, envelope: { code: 40003, msg: "非法的参数（平台校验）", sub_code: "isv.signature-invalid", sub_msg: "签名校验失败" } };
    expect(await gateway("/product/listV2", params, { accessToken, appSecret: "not-the-secret" })).toMatchObject(signatureRefused);
    const signed = doudianParamJson(params);
    const otherTexts = [
      JSON.stringify(params), // keys in the order written, not sorted
      JSON.stringify(JSON.parse(signed), null, 1), // sorted but not compact
      signed.replace("灯", "\\u706f"), // the same JSON with the character escaped, as Python's json.dumps writes it
    ];
    for (const body of otherTexts) expect(await gateway("/product/listV2", params, { accessToken, body })).toMatchObject(signatureRefused);
    const refused = await failureOf(connectorOf(appFor("not-the-secret"), tokens).listProducts({ page: 1, pageSize: 1 }));
    expect(refused).toMatchObject({ kind: "auth", code: "isv.signature-invalid" });
    expect(refused.message).not.toContain("not-the-secret");
  });

  it("an unknown or a reused code, and a spent refresh token once token.refresh has rotated it", async () => {
    const app = appFor();
    expect(await failureOf(douyin.oauth.exchangeCode(app, { code: "not-a-code" }))).toMatchObject({ kind: "auth", code: "dop.token-generate-failed:code-invalid" });
    const { code } = await consentCode(douyin, app);
    const { tokens } = await douyin.oauth.exchangeCode(app, { code });
    const reused = await failureOf(douyin.oauth.exchangeCode(app, { code }));
    expect(reused).toMatchObject({ kind: "auth", code: "dop.token-generate-failed:code-invalid", platformMessage: expect.stringContaining("code参数不正确") });
    const renewed = await douyin.oauth.refresh(app, tokens.refreshToken!);
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken);
    const spent = await failureOf(douyin.oauth.refresh(app, tokens.refreshToken!));
    expect(spent).toMatchObject({ kind: "auth", code: "dop.token-generate-failed:token-invalid", platformMessage: "生成token失败，token不存在" });
    await expect(douyin.oauth.refresh(app, renewed.refreshToken!)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it("an expired access token, and one that never existed", async () => {
    const { app, tokens } = await link();
    // Seven days scaled down to 60 ms.
    await setKnobs({ tokenTtlScale: 1e-7 });
    const shortLived = await douyin.oauth.refresh(app, tokens.refreshToken!);
    await sleep(150);
    const expired = await gateway("/product/listV2", { page: 1, size: 1 }, { accessToken: shortLived.accessToken });
    expect(expired.envelope).toMatchObject({ code: 40003, sub_code: "isv.access-token-expired" });
    expect(await failureOf(connectorOf(app, shortLived).listProducts({ page: 1, pageSize: 1 }))).toMatchObject({ kind: "auth", code: "isv.access-token-expired" });
    const unknown = await gateway("/product/listV2", { page: 1, size: 1 }, { accessToken: "not-a-token" });
    expect(unknown.envelope).toMatchObject({ code: 40003, sub_code: "isv.access-token-no-existed" });
  });

  it("a business parameter left out as missing (40002), and one sent with the wrong type as invalid (40004)", async () => {
    const { tokens } = await link();
    const accessToken = tokens.accessToken;
    const missing = (name: string) => ({ code: 40002, msg: "缺少必选参数（业务校验）", sub_code: "isv.missing-parameter", sub_msg: `缺少必选参数: ${name}` });
    expect((await gateway("/product/listV2", { size: 10 }, { accessToken })).envelope).toMatchObject(missing("page"));
    expect((await gateway("/product/listV2", { page: null, size: 10 }, { accessToken })).envelope).toMatchObject(missing("page"));
    expect((await gateway("/product/setOffline", {}, { accessToken })).envelope).toMatchObject(missing("product_id"));
    expect((await gateway("/token/create", { grant_type: "authorization_code" })).envelope).toMatchObject(missing("code"));
    const wrongTypes: [pathname: string, params: object, name: string, subCode: string][] = [
      ["/product/listV2", { page: 1, size: 10, name: 5 }, "name", "isv.parameter-invalid:2010004"],
      ["/product/listV2", { page: "first", size: 10 }, "page", "isv.parameter-invalid:2010004"],
      ["/product/setOffline", { product_id: true }, "product_id", "isv.parameter-invalid"],
      ["/token/create", { code: 12345, grant_type: "authorization_code" }, "code", "isv.parameter-invalid"],
    ];
    for (const [pathname, params, name, subCode] of wrongTypes) {
      const { envelope } = await gateway(pathname, params, { accessToken });
      expect(envelope, pathname).toMatchObject({ code: 40004, msg: "非法的参数（业务校验）", sub_code: subCode, sub_msg: expect.stringMatching(new RegExp(`^${name}: `)) });
    }
  });

  it("a page of over 100 products, and a page past the 100th (page × size over 10 000)", async () => {
    const { tokens } = await link();
    const list = (page: number, size: number) => gateway("/product/listV2", { page, size }, { accessToken: tokens.accessToken });
    const tooLarge = await list(1, 101);
    expect(tooLarge.envelope).toMatchObject({ code: 40004, sub_code: "isv.parameter-invalid:2010004", sub_msg: expect.stringContaining("size") });
    for (const [page, size] of [[101, 100], [201, 50]] as const) {
      const pastWindow = await list(page, size);
      expect(pastWindow.envelope).toMatchObject({ code: 40004, sub_code: "isv.parameter-invalid:2010004", sub_msg: expect.stringContaining("1万") });
    }
    const last = await list(100, 100);
    expect(last.envelope.code).toBe(10000);
    expect((last.envelope.data as { data: unknown[] }).data).toHaveLength(100);
  });

  it("too many calls, answered with Doudian's throttling envelope rather than an HTTP 429", async () => {
    const { app, tokens } = await link();
    await setKnobs({ rateLimits: { douyin: { account: { requests: 2, perSeconds: 60 } } } });
    const list = () => gateway("/product/listV2", { page: 1, size: 1 }, { accessToken: tokens.accessToken });
    expect((await list()).envelope.code).toBe(10000);
    expect((await list()).envelope.code).toBe(10000);
    const throttled = await list();
    expect(throttled).toMatchObject({ status: 200, envelope: { code: 60000, msg: "触发限流，请稍后重试", sub_code: "isp.traffic-limited" } });
    expect(throttled.headers.get("retry-after")).toBeNull();
    const error = await failureOf(connectorOf(app, tokens).listProducts({ page: 1, pageSize: 1 }));
    expect(error).toMatchObject({ kind: "throttled", code: "isp.traffic-limited" });
    expect(error.systemic).toBe(true);
  });
});
