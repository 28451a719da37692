// `npm run worker`: a process that only works bulk jobs, beside portals started with BULK_ENGINE=off or as extra
// hands on a shared PostgreSQL database (DATABASE_URL). SIGTERM or SIGINT stops it cleanly; SIGKILL loses nothing
// either: its claims lapse and another engine takes the items over.
//   --report MS   print the process's memory every MS milliseconds, one `[bulk] memory {json}` line each (the
//                 benchmark reads them)
import { parseArgs } from "node:util";
import { closeDb } from "../lib/db";
import { env } from "../lib/env";
import { settingsFromEnv, startEngine } from "../lib/bulk/engine";

const { values } = parseArgs({ options: { report: { type: "string" } } });
const reportMs = values.report === undefined ? null : Number(values.report);
if (reportMs !== null && !(Number.isInteger(reportMs) && reportMs > 0)) {
  console.error(`--report takes a whole number of milliseconds, not "${values.report}".`);
  process.exit(2);
}

env();
const engine = startEngine(settingsFromEnv());
console.log(`[bulk] worker ${engine.owner} started`);

const report = () => {
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  console.log(`[bulk] memory ${JSON.stringify({ at: Date.now(), rss, heapUsed, heapTotal, external })}`);
};
const reporter = reportMs === null ? undefined : setInterval(report, reportMs);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  clearInterval(reporter);
  console.log(`[bulk] ${signal}: finishing the calls under way`);
  await engine.stop();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
