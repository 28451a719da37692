// Applies pending SQL migrations to the configured database (embedded unless DATABASE_URL is set).
// Run before the portal starts: the embedded database can be open in one process only.
import { Client } from "pg";
import { openEmbeddedDatabase } from "../lib/embedded-db";
import { embeddedDatabaseDir } from "../lib/db";
import { env } from "../lib/env";
import { migrate } from "../lib/migrations";

async function main() {
  const { DATABASE_URL } = env();
  if (DATABASE_URL) {
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      report(await migrate({ query: (sql, params) => client.query(sql, params), exec: (sql) => client.query(sql) }), "PostgreSQL");
    } finally {
      await client.end();
    }
    return;
  }
  const dir = embeddedDatabaseDir();
  const embedded = openEmbeddedDatabase(dir);
  try {
    const { pglite } = embedded;
    report(await migrate({ query: (sql, params) => pglite.query(sql, params), exec: (sql) => pglite.exec(sql) }), `the embedded database (${dir})`);
  } finally {
    await embedded.close();
  }
}

function report(applied: string[], where: string) {
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}` : `${where}: schema is up to date.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
