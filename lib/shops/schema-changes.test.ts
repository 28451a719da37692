import { describe, expect, it } from "vitest";
import type { AttributeDefinition, AttributeSchema } from "@/lib/marketplaces/types";
import { schemaChanges } from "./schema-changes";

const attribute = (id: string, name: string, extra: Partial<AttributeDefinition> = {}): AttributeDefinition => ({ id, name, type: "text", nativeType: "string", required: false, ...extra });
const schema = (...attributes: AttributeDefinition[]): AttributeSchema => ({ categoryId: "1", attributes });
const colour = (...names: string[]) => attribute("c", "Colour", { type: "single_enum", values: names.map((name) => ({ id: name.toLowerCase(), name })) });

describe("schema changes between two fetches", () => {
  it("finds nothing in the same schema", () => {
    const same = schema(attribute("b", "Brand", { required: true }), colour("Red", "Blue"));
    expect(schemaChanges(same, structuredClone(same))).toEqual([]);
  });

  it("names attributes added (and whether required), removed, newly required or not, retyped, and allowed values gained or lost", () => {
    const before = schema(attribute("b", "Brand"), attribute("w", "Weight", { required: true }), attribute("m", "Model code"), attribute("x", "Gone"), colour("Red", "Blue"));
    const after = schema(
      attribute("b", "Brand", { required: true }),
      attribute("w", "Weight", { type: "number", nativeType: "float" }),
      attribute("m", "Model code"),
      colour("Red", "Green"),
      attribute("n", "Warranty", { required: true }),
    );
    expect(schemaChanges(before, after)).toEqual([
      { kind: "now_required", attribute: "Brand" },
      { kind: "no_longer_required", attribute: "Weight" },
      { kind: "type_changed", attribute: "Weight", from: "text", to: "number" },
      { kind: "values_changed", attribute: "Colour", added: ["Green"], removed: ["Blue"] },
      { kind: "added", attribute: "Warranty", required: true },
      { kind: "removed", attribute: "Gone" },
    ]);
  });

  it("matches by id, so a renamed attribute or value is not a change of its own", () => {
    const before = schema(attribute("b", "Marke"), colour("Rot"));
    const after = schema(attribute("b", "Brand"), { ...colour("Red"), values: [{ id: "rot", name: "Red" }] });
    expect(schemaChanges(before, after)).toEqual([]);
  });
});
