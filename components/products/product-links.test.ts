import { describe, expect, it } from "vitest";
import { backToProductsHref, productHref } from "./product-links";

const PRODUCTS = "/t/acme/shops/acc1/products";

describe("productHref and backToProductsHref", () => {
  it("carry the table's query to the detail page and back unchanged", () => {
    const tableQuery = "page=3&pageSize=50&status=online&q=red+tent&from=2026-01-01";
    const detail = new URL(productHref(PRODUCTS, "7233816982763686935", tableQuery), "http://portal");
    expect(detail.pathname).toBe(`${PRODUCTS}/7233816982763686935`);
    expect(backToProductsHref(PRODUCTS, detail.searchParams.get("from") ?? undefined)).toBe(`${PRODUCTS}?${tableQuery}`);
  });

  it("leave the query out when the table had none, and encode the id", () => {
    expect(productHref(PRODUCTS, "14:1", "")).toBe(`${PRODUCTS}/14%3A1`);
    expect(backToProductsHref(PRODUCTS, undefined)).toBe(PRODUCTS);
    expect(backToProductsHref(PRODUCTS, "")).toBe(PRODUCTS);
  });

  it("read a hand-made from as a query string only, never as a path or another host", () => {
    for (const from of ["//evil.example/x", "https://evil.example/", "/../../admin", "?a=1#frag"]) {
      const href = backToProductsHref(PRODUCTS, from);
      expect(href.startsWith(`${PRODUCTS}?`)).toBe(true);
      expect(new URL(href, "http://portal").pathname).toBe(PRODUCTS);
    }
  });

  it("ignore repeated or overlong from values", () => {
    expect(backToProductsHref(PRODUCTS, ["page=2", "page=3"])).toBe(PRODUCTS);
    expect(backToProductsHref(PRODUCTS, `q=${"x".repeat(3_000)}`)).toBe(PRODUCTS);
  });
});
