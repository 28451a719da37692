// Authors a new SQL migration offline: diffs the last migrated schema (prisma/migrations/schema.snapshot.prisma)
// against prisma/schema.prisma with Prisma 6's WASM differ, writes prisma/migrations/<timestamp>_<name>/migration.sql
// and updates the snapshot. Prisma 7's CLI needs a native engine that cannot be downloaded here.
// Usage: npm run db:new-migration -- <name>
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DIFFER_VERSION = "6.19.3";
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lower-case letters, digits and underscores)");
  process.exit(2);
}

// Installed beside the project, not as a dependency: an npm alias would replace node_modules/.bin/prisma.
// Prisma 6 runs its schema engine as WASM when its config names a driver adapter; an in-memory PGlite serves.
const toolDir = path.join(root, ".data", "tools", `prisma-${DIFFER_VERSION}`);
const differ = path.join(toolDir, "node_modules", "prisma", "build", "index.js");
const toolPackages = [`prisma@${DIFFER_VERSION}`, `@prisma/client@${DIFFER_VERSION}`, "pglite-prisma-adapter@0.6.1", "@electric-sql/pglite@0.5.16"];
if (!existsSync(differ)) {
  mkdirSync(toolDir, { recursive: true });
  writeFileSync(path.join(toolDir, "package.json"), '{"private":true}\n');
  console.log(`Installing the migration differ into ${path.relative(root, toolDir)} (once)…`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", ...toolPackages], { cwd: toolDir, stdio: "inherit" });
}
const differConfig = path.join(toolDir, "prisma.config.mjs");
writeFileSync(
  differConfig,
  `import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
export default { experimental: { adapter: true }, engine: "js", adapter: async () => new PrismaPGlite(new PGlite()) };
`,
);
// Both engines are never used by a diff; the stubs keep the CLI from trying to download them.
const stub = path.join(root, "scripts", "schema-engine-stub.sh");

const migrations = path.join(root, "prisma", "migrations");
const snapshot = path.join(migrations, "schema.snapshot.prisma");
const current = path.join(root, "prisma", "schema.prisma");

// Prisma 6 wants a datasource url in the file; Prisma 7 forbids it. Give the differ a copy that has one.
const forDiffer = (file) => {
  const out = path.join(toolDir, path.basename(file) + ".v6.prisma");
  writeFileSync(out, readFileSync(file, "utf8").replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url = env("STALLKEEPER_UNUSED_URL")'));
  return out;
};
const from = existsSync(snapshot) ? ["--from-schema-datamodel", forDiffer(snapshot)] : ["--from-empty"];

const sql = execFileSync(
  process.execPath,
  [differ, "migrate", "diff", "--config", differConfig, ...from, "--to-schema-datamodel", forDiffer(current), "--script"],
  {
    cwd: toolDir,
    encoding: "utf8",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_QUERY_ENGINE_LIBRARY: stub },
  },
);
if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
  console.log("The schema has not changed since the last migration: nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrations, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(current, snapshot);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
