// The portal as it runs in production, for the benchmark: a production build (made first when there is none),
// `next start` on a free port with a fresh embedded database, and the sandbox marketplaces on another free port.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { root, runStep } from "../run.mjs";
import { throwawayPortalEnv } from "../portal-env";

export type Stack = {
  portalUrl: string;
  /** The portal's environment, which points every platform at the sandbox. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
};

/** A route the build must have; a build from before it is made anew. */
const PRODUCTS_ROUTE = "/t/[team]/shops/[account]/products";

function ensureBuild(): void {
  const manifest = path.join(root, ".next", "app-path-routes-manifest.json");
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(manifest);
  if (built && Object.values(JSON.parse(readFileSync(manifest, "utf8"))).includes(PRODUCTS_ROUTE)) {
    console.log(`Using the production build in .next (built ${statSync(path.join(root, ".next", "BUILD_ID")).mtime.toISOString()}; \`npm run build\` makes a fresh one).`);
    return;
  }
  console.log(built ? "The build in .next has no products page: running `next build` first." : "No production build in .next: running `next build` first.");
  runStep("next", ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type Service = { child: ChildProcess; log: string };

export function startService(name: string, bin: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Service {
  const log = path.join(logDir, `${name}.log`);
  const child = spawn(path.join(root, "node_modules", ".bin", bin), args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const out = createWriteStream(log);
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return { child, log };
}

/** Waits until `url` answers 200, or fails with the service's log when it stops or takes too long. */
export async function ready(service: Service, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) break;
    const status = await fetch(url).then((answer) => answer.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const tail = existsSync(service.log) ? readFileSync(service.log, "utf8").split("\n").slice(-20).join("\n") : "";
  throw new Error(`${url} did not come up (log: ${service.log}):\n${tail}`);
}

export function stopService({ child }: Service): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export async function startStack(sandbox: { productsPerShop: number; latencyMs: number }): Promise<Stack> {
  ensureBuild();
  const [portalPort, sandboxPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), "stallkeeper-bench-"));
  const portalUrl = `http://localhost:${portalPort}`;
  const env = throwawayPortalEnv({
    port: portalPort,
    sandboxPort,
    dataDir,
    sandbox: { SANDBOX_PRODUCTS_PER_SHOP: String(sandbox.productsPerShop), SANDBOX_LATENCY_MS: String(sandbox.latencyMs) },
  });
  runStep("tsx", ["scripts/migrate.ts"], env);
  console.log(`Starting the sandbox on port ${sandboxPort} and the portal on port ${portalPort} (data and logs in ${dataDir}).`);
  const marketplaces = startService("sandbox", "tsx", ["lib/sandbox/main.ts"], env, dataDir);
  const portal = startService("portal", "next", ["start", "-p", String(portalPort)], env, dataDir);
  const stop = () => Promise.all([stopService(portal), stopService(marketplaces)]).then(() => undefined);
  try {
    await Promise.all([ready(marketplaces, `http://127.0.0.1:${sandboxPort}/_sandbox/health`), ready(portal, `${portalUrl}/sign-in`)]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { portalUrl, env, stop };
}
