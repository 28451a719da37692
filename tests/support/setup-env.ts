// Runs before each integration test file is imported: gives the file its own fresh, migrated database and
// points the settings at it before any lib/ module reads env() (it caches what it reads once).
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "@/lib/db";
import { env } from "@/lib/env";
import { openConnection, prepareFileDatabase } from "./database";

const config = inject("testDatabase");

// A skipped project (no PostgreSQL on this machine) filters out every test: nothing to prepare.
if (!("skip" in config)) {
  const database = prepareFileDatabase(config);

  beforeAll(async () => {
    // lib/db.ts keeps its connection on globalThis, which outlives a test file in the same worker.
    if (openConnection()) {
      throw new Error("A database connection from an earlier test file is still open in this worker: that file's afterAll did not run closeDb().");
    }
    await database.create();
    const settings = env();
    if (settings.DATA_DIR !== database.dataDir || settings.DATABASE_URL !== database.url) {
      throw new Error(`env() was read before this file's database was chosen (DATA_DIR ${settings.DATA_DIR}, expected ${database.dataDir}).`);
    }
  });

  afterAll(async () => {
    try {
      await closeDb();
      if (openConnection()) throw new Error("closeDb() left the connection open.");
    } finally {
      await database.destroy();
    }
  });
}
