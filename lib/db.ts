import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import path from "node:path";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { openEmbeddedDatabase } from "./embedded-db";
import { env } from "./env";

/** The embedded database's folder under DATA_DIR. */
export function embeddedDatabaseDir(dataDir = env().DATA_DIR): string {
  return path.resolve(dataDir, "db");
}

type Connection = { client: PrismaClient; close(): Promise<void> };

function connect(): Connection {
  const { DATABASE_URL } = env();
  if (DATABASE_URL) {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: DATABASE_URL }) });
    return { client, close: () => client.$disconnect() };
  }
  const embedded = openEmbeddedDatabase(embeddedDatabaseDir());
  const client = new PrismaClient({ adapter: new PrismaPGlite(embedded.pglite) });
  // The PGlite adapter's $disconnect leaves PGlite open; close it too, or scripts never exit.
  return { client, close: async () => (await client.$disconnect(), await embedded.close()) };
}

// One connection per process, kept across hot reloads in development (a second PGlite on one folder corrupts it).
const holder = globalThis as unknown as { stallkeeperDb?: Connection };

/** The Prisma client: the embedded database unless DATABASE_URL names a PostgreSQL server. */
export function db(): PrismaClient {
  holder.stallkeeperDb ??= connect();
  return holder.stallkeeperDb.client;
}

/** Closes this process's connection (scripts and tests); the next db() opens a new one. */
export async function closeDb(): Promise<void> {
  const connection = holder.stallkeeperDb;
  holder.stallkeeperDb = undefined;
  await connection?.close();
}

/** True when a write lost a race on a unique constraint (two sign-ups with one email, say). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
