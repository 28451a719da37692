// `npm run dev`: migrate and seed the database, then run the sandbox marketplaces and the portal side by side.
import { runStep, runTogether } from "./run.mjs";
import { withSandbox } from "./sandbox-env";

const env = withSandbox({ ...process.env, NODE_ENV: "development", NEXT_TELEMETRY_DISABLED: "1" });
runStep("tsx", ["scripts/migrate.ts"], env);
runStep("tsx", ["scripts/seed.ts"], env);
runTogether(
  [
    ["tsx", ["lib/sandbox/main.ts"]],
    ["next", ["dev", ...process.argv.slice(2)]],
  ],
  env,
);
