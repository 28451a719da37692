// The migration runner (lib/migrations.ts) on an empty database of this project's kind.
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db as appDb } from "@/lib/db";
import { migrate, MIGRATIONS_DIR, readMigrations, type SqlRunner } from "@/lib/migrations";
import { openEmptyDatabase, type EmptyDatabase } from "../support/database";

const config = inject("testDatabase");

/** The migration folders as they are on disk, with the SHA-256 of each migration.sql, computed here independently. */
const onDisk = readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((name) => ({
    name,
    checksum: createHash("sha256")
      .update(readFileSync(path.join(process.cwd(), "prisma", "migrations", name, "migration.sql")))
      .digest("hex"),
  }));

type Recorded = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number };

const recorded = async (db: SqlRunner) =>
  (await db.query(`SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`))
    .rows as Recorded[];

const tables = async (db: SqlRunner) =>
  ((await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`)).rows as { table_name: string }[]).map(
    (row) => row.table_name,
  );

/** A copy of prisma/migrations to edit. */
const scratch: string[] = [];
function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stallkeeper-migrations-"));
  scratch.push(dir);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

// One extra database of this project's kind, emptied before each test (this file's own database is migrated).
let empty: EmptyDatabase;
let db: SqlRunner;
beforeAll(async () => {
  empty = await openEmptyDatabase(config);
  db = empty.runner;
});
beforeEach(async () => {
  await empty.reset();
  expect(await tables(db)).toEqual([]);
});
afterAll(async () => {
  await empty?.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe("migrations", () => {
  it("finds the project's migrations", () => {
    expect(onDisk.length).toBeGreaterThan(0);
    expect(readMigrations().map(({ name, checksum }) => ({ name, checksum }))).toEqual(onDisk);
  });

  it("are applied to this file's own database, the one lib/db.ts opens", async () => {
    const rows = await appDb().$queryRaw<{ migration_name: string; checksum: string }[]>`
      SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(rows.map((row) => ({ name: row.migration_name, checksum: row.checksum }))).toEqual(onDisk);
  });

  it("apply in order to an empty database, recorded with the SHA-256 of each file; a second run applies nothing", async () => {
    expect(await migrate(db)).toEqual(onDisk.map((m) => m.name));

    expect(await tables(db)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "User", "Team", "Membership", "Invite", "AuditEvent", "RateLimiterFlexible", "MarketplaceAccount", "OAuthState"]),
    );
    const rows = await recorded(db);
    expect(rows.map(({ migration_name, checksum }) => ({ name: migration_name, checksum }))).toEqual(onDisk);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    expect(await migrate(db)).toEqual([]);
    expect(await recorded(db)).toEqual(rows);
  });

  it("apply only what is new", async () => {
    const dir = copyOfMigrations();
    await migrate(db, readMigrations(dir));
    mkdirSync(path.join(dir, "29991231235959_later"));
    writeFileSync(path.join(dir, "29991231235959_later", "migration.sql"), `CREATE TABLE "Later" ("id" TEXT PRIMARY KEY);\n`);
    expect(await migrate(db, readMigrations(dir))).toEqual(["29991231235959_later"]);
    expect(await tables(db)).toContain("Later");
    expect((await recorded(db)).map((row) => row.migration_name)).toEqual([...onDisk.map((m) => m.name), "29991231235959_later"]);
  });

  it("refuse a migration whose file changed after it was applied, naming it, and apply nothing", async () => {
    await migrate(db);
    const before = await recorded(db);
    const dir = copyOfMigrations();
    const changed = onDisk[0]!.name;
    appendFileSync(path.join(dir, changed, "migration.sql"), "\n-- edited after it was applied\n");
    mkdirSync(path.join(dir, "29991231235959_later"));
    writeFileSync(path.join(dir, "29991231235959_later", "migration.sql"), `CREATE TABLE "Later" ("id" TEXT PRIMARY KEY);\n`);

    await expect(migrate(db, readMigrations(dir))).rejects.toThrow(`Migration ${changed} was changed after it was applied. Add a new migration instead.`);
    expect(await recorded(db)).toEqual(before);
    expect(await tables(db)).not.toContain("Later");
  });

  it("roll back a failing migration completely, and record nothing for it", async () => {
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, "29991231235959_broken"));
    writeFileSync(
      path.join(dir, "29991231235959_broken", "migration.sql"),
      `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n`,
    );
    await expect(migrate(db, readMigrations(dir))).rejects.toThrow(/^Migration 29991231235959_broken failed: .*NoSuchTable/);
    // The ones before it were applied and kept; the broken one left no trace.
    expect((await recorded(db)).map((row) => row.migration_name)).toEqual(onDisk.map((m) => m.name));
    expect(await tables(db)).not.toContain("HalfDone");
    // The advisory lock was released.
    expect((await db.query(`SELECT objid FROM pg_locks WHERE locktype = 'advisory'`)).rows).toEqual([]);
  });
});
