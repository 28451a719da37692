// Serves the production build for the end-to-end tests: fresh data folder, fresh secrets, migrations applied.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runStep, runTogether } from "../../scripts/run.mjs";

const port = process.argv[2] ?? "3100";
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: mkdtempSync(path.join(tmpdir(), "stallkeeper-e2e-")),
  AUTH_SECRET: randomBytes(32).toString("base64"),
  TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  APP_URL: `http://localhost:${port}`,
};
delete env.DATABASE_URL;
runStep("tsx", ["scripts/migrate.ts"], env);
runTogether([["next", ["start", "-p", port]]], env);
