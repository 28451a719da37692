import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import path from "node:path";
import { PrismaClient } from "./generated/prisma/client";
import { openEmbeddedDatabase } from "./embedded-db";
import { env } from "./env";

export type Database = PrismaClient;

/** The embedded database's folder under DATA_DIR. */
export function embeddedDatabaseDir(dataDir = env().DATA_DIR): string {
  return path.resolve(dataDir, "db");
}

function createClient(): PrismaClient {
  const { DATABASE_URL } = env();
  if (DATABASE_URL) return new PrismaClient({ adapter: new PrismaPg({ connectionString: DATABASE_URL }) });
  const embedded = openEmbeddedDatabase(embeddedDatabaseDir());
  return new PrismaClient({ adapter: new PrismaPGlite(embedded.pglite) });
}

// One client per process, kept across hot reloads in development (a second PGlite on the same folder corrupts it).
const holder = globalThis as unknown as { stallkeeperDb?: PrismaClient };

export function db(): PrismaClient {
  holder.stallkeeperDb ??= createClient();
  return holder.stallkeeperDb;
}
