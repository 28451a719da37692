import { describe, expect, it } from "vitest";
import type { AttributeDefinition } from "@/lib/marketplaces/types";
import { attributeCountText } from "./attribute-schema";

const attribute = (id: string, required: boolean, dependsOn?: AttributeDefinition["dependsOn"]): AttributeDefinition => ({
  id,
  name: id,
  type: "text",
  nativeType: "string",
  required,
  dependsOn,
});

describe("the schema's attribute count", () => {
  it("counts an attribute required only under another's value apart from the always required", () => {
    const warranty = attribute("warranty", true, { attributeId: "condition", valueIds: ["new"] });
    expect(attributeCountText([attribute("brand", true), attribute("condition", true), warranty, attribute("material", false)])).toBe(
      "4 attributes, 2 required, 1 more under a condition",
    );
  });

  it("leaves the condition out when there is none, and an optional attribute shown under a condition is not required", () => {
    const shownSometimes = attribute("size", false, { attributeId: "kind", valueIds: ["shoe"] });
    expect(attributeCountText([attribute("brand", true), shownSometimes])).toBe("2 attributes, 1 required");
    expect(attributeCountText([attribute("brand", false)])).toBe("1 attribute, 0 required");
  });
});
