import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SchemaChangesNotice } from "./schema-changes-notice";

const render = (props: Parameters<typeof SchemaChangesNotice>[0]) => renderToStaticMarkup(createElement(SchemaChangesNotice, props));
const sentences = (html: string) => [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((match) => match[1]);

describe("the schema changes notice", () => {
  it("says each change in words, what became required first, with a way to the category's products", () => {
    const html = render({
      platformName: "Allegro",
      productsHref: "/t/acme/shops/a1/products?category=42",
      changes: {
        since: "2026-12-01T10:00:00.000Z",
        changes: [
          { kind: "values_changed", attribute: "Colour", added: ["Green", "Navy"], removed: ["Pink"] },
          { kind: "removed", attribute: "Length" },
          { kind: "type_changed", attribute: "Weight", from: "text", to: "number" },
          { kind: "added", attribute: "Warranty", required: true },
          { kind: "no_longer_required", attribute: "Brand" },
          { kind: "now_required", attribute: "Material" },
          { kind: "added", attribute: "Model code", required: false },
        ],
      },
    });
    expect(html).toContain("Allegro changed this schema");
    expect(html).toContain('dateTime="2026-12-01T10:00:00.000Z"');
    expect(sentences(html)).toEqual([
      "Warranty is new and required.",
      "Material is now required.",
      "Colour allows Green and Navy now and no longer allows Pink.",
      "Length is gone.",
      "Weight now takes number instead of text.",
      "Brand is no longer required.",
      "Model code is new.",
    ]);
    expect(html).toContain('href="/t/acme/shops/a1/products?category=42"');
  });

  it("shows nothing when the last refresh found no change, or there was none", () => {
    expect(render({ platformName: "Allegro", changes: { since: "2026-12-01T10:00:00.000Z", changes: [] } })).toBe("");
    expect(render({ platformName: "Allegro", changes: null })).toBe("");
  });
});
