// The sandbox server: one node:http server, the platforms mounted under `/<platform id>`, and the sandbox's
// own endpoints under `/_sandbox`. Every gateway call passes through the fault layer before its handler.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { adminRoutes } from "./admin";
import { DEFAULT_APPS, SANDBOX_DEFAULTS, type AppCredentials, type SandboxPlatformId } from "./config";
import { answerWithFaults } from "./faults";
import { BodyTooLargeError, jsonReply, queryObject, readBody, redactUrl, type Reply, type SandboxRequest } from "./http";
import { applyKnobsPatch, DEFAULT_KNOBS, knobsPatchSchema, type Knobs, type KnobsPatch } from "./knobs";
import type { PlatformContext, SandboxPlatform } from "./platform";
import { PLATFORMS } from "./platforms";
import { seeded } from "./random";
import { createRouter, type Router } from "./router";
import { Shops } from "./shops";
import { StateStore } from "./state";
import { Throttle } from "./throttle";
import { TokenService } from "./tokens";

export type SandboxOptions = {
  /** Where state.json lives; created when missing. */
  dataDir: string;
  /** 0 picks a free port (tests). Default 4010. */
  port?: number;
  host?: string;
  seed?: number;
  productsPerShop?: number;
  /** App keys and secrets per platform; the defaults from config.ts otherwise. */
  apps?: Partial<Record<SandboxPlatformId, AppCredentials>>;
  appName?: string;
  /** Starting knobs (latency, faults, token lifetime scale, rate limits, ...); `POST /_sandbox/reset` returns to these. */
  knobs?: KnobsPatch;
  /** The platforms to serve; all that are built by default. */
  platforms?: readonly SandboxPlatform[];
  /** One line per request, credentials masked; silent when absent. */
  log?: (line: string) => void;
  /** Debounce of state writes. */
  saveDelayMs?: number;
};

export type RunningSandbox = { url: string; close(): Promise<void> };

