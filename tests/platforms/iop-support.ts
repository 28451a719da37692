// What the Alibaba.com and AliExpress tests share beyond ../support/sandbox.ts: calls to the IOP gateway signed by
// hand, to test the gateway itself rather than the connector, and the attribute definitions both platforms' schemas
// (ICBU's publish-rule XML, AliExpress's JSON Schema) must come to for the sandbox's catalog attributes.
import { expect } from "vitest";
import { parseJsonLossless } from "@/lib/marketplaces/http";
import type { AppConfig } from "@/lib/marketplaces/platform";
import { signIop } from "@/lib/marketplaces/signing";
import type { AttributeDefinition } from "@/lib/marketplaces/types";

export type RawCall = {
  /** `/rest{api path}`, or `/sync` with the method in `params`. */
  path: string;
  params: Record<string, string>;
  /** What is signed in front of the parameters: the API path on `/rest`, nothing on `/sync`. */
  signedPath?: string;
  /** Signs with this secret instead of the app's. */
  secret?: string;
};

/** A hand-made gateway call: the system parameters added, signed as told, everything in the form body. */
export async function rawCall(app: AppConfig, call: RawCall): Promise<Record<string, unknown>> {
  const params = { app_key: app.appKey, timestamp: String(Date.now()), sign_method: "sha256", ...call.params };
  const sign = signIop(call.secret ?? app.appSecret, params, call.signedPath);
  const response = await fetch(`${app.apiUrl}${call.path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...params, sign }),
  });
  expect(response.headers.get("content-type")).toContain("json");
  return parseJsonLossless(await response.text()) as Record<string, unknown>;
}

/**
 * Every sandbox leaf has a brand (text of at most 35 characters), a condition (one of several values), a warranty in
 * months required only for the condition's first value, a weight in kg and a material (several values, two or three
 * at most); both IOP schemas must say exactly that, whatever their native shape.
 */
export function expectCatalogAttributes(attributes: readonly AttributeDefinition[]) {
  const byName = new Map(attributes.map((attribute) => [attribute.name, attribute]));
  expect(byName.get("Brand")).toMatchObject({ type: "text", required: true, description: "At most 35 characters" });
  const condition = byName.get("Condition")!;
  expect(condition).toMatchObject({ type: "single_enum", required: true });
  expect(condition.values!.length).toBeGreaterThan(1);
  expect(new Set(condition.values!.map((value) => value.id)).size).toBe(condition.values!.length);
  expect(byName.get("Warranty")).toMatchObject({ type: "number", units: ["months"], required: true, dependsOn: { attributeId: condition.id, valueIds: [condition.values![0]!.id] } });
  expect(byName.get("Weight")).toMatchObject({ type: "number", units: ["kg"] });
  const material = byName.get("Material")!;
  expect(material).toMatchObject({ type: "multi_enum" });
  expect(material.values!.length).toBeGreaterThanOrEqual(4);
  expect([2, 3]).toContain(material.maxSelections);
  for (const attribute of attributes) {
    expect(attribute.id).toMatch(/^\d+$/);
    if (attribute.type === "text" || attribute.type === "number") expect(attribute.values).toBeUndefined();
    if (attribute.type !== "multi_enum") expect(attribute.maxSelections).toBeUndefined();
  }
}
