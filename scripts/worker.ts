// `npm run worker`: a process that only works bulk jobs, beside portals started with BULK_ENGINE=off or as extra
// hands on a shared PostgreSQL database (DATABASE_URL). SIGTERM or SIGINT stops it cleanly; SIGKILL loses nothing
// either: its claims lapse and another engine takes the items over.
import { closeDb } from "../lib/db";
import { env } from "../lib/env";
import { settingsFromEnv, startEngine } from "../lib/bulk/engine";

env();
const engine = startEngine(settingsFromEnv());
console.log(`[bulk] worker ${engine.owner} started`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[bulk] ${signal}: finishing the calls under way`);
  await engine.stop();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
