import { describe, expect, it } from "vitest";
import { configFromEnv, DEFAULT_APPS, platformBaseUrl, SANDBOX_DEFAULT_URL } from "@/lib/sandbox/config";

describe("sandbox settings", () => {
  it("uses the documented defaults when nothing is set, and counts empty variables as unset", () => {
    const config = configFromEnv({ SANDBOX_PORT: "" });
    expect(config).toMatchObject({ port: 4010, host: "127.0.0.1", dataDir: ".data/sandbox", latencyMs: 0, tokenTtlScale: 1, seed: 1, productsPerShop: 2500 });
    expect(config.apps).toEqual(DEFAULT_APPS);
    expect(platformBaseUrl(SANDBOX_DEFAULT_URL, "1688")).toBe("http://127.0.0.1:4010/1688");
  });

  it("reads every variable, per-platform app keys included", () => {
    const config = configFromEnv({
      SANDBOX_PORT: "0",
      SANDBOX_DATA_DIR: "/tmp/x",
      SANDBOX_LATENCY_MS: "25",
      SANDBOX_TOKEN_TTL_SCALE: "0.001",
      SANDBOX_SEED: "9",
      SANDBOX_PRODUCTS_PER_SHOP: "10000",
      SANDBOX_1688_APP_KEY: "7777777",
      SANDBOX_ALLEGRO_APP_SECRET: "s3cret",
    });
    expect(config).toMatchObject({ port: 0, dataDir: "/tmp/x", latencyMs: 25, tokenTtlScale: 0.001, seed: 9, productsPerShop: 10_000 });
    expect(config.apps["1688"]).toEqual({ appKey: "7777777", appSecret: DEFAULT_APPS["1688"].appSecret });
    expect(config.apps.allegro).toEqual({ appKey: DEFAULT_APPS.allegro.appKey, appSecret: "s3cret" });
  });

  it("names the variable that is wrong", () => {
    expect(() => configFromEnv({ SANDBOX_PORT: "70000" })).toThrow(/SANDBOX_PORT/);
    expect(() => configFromEnv({ SANDBOX_TOKEN_TTL_SCALE: "0" })).toThrow(/SANDBOX_TOKEN_TTL_SCALE/);
  });
});
