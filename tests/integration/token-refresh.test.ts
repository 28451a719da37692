// The token manager against Allegro on the sandbox (300 ms a call, so a refresh is still under way while others
// ask): an expired access token asked for four times at once (by four Node processes on PostgreSQL, by four
// concurrent calls on PGlite, which one process only may open) costs one refresh grant; a revoked grant ends
// in needs_relink with an audit event; and connector calls outlive an access token the platform dropped early.
// Links are made on the consent page and stored with saveLink(), as the OAuth callback does.
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { unseal } from "@/lib/crypto";
import { db } from "@/lib/db";
import { connectorFor, saveLink } from "@/lib/marketplaces/accounts";
import allegro from "@/lib/marketplaces/allegro";
import { appConfig, ENV_PREFIX } from "@/lib/marketplaces/config";
import type { AppConfig } from "@/lib/marketplaces/platform";
import { accessTokenFor, refreshAccount } from "@/lib/marketplaces/tokens";
import type { RunningSandbox } from "@/lib/sandbox/server";
import { createTeam, createUser, type TestTeam, type TestUser } from "../support/harness";
import { endSellerTokens, linkThroughConsent, sandboxEnv, sellerTokens, startTestSandbox } from "../support/sandbox";

const CALLERS = 4;
const TOKEN_PROCESS = path.resolve(__dirname, "../support/access-token-process.ts");
const TSX = path.resolve(__dirname, "../../node_modules/.bin/tsx");

let sandbox: RunningSandbox;
let portalEnv: Record<string, string>;
let app: AppConfig;
let owner: TestUser;
let team: TestTeam;

beforeAll(async () => {
  sandbox = await startTestSandbox({ latencyMs: 300 });
  // The portal's own settings, pointed at the sandbox: this process's connectorFor() and the child processes read them.
  portalEnv = sandboxEnv(sandbox.url, "allegro", ENV_PREFIX.allegro);
  Object.assign(process.env, portalEnv);
  app = appConfig("allegro")!;
  owner = await createUser("owner");
  team = await createTeam([[owner, "owner"]]);
});

afterAll(async () => {
  for (const name of Object.keys(portalEnv ?? {})) delete process.env[name];
  await sandbox?.close();
});

