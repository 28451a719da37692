// One fresh, migrated database per integration test file, on the database kind of the running project
// (see global-setup.ts for how the PostgreSQL server or the embedded template is found).
import { PGlite } from "@electric-sql/pglite";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrate, type SqlRunner } from "@/lib/migrations";

export type DbKind = "pglite" | "postgres";

/** What global-setup.ts hands to every test file of a project (through vitest's provide/inject). */
export type TestDatabaseConfig =
  | {
      kind: "pglite";
      /** Temporary folder of this run; each test file gets a DATA_DIR below it. */
      root: string;
      /**
       * PGlite data folders made once per run and copied where needed (PGlite's initdb takes seconds in WASM, and
       * each open about one): `empty` is initialized only; `migrated` has had lib/migrations.ts applied.
       */
      templates: { empty: string; migrated: string };
    }
  | {
      kind: "postgres";
      root: string;
      /** A URL with the right to CREATE DATABASE. */
      adminUrl: string;
      /** Every database of this run is named `<prefix><random>`, so teardown can find leftovers. */
      prefix: string;
      /** Where the server came from, for messages. */
      source: string;
    }
  | { kind: DbKind; skip: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseConfig;
  }
}

/** The key under which lib/db.ts keeps its connection on globalThis. */
const CONNECTION_KEY = "stallkeeperDb";

export function openConnection(): unknown {
  return (globalThis as Record<string, unknown>)[CONNECTION_KEY];
}

export const pgRunner = (client: pg.Client): SqlRunner => ({
  query: (sql, params) => client.query(sql, params),
  exec: (sql) => client.query(sql),
});

export const pgliteRunner = (pglite: PGlite): SqlRunner => ({
  query: (sql, params) => pglite.query(sql, params),
  exec: (sql) => pglite.exec(sql),
});

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withPgClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withPgClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    // WITH (FORCE) (PostgreSQL 13+) also ends connections a crashed test left behind.
    const force = Number(rows[0]?.v) >= 130000 ? " WITH (FORCE)" : "";
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}${force}`);
  });
}

export type FileDatabase = {
  kind: DbKind;
  dataDir: string;
  /** DATABASE_URL for this file; undefined for the embedded database. */
  url: string | undefined;
  /** Creates the database with the project's migrations applied (PostgreSQL: migrated here; PGlite: a copy of the run's migrated template). */
  create(): Promise<void>;
  /** Deletes the database (after lib/db.ts's connection is closed). */
  destroy(): Promise<void>;
};

/**
 * Chooses this file's database and points the environment at it: synchronously, so that it happens before
 * any lib/ module reads env(). Nothing touches a database until create().
 */
export function prepareFileDatabase(config: Exclude<TestDatabaseConfig, { skip: string }>): FileDatabase {
  const dataDir = mkdtempSync(path.join(config.root, "file-"));
  Object.assign(process.env, { NODE_ENV: "test", APP_URL: "http://localhost:3000", DATA_DIR: dataDir });

  if (config.kind === "pglite") {
    delete process.env.DATABASE_URL;
    const dir = path.join(dataDir, "db");
    return {
      kind: "pglite",
      dataDir,
      url: undefined,
      async create() {
        mkdirSync(dir, { recursive: true });
        // Copied under the layout lib/db.ts opens (DATA_DIR/db/pgdata); opening it once more here to migrate
        // would cost each file a second PGlite start, so the migrated template is copied instead.
        cpSync(config.templates.migrated, path.join(dir, "pgdata"), { recursive: true });
      },
      async destroy() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  const name = `${config.prefix}${randomBytes(6).toString("hex")}`;
  const url = databaseUrl(config.adminUrl, name);
  process.env.DATABASE_URL = url;
  return {
    kind: "postgres",
    dataDir,
    url,
    async create() {
      await withPgClient(config.adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
      await withPgClient(url, (client) => migrate(pgRunner(client)));
    },
    async destroy() {
      await dropDatabase(config.adminUrl, name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type EmptyDatabase = {
  runner: SqlRunner;
  /** Drops everything again (the public schema, where migrations and `_prisma_migrations` live). */
  reset(): Promise<void>;
  close(): Promise<void>;
};

/** An extra, empty database (no migrations applied) of the project's kind, for tests of the migration runner. */
export async function openEmptyDatabase(config: TestDatabaseConfig): Promise<EmptyDatabase> {
  if ("skip" in config) throw new Error(`No test database: ${config.skip}`);
  const reset = (runner: SqlRunner) => runner.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  if (config.kind === "pglite") {
    const dir = mkdtempSync(path.join(config.root, "empty-"));
    cpSync(config.templates.empty, path.join(dir, "pgdata"), { recursive: true });
    const pglite = new PGlite(path.join(dir, "pgdata"));
    const runner = pgliteRunner(pglite);
    return {
      runner,
      reset: async () => void (await reset(runner)),
      async close() {
        await pglite.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `${config.prefix}${randomBytes(6).toString("hex")}`;
  await withPgClient(config.adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const client = new pg.Client({ connectionString: databaseUrl(config.adminUrl, name) });
  await client.connect();
  const runner = pgRunner(client);
  return {
    runner,
    reset: async () => void (await reset(runner)),
    async close() {
      await client.end();
      await dropDatabase(config.adminUrl, name);
    },
  };
}
