// One portal process asking the token manager for an account's access token, for tests that need several
// processes on one database: `tsx tests/support/access-token-process.ts <accountId> <platform>`. The database
// and the platform's app come from the environment (DATABASE_URL, DATA_DIR, sandboxEnv()). It connects, prints
// "ready", waits for a line on stdin so that all processes ask at the same moment, then prints one JSON line:
// {"token": ...} or {"error": ...}.
import { once } from "node:events";
import { createInterface } from "node:readline";
import { closeDb, db } from "@/lib/db";
import { appConfig } from "@/lib/marketplaces/config";
import { platform } from "@/lib/marketplaces/registry";
import { accessTokenFor } from "@/lib/marketplaces/tokens";

async function main([accountId, platformId]: string[]) {
  if (!accountId || !platformId) throw new Error("usage: access-token-process.ts <accountId> <platform>");
  const adapter = platform(platformId);
  const app = appConfig(adapter.metadata.id);
  if (!app) throw new Error(`${platformId} has no app in this environment`);
  // Connected before the signal, so that the calls start together rather than after each one's connect.
  await db().$queryRaw`SELECT 1`;
  const input = createInterface({ input: process.stdin });
  console.log("ready");
  await once(input, "line");
  input.close();
  try {
    console.log(JSON.stringify({ token: await accessTokenFor(accountId, { adapter, app }) }));
  } catch (error) {
    console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  }
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
