// Opening a linked shop as a page does, against Allegro on the sandbox: a page opens it for the session's user by the
// team's slug (a member only), and its first calls use the access token read when opening it instead of reading the
// link again; an expiring token, a refresh, or a connector kept longer than a page takes go back to the token manager.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { seal } from "@/lib/crypto";
import { db } from "@/lib/db";
import { connectorFor, saveLink } from "@/lib/marketplaces/accounts";
import allegro from "@/lib/marketplaces/allegro";
import { appConfig, ENV_PREFIX } from "@/lib/marketplaces/config";
import type { AppConfig } from "@/lib/marketplaces/platform";
import type { RunningSandbox } from "@/lib/sandbox/server";
import { openShop } from "@/lib/shops/shop";
import { createTeam, createUser, type TestTeam, type TestUser } from "../support/harness";
import { endSellerTokens, linkThroughConsent, sandboxEnv, sellerTokens, startTestSandbox } from "../support/sandbox";

let sandbox: RunningSandbox;
let portalEnv: Record<string, string>;
let app: AppConfig;
let member: TestUser;
let outsider: TestUser;
let team: TestTeam;
let otherTeam: TestTeam;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  portalEnv = sandboxEnv(sandbox.url, "allegro", ENV_PREFIX.allegro);
  Object.assign(process.env, portalEnv);
  app = appConfig("allegro")!;
  [member, outsider] = await Promise.all([createUser("member"), createUser("outsider")]);
  team = await createTeam([[member, "viewer"]]);
  otherTeam = await createTeam([[outsider, "owner"]]);
});

afterAll(async () => {
  for (const name of Object.keys(portalEnv ?? {})) delete process.env[name];
  await sandbox?.close();
});

afterEach(async () => {
  vi.restoreAllMocks();
  expect((await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" })).status).toBe(200);
});

/** Links the consent page's first shop on `owner`; `expired` stores the access token as already dead. */
async function link(owner: TestTeam = team, { expired = false } = {}) {
  const { tokens, seller } = await linkThroughConsent(allegro, app);
  const accessTokenExpiresAt = expired ? new Date(Date.now() - 60_000) : tokens.accessTokenExpiresAt;
  const id = await saveLink({ userId: member.id, teamId: owner.id }, "allegro", seller, { ...tokens, accessTokenExpiresAt });
  return { id, sellerId: seller.sellerId };
}

const account = (id: string) => db().marketplaceAccount.findUniqueOrThrow({ where: { id } });

const sandboxTokens = (sellerId: string) => sellerTokens(sandbox.url, "allegro", sellerId);

describe("a shop opened for a member", () => {
  it("opens by the team's slug for its members only", async () => {
    const { id } = await link();
    const shop = await openShop({ slug: team.slug, memberId: member.id }, id);
    expect(shop.account).toMatchObject({ id, platform: "allegro", health: "active" });

    for (const owner of [
      { slug: team.slug, memberId: outsider.id },
      { slug: otherTeam.slug, memberId: outsider.id },
      { slug: otherTeam.slug, memberId: member.id },
      { slug: "no-such-team", memberId: member.id },
    ]) {
      await expect(openShop(owner, id), `${owner.slug} for ${owner.memberId === member.id ? "the member" : "the outsider"}`).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("answers a shop of another team under this team's slug as not found", async () => {
    const { id } = await link(otherTeam);
    await expect(openShop({ slug: team.slug, memberId: member.id }, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(openShop({ slug: otherTeam.slug, memberId: outsider.id }, id)).resolves.toMatchObject({ account: { id } });
  });
});

describe("the token a shop's first calls use", () => {
  it("is the one read when opening it: the link is not read again", async () => {
    const { id, sellerId } = await link();
    const { connector } = await connectorFor(team, id);
    // Were the link read again, this token would be refused and refreshed.
    await db().marketplaceAccount.update({ where: { id }, data: { accessToken: seal("not-a-token-the-platform-issued") } });

    expect((await connector.listProducts({ page: 1, pageSize: 5 })).items).toHaveLength(5);
    expect((await connector.listProducts({ page: 2, pageSize: 5 })).items).toHaveLength(5);

    expect(await sandboxTokens(sellerId)).toEqual({ accessTokens: 1, refreshTokens: 1, spentRefreshTokens: 0 });
  });

  it("is refreshed first when the one read when opening it is about to expire", async () => {
    const { id, sellerId } = await link(team, { expired: true });
    const before = await account(id);
    const { connector } = await connectorFor(team, id);

    expect((await connector.listProducts({ page: 1, pageSize: 5 })).items).toHaveLength(5);

    expect(await sandboxTokens(sellerId)).toEqual({ accessTokens: 2, refreshTokens: 2, spentRefreshTokens: 1 });
    expect(await account(id)).toMatchObject({ status: "active", tokenVersion: before.tokenVersion + 1 });
  });

  it("is the refreshed one after the platform refused the one read when opening it", async () => {
    const { id, sellerId } = await link();
    const { connector } = await connectorFor(team, id);
    await endSellerTokens(sandbox.url, "allegro", sellerId, "access");

    expect((await connector.listProducts({ page: 1, pageSize: 5 })).items).toHaveLength(5);
    expect((await connector.listProducts({ page: 2, pageSize: 5 })).items).toHaveLength(5);

    // One refresh: the second call did not go out with the dead token again.
    expect(await sandboxTokens(sellerId)).toEqual({ accessTokens: 1, refreshTokens: 2, spentRefreshTokens: 1 });
  });

  it("comes from the link as stored once the shop is kept longer than a page takes", async () => {
    const { id } = await link();
    const { connector } = await connectorFor(team, id);
    await db().marketplaceAccount.update({ where: { id }, data: { status: "needs_relink", lastError: "the seller revoked the grant" } });
    const openedAt = Date.now();
    vi.spyOn(Date, "now").mockImplementation(() => openedAt + 60_000);

    await expect(connector.listProducts({ page: 1, pageSize: 5 })).rejects.toMatchObject({ kind: "auth", code: "needs_relinking" });
  });
});
