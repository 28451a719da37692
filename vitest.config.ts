import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(__dirname) };

// Two projects: pure unit tests, and integration tests that run once per database kind
// (the embedded PGlite and a PostgreSQL server; see tests/support/global-setup.ts).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/sandbox/**/*.test.ts", "components/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        // Each platform's connector against the sandbox over real HTTP; no database involved.
        test: { name: "platforms", include: ["tests/platforms/**/*.test.ts"], environment: "node", testTimeout: 30_000, hookTimeout: 30_000 },
      },
      ...(["pglite", "postgres"] as const).map((db) => ({
        resolve: { alias },
        test: {
          name: `integration:${db}`,
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          env: { TEST_DB_KIND: db },
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database; files run in parallel across workers.
          fileParallelism: true,
        },
      })),
    ],
  },
});
