// The browse part of `npm run bench`: on a sandbox of 10,000 products a shop answering after 50 ms, how much the
// products page adds to the marketplace calls it wraps, how fast a cached category tree comes back, and how much
// JavaScript the products page loads first.
import { gzipSync } from "node:zlib";
// playwright-core's chromium, through the test runner the project already depends on.
import { chromium } from "@playwright/test";
import playwright from "../../playwright.config";
import { PLATFORM_IDS, type PlatformId } from "../../lib/marketplaces/types";
import { planProductQuery, productUrlQuery } from "../../lib/shops/product-query";
import { loadProductPage } from "../../lib/shops/products";
import { directShop } from "./direct-shop";
import { atMost, median, percentile, round, under, type Figure } from "./figures";
import { PortalSession } from "./portal-session";
import { startStack } from "./stack";

const PRODUCTS_PER_SHOP = 10_000;
const LATENCY_MS = 50;
// A server that has run every shop's pages a few times before any is timed: the first pages of a fresh `next start`
// still compile its code, and the platform measured first would pay for that alone.
const WARMUP = 10;
// Enough runs that one garbage collection or one slow answer moves neither a median nor a p95 (the p95 of 50 views
// rested on the 3 slowest, and moved by 15 ms between runs of the same build).
const PAGE_RUNS = 25;
const CATEGORY_RUNS = 200;

type LinkedShop = { platform: PlatformId; accountId: string; path: string };

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
};

/** Milliseconds of each of `runs` calls; `check` refuses an answer that is not the real thing. */
async function sample<T>(runs: number, work: () => Promise<T>, check: (value: T) => void): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { ms, value } = await timed(work);
    check(value);
    times.push(ms);
  }
  return times;
}

/** A whole HTML response: the request until its last streamed byte. */
const page = (session: PortalSession, path: string) => async () => {
  const answer = await session.request(path);
  return { status: answer.status, html: await answer.text() };
};

function productsShown(path: string) {
  return ({ status, html }: { status: number; html: string }) => {
    if (status !== 200 || !html.includes('data-testid="product-link"')) {
      throw new Error(`${path} answered ${status} without products${html.includes("products-problem") ? " (it shows a marketplace problem)" : ""}.`);
    }
  };
}

async function categoryFigure(session: PortalSession, shops: LinkedShop[]): Promise<Figure> {
  const figure = { name: "categories.cached_p95_ms", unit: "ms", goal: under(50) };
  const details: string[] = [];
  let worst = 0;
  for (const shop of shops) {
    const path = `${shop.path}/categories`;
    // The first view fetches the tree from the marketplace and caches it; the views after it are served from the cache.
    const first = await page(session, path)();
    if (first.status === 404) return { ...figure, value: null, note: "not measured: page missing" };
    await sample(WARMUP, page(session, path), () => undefined);
    const times = await sample(CATEGORY_RUNS, page(session, path), ({ status }) => {
      if (status !== 200) throw new Error(`${path} answered ${status}.`);
    });
    const p95 = percentile(times, 95);
    details.push(`${shop.platform}: p95 ${round(p95, 1)} ms, median ${round(median(times), 1)} ms over ${CATEGORY_RUNS} views`);
    worst = Math.max(worst, p95);
  }
  return { ...figure, value: round(worst, 1), details };
}

/** Gzipped size of every script a fresh browser loads for the page, in kB. */
async function firstLoadJs(session: PortalSession, path: string): Promise<Figure> {
  const browser = await chromium.launch(playwright.use?.launchOptions);
  try {
    const context = await browser.newContext();
    await context.addCookies(session.cookieList.map((cookie) => ({ ...cookie, url: session.baseUrl })));
    const tab = await context.newPage();
    const scripts: Promise<number>[] = [];
    tab.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.body().then((body) => gzipSync(body).length));
    });
    await tab.goto(new URL(path, session.baseUrl).toString(), { waitUntil: "load" });
    await tab.getByTestId("products").waitFor();
    const sizes = await Promise.all(scripts);
    const kb = sizes.reduce((sum, size) => sum + size, 0) / 1000;
    return { name: "products.first_load_js_kb_gz", value: round(kb, 1), unit: "kB", goal: under(250), details: [`${sizes.length} scripts on ${path}`] };
  } finally {
    await browser.close();
  }
}

/** The products page of a shop, and the same connector query made here through the same code (planProductQuery, loadProductPage). */
async function pageAndList(session: PortalSession, linked: LinkedShop) {
  const path = `${linked.path}/products`;
  const shop = await directShop(linked.platform);
  const { query } = planProductQuery(productUrlQuery.parse({}), shop.metadata);
  return {
    async page() {
      const shown = await timed(page(session, path));
      productsShown(path)(shown.value);
      return shown.ms;
    },
    async list() {
      const listed = await timed(() => loadProductPage(shop, query));
      if (!listed.value.page.items.length) throw new Error(`The ${linked.platform} list came back empty.`);
      return listed.ms;
    },
  };
}

/** Median times of the page (whole HTML response) and of its query, alternating, so both meet the sandbox in the same state. */
async function pageAndListTimes(measure: Awaited<ReturnType<typeof pageAndList>>): Promise<{ pageMs: number; listMs: number }> {
  const pages: number[] = [];
  const lists: number[] = [];
  for (let run = 0; run < PAGE_RUNS; run++) {
    pages.push(await measure.page());
    lists.push(await measure.list());
  }
  return { pageMs: median(pages), listMs: median(lists) };
}

export async function browseBench(): Promise<Figure[]> {
  console.log(`Browse: ${PRODUCTS_PER_SHOP.toLocaleString("en-US")} products a shop, ${LATENCY_MS} ms a marketplace call.`);
  const stack = await startStack({ productsPerShop: PRODUCTS_PER_SHOP, latencyMs: LATENCY_MS });
  try {
    const session = new PortalSession(stack.portalUrl);
    const team = await session.signUpWithTeam();
    const shops: LinkedShop[] = [];
    for (const platform of PLATFORM_IDS) {
      const accountId = await session.linkShop(team, platform);
      shops.push({ platform, accountId, path: `/t/${team}/shops/${accountId}` });
    }
    // This process's own connector calls go to the same sandbox.
    Object.assign(process.env, stack.env);
    const measures = await Promise.all(shops.map((shop) => pageAndList(session, shop)));
    for (const measure of measures) {
      for (let run = 0; run < WARMUP; run++) {
        await measure.page();
        await measure.list();
      }
    }
    const ratios: { ratio: number; line: string }[] = [];
    for (const [index, shop] of shops.entries()) {
      const { pageMs, listMs } = await pageAndListTimes(measures[index]!);
      ratios.push({ ratio: pageMs / listMs, line: `${shop.platform}: page ${round(pageMs, 0)} ms / list calls ${round(listMs, 0)} ms = ${round(pageMs / listMs)}` });
    }
    const categories = await categoryFigure(session, shops);
    const javascript = await firstLoadJs(session, `${shops[0]!.path}/products`);
    const overhead: Figure = {
      name: "products.page_overhead_ratio",
      value: round(Math.max(...ratios.map(({ ratio }) => ratio))),
      unit: "x",
      goal: atMost(1.3),
      details: [...ratios.map(({ line }) => line), `medians of ${PAGE_RUNS} runs, after ${WARMUP} of every platform to warm the server up; the figure is the worst platform's`],
    };
    return [overhead, categories, javascript];
  } finally {
    await stack.stop();
  }
}
