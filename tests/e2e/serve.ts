// Serves the production build for the browser tests: fresh data folders, fresh secrets, migrations applied,
// and the sandbox marketplaces on their own port beside the portal.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runStep, runTogether } from "../../scripts/run.mjs";
import { withSandbox } from "../../scripts/sandbox-env";

const port = process.argv[2] ?? "3100";
const dataDir = mkdtempSync(path.join(tmpdir(), "stallkeeper-e2e-"));
const env = withSandbox({
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: dataDir,
  AUTH_SECRET: randomBytes(32).toString("base64"),
  TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  APP_URL: `http://localhost:${port}`,
  SANDBOX_PORT: process.env.E2E_SANDBOX_PORT ?? String(Number(port) + 1000),
  SANDBOX_DATA_DIR: path.join(dataDir, "sandbox"),
  SANDBOX_PRODUCTS_PER_SHOP: "500",
});
delete env.DATABASE_URL;
runStep("tsx", ["scripts/migrate.ts"], env);
runTogether(
  [
    ["tsx", ["lib/sandbox/main.ts"]],
    ["next", ["start", "-p", port]],
  ],
  env,
);