// Every test links anew (the same demo seller, so the same account row is renewed) on a sandbox without tokens.
afterEach(async () => {
  expect((await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" })).status).toBe(200);
});

const deps = () => ({ adapter: allegro, app });

/** Links the consent page's first shop and stores it; `expired` stores the access token as already dead. */
async function link({ expired = false } = {}) {
  const { tokens, seller } = await linkThroughConsent(allegro, app);
  const accessTokenExpiresAt = expired ? new Date(Date.now() - 60_000) : tokens.accessTokenExpiresAt;
  const id = await saveLink({ userId: owner.id, teamId: team.id }, "allegro", seller, { ...tokens, accessTokenExpiresAt });
  return { id, sellerId: seller.sellerId };
}

const account = (id: string) => db().marketplaceAccount.findUniqueOrThrow({ where: { id } });
const refreshFailures = (id: string) => db().auditEvent.findMany({ where: { action: "account.refresh_failed", targetId: id } });

const sandboxTokens = (sellerId: string) => sellerTokens(sandbox.url, "allegro", sellerId);

const processAnswerSchema = z.union([z.strictObject({ token: z.string() }), z.strictObject({ error: z.string() })]);

/** One process running tests/support/access-token-process.ts, read line by line. */
function tokenProcess(accountId: string) {
  const child = spawn(TSX, [TOKEN_PROCESS, accountId, "allegro"], { env: { ...process.env, ...portalEnv }, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, "exit");
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    exited,
    async line(): Promise<string> {
      const next = await lines.next();
      if (next.done) throw new Error(`the token process ended without answering:\n${stderr}`);
      return next.value;
    },
  };
}

/** Four processes on the test's PostgreSQL database, each asking for the token once all are ready. */
async function tokensFromProcesses(accountId: string): Promise<string[]> {
  const processes = Array.from({ length: CALLERS }, () => tokenProcess(accountId));
  try {
    for (const each of processes) expect(await each.line()).toBe("ready");
    for (const each of processes) each.child.stdin.write("go\n");
    const answers = await Promise.all(processes.map(async (each) => processAnswerSchema.parse(JSON.parse(await each.line()))));
    await Promise.all(processes.map((each) => each.exited));
    return answers.map((answer) => {
      if ("error" in answer) throw new Error(`a process got no token: ${answer.error}`);
      return answer.token;
    });
  } finally {
    for (const each of processes) if (each.child.exitCode === null) each.child.kill();
  }
}

describe("an expired access token", () => {
  // Four processes each load the portal's modules (seconds apiece on a small machine): more time than the default.
  it(`asked for by ${CALLERS} callers at once is refreshed once, and the rotated refresh token still works`, { timeout: 90_000 }, async () => {
    const { id, sellerId } = await link({ expired: true });
    expect(await sandboxTokens(sellerId)).toEqual({ accessTokens: 1, refreshTokens: 1, spentRefreshTokens: 0 });
    const before = await account(id);

    const tokens =
      inject("testDatabase").kind === "postgres"
        ? await tokensFromProcesses(id)
        : await Promise.all(Array.from({ length: CALLERS }, () => accessTokenFor(id, deps())));

    expect(tokens).toHaveLength(CALLERS);
    expect(new Set(tokens).size).toBe(1);
    // One refresh grant: one new pair, one spent refresh token (a second grant inside Allegro's 60-second
    // grace would add another pair).
    expect(await sandboxTokens(sellerId)).toEqual({ accessTokens: 2, refreshTokens: 2, spentRefreshTokens: 1 });
    const after = await account(id);
    expect(unseal(after.accessToken)).toBe(tokens[0]);
    expect(after).toMatchObject({ status: "active", tokenVersion: before.tokenVersion + 1, refreshLeaseUntil: null, lastError: null });

    // The stored refresh token is the unspent one: refreshing with it spends a second token (the spent one,
    // honoured by the grace, would leave the count at one).
    const next = await refreshAccount(id, deps());
    expect(next).not.toBe(tokens[0]);
    expect(await sandboxTokens(sellerId)).toEqual({ accessTokens: 3, refreshTokens: 3, spentRefreshTokens: 2 });
    expect(await account(id)).toMatchObject({ status: "active", tokenVersion: before.tokenVersion + 2 });
  });

  it("whose grant the seller revoked ends the link: needs_relink and an account.refresh_failed event", async () => {
    const { id, sellerId } = await link({ expired: true });
    const earlier = await refreshFailures(id);
    await endSellerTokens(sandbox.url, "allegro", sellerId, "all");

    await expect(accessTokenFor(id, deps())).rejects.toMatchObject({ kind: "auth", code: "invalid_grant" });
    expect(await account(id)).toMatchObject({ status: "needs_relink", refreshLeaseUntil: null, lastError: expect.stringContaining("invalid_grant") });
    const events = await refreshFailures(id);
    expect(events).toHaveLength(earlier.length + 1);
    expect(events.find((event) => !earlier.some((seen) => seen.id === event.id))).toMatchObject({ teamId: team.id, targetType: "account", metadata: { code: "invalid_grant" } });
    // Later calls stop at the portal, before the platform.
    await expect(accessTokenFor(id, deps())).rejects.toMatchObject({ kind: "auth", code: "needs_relinking" });
  });
});

describe("a connector call", () => {
  it("refused because the platform dropped the access token refreshes once and goes through", async () => {
    const { id, sellerId } = await link();
    const { connector } = await connectorFor(team, id);
    const before = await account(id);
    await endSellerTokens(sandbox.url, "allegro", sellerId, "access");
    expect(await sandboxTokens(sellerId)).toEqual({ accessTokens: 0, refreshTokens: 1, spentRefreshTokens: 0 });

    const page = await connector.listProducts({ page: 1, pageSize: 5 });

    expect(page.items).toHaveLength(5);
    expect(await sandboxTokens(sellerId)).toEqual({ accessTokens: 1, refreshTokens: 2, spentRefreshTokens: 1 });
    expect(await account(id)).toMatchObject({ status: "active", tokenVersion: before.tokenVersion + 1 });
  });

  it("refused for another reason is not retried and refreshes nothing", async () => {
    const { id, sellerId } = await link();
    const { connector } = await connectorFor(team, id);

    await expect(connector.getProduct("99999999999")).rejects.toMatchObject({ kind: "request", status: 404 });

    expect(await sandboxTokens(sellerId)).toEqual({ accessTokens: 1, refreshTokens: 1, spentRefreshTokens: 0 });
  });

  it("refused after the seller revoked the grant fails, and the link needs relinking", async () => {
    const { id, sellerId } = await link();
    const { connector } = await connectorFor(team, id);
    const earlier = await refreshFailures(id);
    await endSellerTokens(sandbox.url, "allegro", sellerId, "all");

    await expect(connector.listProducts({ page: 1, pageSize: 5 })).rejects.toMatchObject({ kind: "auth", code: "invalid_grant" });

    expect(await account(id)).toMatchObject({ status: "needs_relink" });
    expect(await refreshFailures(id)).toHaveLength(earlier.length + 1);
  });
});
