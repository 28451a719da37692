// Runs the Prisma CLI offline. Prisma 7 downloads a native schema engine before most commands;
// generate/validate/format only need WASM, so we point the engine at a stub that fails loudly
// instead of letting a command that needs the engine silently "succeed".
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stub = path.join(root, "scripts", "schema-engine-stub.sh");
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "prisma", "build", "index.js"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
    cwd: root,
    env: { PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1", ...process.env },
  },
);
process.exit(result.status ?? 1);
