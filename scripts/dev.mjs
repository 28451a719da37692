// `npm run dev`: migrate and seed the database, then run the portal.
import { runStep, runTogether } from "./run.mjs";

const env = { ...process.env, NODE_ENV: "development" };
runStep("tsx", ["scripts/migrate.ts"], env);
runStep("tsx", ["scripts/seed.ts"], env);
runTogether([["next", ["dev", ...process.argv.slice(2)]]], env);