type Mounted = { platform: SandboxPlatform; context: PlatformContext; router: Router };

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const seed = options.seed ?? SANDBOX_DEFAULTS.seed;
  const platforms = options.platforms ?? PLATFORMS;
  const log = options.log;
  const store = await StateStore.open(options.dataDir, { saveDelayMs: options.saveDelayMs, log });

  const limitNames = Object.fromEntries(platforms.map((platform) => [platform.id, Object.keys(platform.rateLimits)]));
  const patchSchema = knobsPatchSchema(limitNames);
  const startingKnobs = applyKnobsPatch(
    { ...DEFAULT_KNOBS, rateLimits: Object.fromEntries(platforms.map((platform) => [platform.id, { ...platform.rateLimits }])) },
    patchSchema.parse(options.knobs ?? {}),
  );
  let knobs: Knobs = startingKnobs;
  const throttle = new Throttle();
  let faultRandom = seeded(seed, "faults");

  const mounted = new Map<string, Mounted>();
  for (const platform of platforms) {
    const context: PlatformContext = {
      id: platform.id,
      app: options.apps?.[platform.id] ?? DEFAULT_APPS[platform.id],
      appName: options.appName ?? SANDBOX_DEFAULTS.appName,
      shops: new Shops({ platform: platform.id, sellers: platform.sellers, profile: platform.catalog, seed, productsPerShop: options.productsPerShop ?? SANDBOX_DEFAULTS.productsPerShop, store }),
      tokens: new TokenService(store, platform.id, platform.tokens, () => knobs.tokenTtlScale),
      store,
      knobs: () => knobs,
      throttle: (limit, subject) => {
        const rate = knobs.rateLimits[platform.id]?.[limit];
        if (!rate) throw new Error(`${platform.id} has no rate limit called "${limit}"`);
        const taken = throttle.take(`${platform.id}:${limit}:${subject}`, rate);
        return taken.ok ? null : platform.answers.throttled(taken.retryAfterSeconds);
      },
      random: (...parts) => seeded(seed, platform.id, ...parts),
    };
    mounted.set(platform.id, { platform, context, router: createRouter(platform.routes(context)) });
  }

  const admin = createRouter(
    adminRoutes({
      startedAt: Date.now(),
      platforms,
      knobs: () => knobs,
      patchSchema,
      updateKnobs: (patch) => (knobs = applyKnobsPatch(knobs, patch)),
      reset: async () => {
        store.reset();
        knobs = startingKnobs;
        throttle.reset();
        faultRandom = seeded(seed, "faults");
        await store.flush();
      },
      revokeSeller: (platform, sellerId, which) => mounted.get(platform)?.context.tokens.revokeSeller(sellerId, which) ?? null,
      expireAccessTokens: (platform, sellerId) => mounted.get(platform)?.context.tokens.expireAccessTokens(sellerId) ?? null,
      sellerTokens: (platform, sellerId) => mounted.get(platform)?.context.tokens.sellerTokens(sellerId) ?? null,
    }),
  );

  async function route(request: Omit<SandboxRequest, "path" | "params">, pathname: string): Promise<Reply | "hang"> {
    const [, prefix = "", ...rest] = pathname.split("/");
    if (prefix === "_sandbox") {
      const match = admin.match(request.method, pathname);
      if (!match || match === "method") return jsonReply(404, { error: `nothing at ${request.method} ${pathname}` });
      return match.route.handle({ ...request, path: pathname, params: match.params });
    }
    const target = mounted.get(prefix);
    if (!target) return jsonReply(404, { error: `no platform "${prefix}"; this sandbox serves ${[...mounted.keys()].map((id) => `/${id}`).join(", ")}` });
    const path = `/${rest.join("/")}`;
    const match = target.router.match(request.method, path);
    const platformRequest = { ...request, path, params: match && match !== "method" ? match.params : {} };
    if (!match || match === "method") return target.platform.answers.notFound(platformRequest);
    const handle = async () => match.route.handle(platformRequest);
    if (match.route.faults === false) return handle();
    return answerWithFaults({ knobs, random: faultRandom, answers: target.platform.answers }, handle);
  }

  const hanging = new Set<NodeJS.Timeout>();
  function hang(response: ServerResponse) {
    // Say nothing, then drop the connection: what a client sees when a gateway stalls.
    const timer = setTimeout(() => {
      hanging.delete(timer);
      response.socket?.destroy();
    }, knobs.timeoutHangMs);
    hanging.add(timer);
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse) {
    const started = Date.now();
    const rawUrl = incoming.url ?? "/";
    let outcome: Reply | "hang";
    try {
      const url = new URL(rawUrl, "http://sandbox");
      const request = {
        method: incoming.method ?? "GET",
        query: queryObject(url.searchParams),
        headers: incoming.headers,
        body: await readBody(incoming),
        origin: `http://${incoming.headers.host ?? "127.0.0.1"}`,
        rawUrl,
      };
      outcome = await route(request, url.pathname);
    } catch (error) {
      outcome = failure(error);
      if (outcome.status === 500) log?.(`sandbox: ${incoming.method} ${redactUrl(rawUrl)} failed: ${(error as Error).stack ?? error}`);
    }
    log?.(`${incoming.method} ${redactUrl(rawUrl)} -> ${outcome === "hang" ? "(hanging)" : outcome.status} ${Date.now() - started} ms`);
    if (outcome === "hang") return hang(response);
    response.writeHead(outcome.status, outcome.headers).end(outcome.body);
  }

  const server = createServer((incoming, response) => void handle(incoming, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? SANDBOX_DEFAULTS.port, options.host ?? SANDBOX_DEFAULTS.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    async close() {
      for (const timer of hanging) clearTimeout(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}

function failure(error: unknown): Reply {
  if (error instanceof BodyTooLargeError) return jsonReply(413, { error: error.message });
  if (error instanceof URIError) return jsonReply(400, { error: "the address is not valid percent-encoding" });
  return jsonReply(500, { error: "the sandbox failed on this request; see its log" });
}
