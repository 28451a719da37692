import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env; DATABASE_URL comes from the environment when it is set at all.
// Without it the portal uses the embedded database and applies migrations itself (scripts/migrate.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
