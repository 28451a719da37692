import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seal, unseal } from "@/lib/crypto";

const key = randomBytes(32);

describe("sealing secrets at rest (AES-256-GCM)", () => {
  it("round-trips and never contains the plaintext", () => {
    const token = "allegro-refresh-token-ÄÖ-令牌";
    const sealed = seal(token, key);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("allegro");
    expect(unseal(sealed, key)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    expect(seal("same", key)).not.toBe(seal("same", key));
  });

  it("refuses a tampered value and a wrong key", () => {
    const sealed = seal("secret", key);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => unseal(parts.join("."), key)).toThrow();
    expect(() => unseal(sealed, randomBytes(32))).toThrow();
    expect(() => unseal("plain text", key)).toThrow(/Not a sealed value/);
  });
});
