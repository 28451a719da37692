// Serves the production build for the browser tests: fresh data folders, fresh secrets, migrations applied,
// and the sandbox marketplaces on their own port beside the portal.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { throwawayPortalEnv } from "../../scripts/portal-env";
import { runStep, runTogether } from "../../scripts/run.mjs";

const port = process.argv[2] ?? "3100";
const env = throwawayPortalEnv({
  port,
  sandboxPort: process.env.E2E_SANDBOX_PORT ?? String(Number(port) + 1000),
  dataDir: mkdtempSync(path.join(tmpdir(), "stallkeeper-e2e-")),
  sandbox: { SANDBOX_PRODUCTS_PER_SHOP: "500" },
});
runStep("tsx", ["scripts/migrate.ts"], env);
runTogether(
  [
    ["tsx", ["lib/sandbox/main.ts"]],
    ["next", ["start", "-p", port]],
  ],
  env,
);
