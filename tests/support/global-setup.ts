// Once per integration project (TEST_DB_KIND): finds the database server the test files will use.
//
// pglite:   a temporary root folder, and PGlite data folders (empty, and migrated with the project's migrations)
//           that each file copies for its own database.
// postgres: $TEST_DATABASE_URL if set, else postgres://postgres@127.0.0.1:5432/postgres; if neither answers,
//           a private cluster from Debian's `postgresql` binaries on a free loopback port, stopped at the end.
//           With none of these the project is skipped with a message, except in CI (CI set), where it fails.
import { PGlite } from "@electric-sql/pglite";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/migrations";
import { dropDatabase, pgliteRunner, withPgClient, type DbKind } from "./database";

const run = promisify(execFile);
const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";

type Teardown = () => Promise<void> | void;

export default async function setup(project: TestProject): Promise<Teardown> {
  const kind = project.config.env?.TEST_DB_KIND as DbKind | undefined;
  if (kind !== "pglite" && kind !== "postgres") throw new Error(`tests/support/global-setup.ts: TEST_DB_KIND must be pglite or postgres, not ${kind}.`);
  const root = mkdtempSync(path.join(tmpdir(), `stallkeeper-test-${kind}-`));
  const teardowns: Teardown[] = [() => rmSync(root, { recursive: true, force: true })];
  const teardown = async () => {
    for (const step of teardowns.reverse()) await step();
  };

  try {
    if (kind === "pglite") {
      // Creating a PGlite cluster (its initdb) is the slow part: done once, then copied.
      const templates = { empty: path.join(root, "template-empty"), migrated: path.join(root, "template-migrated") };
      const empty = new PGlite(templates.empty);
      await empty.waitReady;
      await empty.close();
      cpSync(templates.empty, templates.migrated, { recursive: true });
      const migrated = new PGlite(templates.migrated);
      try {
        await migrate(pgliteRunner(migrated));
      } finally {
        await migrated.close();
      }
      project.provide("testDatabase", { kind, root, templates });
      return teardown;
    }

    const server = await findServer();
    if ("problem" in server) {
      const message = `PostgreSQL integration tests need a server, and none could be had:\n${server.problem}`;
      if (process.env.CI) throw new Error(`${message}\nCI must run every test: install the postgresql package or set TEST_DATABASE_URL.`);
      console.warn(
        `\n[integration:postgres] SKIPPED: ${message}\n` +
          "Install Debian's postgresql package (its initdb and pg_ctl are enough) or set TEST_DATABASE_URL to run them.\n",
      );
      project.provide("testDatabase", { kind, skip: server.problem });
      // Filters out every test of this project, so no file opens a database; they are reported as skipped.
      project.config.testNamePattern = /^(?!)/;
      return teardown;
    }
    if (server.stop) teardowns.push(server.stop);
    const prefix = `sk_test_${randomBytes(3).toString("hex")}_`;
    // Files drop their own databases; this catches those of a worker that crashed.
    teardowns.push(async () => {
      const leftovers = await withPgClient(server.url, (client) =>
        client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]),
      );
      for (const { datname } of leftovers.rows) await dropDatabase(server.url, datname);
    });
    console.info(`[integration:postgres] using ${server.source}`);
    project.provide("testDatabase", { kind, root, adminUrl: server.url, prefix, source: server.source });
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

type Server = { url: string; source: string; stop?: Teardown } | { problem: string };

async function findServer(): Promise<Server> {
  const problems: string[] = [];
  const explicit = process.env.TEST_DATABASE_URL;
  const url = explicit || DEFAULT_URL;
  const problem = await probe(url);
  if (!problem) return { url, source: explicit ? "TEST_DATABASE_URL" : `the server at ${redact(url)}` };
  problems.push(`- ${explicit ? "TEST_DATABASE_URL" : redact(url)}: ${problem}`);
  if (explicit) console.warn(`[integration:postgres] TEST_DATABASE_URL does not answer (${problem}); trying a private cluster.`);

  const cluster = await startPrivateCluster();
  if ("problem" in cluster) {
    problems.push(`- private cluster: ${cluster.problem}`);
    return { problem: problems.join("\n") };
  }
  return cluster;
}

const redact = (url: string) => url.replace(/:[^:@/]*@/, ":***@");

/** Null when the server answers and may create databases; else what is wrong. */
async function probe(url: string): Promise<string | null> {
  try {
    return await withPgClient(url, async (client) => {
      const { rows } = await client.query<{ allowed: boolean }>(
        "SELECT rolcreatedb OR rolsuper AS allowed FROM pg_roles WHERE rolname = current_user",
      );
      return rows[0]?.allowed ? null : "its role may not CREATE DATABASE";
    });
  } catch (error) {
    return (error as Error).message || String(error);
  }
}

/** initdb and pg_ctl from PATH, or from the newest /usr/lib/postgresql/<version>/bin. */
function findBinaries(): string | null {
  const candidates: string[] = [];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const initdb = path.join(dir, "initdb");
    if (dir && existsSync(initdb)) candidates.push(path.dirname(realpathSync(initdb)), dir);
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debian, version, "bin")));
  }
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

/** PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` user (or `nobody`). */
function clusterOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync("/etc/passwd", "utf8").split("\n");
  for (const name of ["postgres", "nobody"]) {
    const fields = passwd.find((line) => line.startsWith(`${name}:`))?.split(":");
    if (fields?.[2] && fields[3]) return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error("Running as root, and there is neither a postgres nor a nobody user to own a private PostgreSQL cluster.");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function startPrivateCluster(): Promise<Server> {
  const bin = findBinaries();
  if (!bin) return { problem: "no initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin (apt-get install postgresql)" };
  // Its own folder (mkdtemp makes it private to us), handed to the cluster's owner when we are root.
  const dir = mkdtempSync(path.join(tmpdir(), "stallkeeper-pg-"));
  const dataDir = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  let owner: { uid: number; gid: number } | undefined;
  try {
    owner = clusterOwner();
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const options = { cwd: dir, ...owner, env: { ...process.env, LC_ALL: "C", LANG: "C" }, timeout: 60_000 };
    await run(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], options);
    const port = await freePort();
    // Durability is of no use to throwaway test databases; these make them much faster.
    const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-l", log, "-w", "-t", "60", "-o", serverOptions, "start"], options);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const stop = async () => {
      await run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"], options).catch((error: Error) =>
        console.warn(`[integration:postgres] could not stop the private cluster in ${dir}: ${error.message}`),
      );
      rmSync(dir, { recursive: true, force: true });
    };
    const problem = await probe(url);
    if (problem) {
      await stop();
      return { problem: `the private cluster started but does not answer: ${problem}` };
    }
    return { url, source: `a private cluster (${bin}) on port ${port}`, stop };
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    const serverLog = existsSync(log) ? `\n${readFileSync(log, "utf8").trim().split("\n").slice(-5).join("\n")}` : "";
    rmSync(dir, { recursive: true, force: true });
    return { problem: `could not start a private cluster with ${bin}: ${detail}${serverLog}` };
  }
}
