// `npm run sandbox`: the emulated platforms on SANDBOX_PORT, settings from the environment (see config.ts).
import { configFromEnv, optionsFromConfig, platformBaseUrl } from "./config";
import { PLATFORMS } from "./platforms";
import { startSandbox } from "./server";

async function main() {
  const config = configFromEnv();
  const sandbox = await startSandbox({ ...optionsFromConfig(config), log: (line) => console.log(`[sandbox] ${line}`) });
  console.log(`[sandbox] listening on ${sandbox.url} (data in ${config.dataDir}, seed ${config.seed})`);
  for (const platform of PLATFORMS) console.log(`[sandbox]   ${platform.name}: ${platformBaseUrl(sandbox.url, platform.id)}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[sandbox] ${signal}: saving state and stopping`);
    await sandbox.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: Error) => {
  console.error(`[sandbox] could not start: ${error.message}`);
  process.exit(1);
});
