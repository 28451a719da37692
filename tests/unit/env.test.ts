import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const key = Buffer.alloc(32, 7).toString("base64");
const secret = "s".repeat(40);

describe("settings", () => {
  it("refuses to start in production without AUTH_SECRET and the encryption key, naming both", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production[\s\S]*TOKEN_ENCRYPTION_KEY: is required in production/);
  });

  it("refuses an encryption key that is not 32 bytes", () => {
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: secret, TOKEN_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(/TOKEN_ENCRYPTION_KEY: must be 32 bytes/);
  });

  it("refuses a DATABASE_URL that is not PostgreSQL", () => {
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: secret, TOKEN_ENCRYPTION_KEY: key, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("accepts production settings and defaults the rest", () => {
    const env = parseEnv({ NODE_ENV: "production", AUTH_SECRET: secret, TOKEN_ENCRYPTION_KEY: key });
    expect(env).toMatchObject({ DATA_DIR: ".data", APP_URL: "http://localhost:3000" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("generates development secrets once and keeps them", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "sk-env-"));
    const first = parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir });
    const second = parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir });
    expect(first.AUTH_SECRET).toBe(second.AUTH_SECRET);
    expect(Buffer.from(first.TOKEN_ENCRYPTION_KEY, "base64")).toHaveLength(32);
    expect(JSON.parse(readFileSync(path.join(dataDir, "dev-secrets.json"), "utf8")).AUTH_SECRET).toBe(first.AUTH_SECRET);
  });
});
