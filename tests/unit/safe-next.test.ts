import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/safe-next";

describe("post-sign-in destination", () => {
  it("keeps same-site paths", () => {
    expect(safeNext("/t/acme/members?x=1")).toBe("/t/acme/members?x=1");
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", undefined, ""])("refuses %s", (next) => {
    expect(safeNext(next)).toBe("/teams");
  });
});
