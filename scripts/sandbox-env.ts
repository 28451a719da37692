// Points every platform the user has not configured at the sandbox, with the sandbox's own app credentials,
// so `npm run dev` and the browser tests link to the emulated marketplaces out of the box. A platform with
// its own <PREFIX>_APP_KEY in the environment keeps talking to the real host.
import { ENV_PREFIX } from "../lib/marketplaces/config";
import { PLATFORM_IDS } from "../lib/marketplaces/types";
import { configFromEnv, platformBaseUrl } from "../lib/sandbox/config";

export function withSandbox(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const sandbox = configFromEnv(source);
  const url = `http://${sandbox.host}:${sandbox.port}`;
  const env = { ...source };
  for (const id of PLATFORM_IDS) {
    const prefix = ENV_PREFIX[id];
    if (env[`${prefix}_APP_KEY`]) continue;
    env[`${prefix}_APP_KEY`] = sandbox.apps[id].appKey;
    env[`${prefix}_APP_SECRET`] = sandbox.apps[id].appSecret;
    env[`${prefix}_AUTH_URL`] = platformBaseUrl(url, id);
    env[`${prefix}_API_URL`] = platformBaseUrl(url, id);
  }
  return env;
}
