// `npm run start`: apply pending migrations, then serve the production build.
// Refuses to start without AUTH_SECRET and TOKEN_ENCRYPTION_KEY (lib/env.ts says which is missing).
import { runStep, runTogether } from "./run.mjs";

const env = { ...process.env, NODE_ENV: "production" };
runStep("tsx", ["scripts/migrate.ts"], env);
runTogether([["next", ["start", ...process.argv.slice(2)]]], env);
