// The sandbox marketplaces as `npm run sandbox` runs them, in a process of their own, switched between two
// settings: setting up (no latency, the app and account limits lifted) while the benchmark links shops and plans
// jobs, which is not measured, and measuring (50 ms a call, the sandbox's own limits, which start afresh).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { platform } from "../../../lib/marketplaces/registry";
import { PLATFORM_IDS, type PlatformId } from "../../../lib/marketplaces/types";
import { ready, startService, stopService } from "../stack";

export const LATENCY_MS = 50;

const rateLimit = z.object({ requests: z.number(), perSeconds: z.number() });
const knobsSchema = z.object({ latencyMs: z.number(), rateLimits: z.record(z.string(), z.object({ app: rateLimit, account: rateLimit }).catchall(rateLimit)) });

type RateLimits = z.infer<typeof knobsSchema>["rateLimits"];

export type Marketplace = {
  url: string;
  /** Setting up: no latency, no app or account limits. */
  forSetup(): Promise<void>;
  /** Measuring: 50 ms a call and the sandbox's own limits. */
  forMeasuring(): Promise<void>;
  /** The sandbox's own app and account limits beside the portal's declared ones, a line per platform. */
  limitLines: string[];
  stop(): Promise<void>;
};

const perSecond = ({ requests, perSeconds }: { requests: number; perSeconds: number }) => requests / perSeconds;

/** The portal must not plan on more calls than the sandbox takes; a line per platform saying both. */
function checkDeclared(own: RateLimits): string[] {
  return PLATFORM_IDS.map((id: PlatformId) => {
    const declared = platform(id).metadata.capabilities.rateLimit;
    const limits = own[id];
    if (!limits) throw new Error(`The sandbox has no rate limits for ${id}.`);
    const [app, account] = [perSecond(limits.app), perSecond(limits.account)];
    if (declared.perApp > app || declared.perAccount > account) {
      throw new Error(`${id} declares ${declared.perApp}/s per app and ${declared.perAccount}/s per account, more than the sandbox's ${app}/s and ${account}/s.`);
    }
    return `${id}: declared ${declared.perAccount}/s per account, ${declared.perApp}/s per app; the sandbox takes ${+account.toFixed(2)}/s and ${+app.toFixed(2)}/s`;
  });
}

async function putKnobs(url: string, patch: object): Promise<void> {
  const answer = await fetch(`${url}/_sandbox/config`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) });
  if (answer.status !== 200) throw new Error(`The sandbox refused its settings (${answer.status}): ${await answer.text()}`);
}

/** Starts a sandbox on `env`'s SANDBOX_PORT with `productsPerShop` products in each demo shop, set up for setting up. */
export async function startMarketplace(env: NodeJS.ProcessEnv, options: { productsPerShop: number; dir: string }): Promise<Marketplace> {
  const url = `http://127.0.0.1:${env.SANDBOX_PORT}`;
  const serviceEnv = { ...env, SANDBOX_PRODUCTS_PER_SHOP: String(options.productsPerShop), SANDBOX_DATA_DIR: path.join(options.dir, "data"), SANDBOX_LATENCY_MS: "0" };
  mkdirSync(options.dir, { recursive: true });
  const service = startService("sandbox", "tsx", ["lib/sandbox/main.ts"], serviceEnv, options.dir);
  try {
    await ready(service, `${url}/_sandbox/health`);
    const own = knobsSchema.parse(await (await fetch(`${url}/_sandbox/config`)).json()).rateLimits;
    const lifted = Object.fromEntries(Object.keys(own).map((id) => [id, { app: { requests: 100_000, perSeconds: 1 }, account: { requests: 100_000, perSeconds: 1 } }]));
    const marketplace: Marketplace = {
      url,
      forSetup: () => putKnobs(url, { latencyMs: 0, rateLimits: lifted }),
      forMeasuring: () => putKnobs(url, { latencyMs: LATENCY_MS, rateLimits: own }),
      limitLines: checkDeclared(own),
      stop: () => stopService(service),
    };
    await marketplace.forSetup();
    return marketplace;
  } catch (error) {
    await stopService(service);
    throw error;
  }
}
