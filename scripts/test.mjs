// `npm test`: unit and integration tests (both databases), then a production build and the browser tests.
import { existsSync } from "node:fs";
import { runStep } from "./run.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
runStep("vitest", ["run"], env);

const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const message = `Browser tests need Debian's chromium at ${chromium} (apt-get install chromium) or CHROMIUM_PATH.`;
  if (env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`Skipping the browser tests: ${message}`);
  process.exit(0);
}
runStep("next", ["build"], env);
runStep("playwright", ["test"], env);
