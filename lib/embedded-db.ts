import { PGlite } from "@electric-sql/pglite";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

// PGlite has no lock of its own: a second process opening the same folder gets no error and can corrupt it.
// This lock file makes that mistake loud instead.
function takeLock(dir: string): () => void {
  const lockFile = path.join(dir, "stallkeeper.lock");
  for (;;) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockFile, "utf8") === String(process.pid)) rmSync(lockFile);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockFile, "utf8"));
      if (owner === process.pid) throw new Error(`The embedded database in ${dir} is already open in this process.`);
      if (owner && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${dir} is open in process ${owner}. The embedded database serves one process; ` +
            "stop that process, or set DATABASE_URL to a PostgreSQL server to run several.",
        );
      }
      rmSync(lockFile, { force: true }); // Left behind by a process that died.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export type EmbeddedDatabase = { pglite: PGlite; close(): Promise<void> };

/**
 * Opens (creating on first use) the embedded PostgreSQL under `dir`, owned by this process until close().
 * Synchronous so that a Prisma client can be built at import time; queries wait for `pglite.waitReady`.
 */
export function openEmbeddedDatabase(dir: string): EmbeddedDatabase {
  mkdirSync(dir, { recursive: true });
  const release = takeLock(dir);
  process.once("exit", release);
  const pglite = new PGlite(path.join(dir, "pgdata"));
  return {
    pglite,
    async close() {
      await pglite.close();
      release();
      process.removeListener("exit", release);
    },
  };
}
