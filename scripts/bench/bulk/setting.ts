// Where the bulk part keeps its jobs, and the environment it runs in. A database of its own on the PostgreSQL server
// at 127.0.0.1:5432 (or BENCH_DATABASE_URL, a URL that may create databases), which a worker process can share;
// without one, the embedded database, which serves this process alone. Set before anything in lib/ reads it.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { databaseUrl, dropDatabase, withPgClient } from "../../../tests/support/database";
import { throwawayPortalEnv } from "../../portal-env";
import { runStep } from "../../run.mjs";

const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";

export type Setting = {
  /** What the engine and a worker can share: only PostgreSQL lets several processes work jobs. */
  database: { kind: "postgres"; name: string } | { kind: "embedded"; why: string };
  /** Temporary folder for the embedded database, the sandboxes' data and the logs. */
  dataDir: string;
  /** This process's environment, for the processes it starts. */
  env: NodeJS.ProcessEnv;
  cleanUp(): Promise<void>;
};

const redact = (url: string) => url.replace(/:[^:@/]*@/, ":***@");

/** A fresh database on the server, or why there is none. */
async function createDatabase(server: string): Promise<{ url: string; name: string } | { problem: string }> {
  const name = `sk_bench_${randomBytes(4).toString("hex")}`;
  try {
    await withPgClient(server, (client) => client.query(`CREATE DATABASE "${name}"`));
    return { url: databaseUrl(server, name), name };
  } catch (error) {
    return { problem: `${redact(server)}: ${(error as Error).message || String(error)}` };
  }
}

/** Makes the environment (sandbox on `sandboxPort`), creates and migrates the database, and adopts the environment. */
export async function prepareSetting(sandboxPort: number): Promise<Setting> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "stallkeeper-bench-bulk-"));
  const env = throwawayPortalEnv({ port: 3000, sandboxPort, dataDir });
  const server = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER;
  const created = await createDatabase(server);
  if ("url" in created) env.DATABASE_URL = created.url;
  runStep("tsx", ["scripts/migrate.ts"], env);
  Object.assign(process.env, env);
  const database: Setting["database"] = "url" in created ? { kind: "postgres", name: created.name } : { kind: "embedded", why: created.problem };
  return {
    database,
    dataDir,
    env,
    async cleanUp() {
      if ("name" in created) await dropDatabase(server, created.name).catch((error: Error) => console.warn(`Could not drop ${created.name}: ${error.message}`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
