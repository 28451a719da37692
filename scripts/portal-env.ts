// The environment of a throwaway production portal (the browser tests' and the benchmark's): fresh secrets, a
// fresh data folder for the embedded database, and every unconfigured platform pointed at a sandbox of its own.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { withSandbox } from "./sandbox-env";

export function throwawayPortalEnv(options: { port: number | string; sandboxPort: number | string; dataDir: string; sandbox?: Record<string, string> }): NodeJS.ProcessEnv {
  const env = withSandbox({
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: options.dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    APP_URL: `http://localhost:${options.port}`,
    SANDBOX_PORT: String(options.sandboxPort),
    SANDBOX_DATA_DIR: path.join(options.dataDir, "sandbox"),
    // Every browser test signs up its own people, all from this machine's address.
    SIGN_UPS_PER_HOUR_PER_IP: "1000",
    // SANDBOX_PRODUCTS_PER_SHOP, SANDBOX_LATENCY_MS, ...
    ...options.sandbox,
  });
  // The embedded database, never a PostgreSQL server the caller's shell happens to name.
  delete env.DATABASE_URL;
  return env;
}
