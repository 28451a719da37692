import { recordAudit } from "@/lib/audit";
import { unseal } from "@/lib/crypto";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { MarketplaceAccount } from "@/lib/generated/prisma/client";
import type { TeamSummary } from "@/lib/teams";
import { appConfig } from "./config";
import { MarketplaceError } from "./errors";
import { platform } from "./registry";
import { openedAccountTokens, tokenColumns, type AccountTokens } from "./tokens";
import type { Connector, LinkedSeller, PlatformId, TokenSet } from "./types";

/** A link whose refresh token (or, without one, access token) ends within this window shows a warning. */
export const EXPIRY_WARNING_MS = 7 * 24 * 3600 * 1000;

export type AccountHealth = "active" | "expiring" | "needs_relink";

/** What the browser may see of a link: never a token. */
export type AccountView = {
  id: string;
  platform: PlatformId;
  sellerId: string;
  shopName: string;
  health: AccountHealth;
  /** When the link stops working unless renewed: the refresh token's end, or the access token's. */
  expiresAt: string | null;
  accessTokenExpiresAt: string | null;
  lastError: string | null;
  linkedAt: string;
};

/** A link as the team's list shows it, with the name of the member who made it (null once they have left). */
export type ListedAccount = AccountView & { linkedBy: string | null };

type Row = MarketplaceAccount;

export function health(row: Pick<Row, "status" | "refreshTokenExpiresAt" | "accessTokenExpiresAt" | "refreshToken">, now = Date.now()): AccountHealth {
  if (row.status === "needs_relink") return "needs_relink";
  const end = linkEnd(row);
  if (end && end.getTime() <= now) return "needs_relink";
  return end && end.getTime() - now < EXPIRY_WARNING_MS ? "expiring" : "active";
}

function linkEnd(row: Pick<Row, "refreshTokenExpiresAt" | "accessTokenExpiresAt" | "refreshToken">): Date | null {
  return row.refreshToken ? row.refreshTokenExpiresAt : row.accessTokenExpiresAt;
}

function toView(row: Row): AccountView {
  return {
    id: row.id,
    platform: row.platform as PlatformId,
    sellerId: row.sellerId,
    shopName: row.shopName,
    health: health(row),
    expiresAt: linkEnd(row)?.toISOString() ?? null,
    accessTokenExpiresAt: row.accessTokenExpiresAt?.toISOString() ?? null,
    lastError: row.lastError,
    linkedAt: row.linkedAt.toISOString(),
  };
}

export async function listAccounts(teamId: string): Promise<ListedAccount[]> {
  const rows = await db().marketplaceAccount.findMany({ where: { teamId }, include: { linkedBy: { select: { name: true } } }, orderBy: [{ platform: "asc" }, { shopName: "asc" }] });
  return rows.map((row) => ({ ...toView(row), linkedBy: row.linkedBy?.name ?? null }));
}

/** The name of the member who linked this account, or null once they have left. */
export async function linkerName(accountId: string): Promise<string | null> {
  const row = await db().marketplaceAccount.findUnique({ where: { id: accountId }, select: { linkedBy: { select: { name: true } } } });
  return row?.linkedBy?.name ?? null;
}

type Actor = { userId: string; teamId: string; headers?: Headers };

/** Stores a link on the team; linking the same shop again renews it rather than adding a second one. */
export async function saveLink(actor: Actor, platformId: PlatformId, seller: LinkedSeller, tokens: TokenSet): Promise<string> {
  const columns = { ...tokenColumns(tokens), shopName: seller.shopName, status: "active" as const, lastError: null, refreshLeaseUntil: null };
  return db().$transaction(async (tx) => {
    const key = { teamId_platform_sellerId: { teamId: actor.teamId, platform: platformId, sellerId: seller.sellerId } };
    const existing = await tx.marketplaceAccount.findUnique({ where: key, select: { id: true } });
    const account = await tx.marketplaceAccount.upsert({
      where: key,
      create: { teamId: actor.teamId, platform: platformId, sellerId: seller.sellerId, linkedById: actor.userId, ...columns },
      update: { ...columns, linkedById: actor.userId, linkedAt: new Date(), tokenVersion: { increment: 1 } },
    });
    await recordAudit(
      {
        action: "account.linked",
        teamId: actor.teamId,
        actorId: actor.userId,
        target: { type: "account", id: account.id, label: `${platformId}:${seller.shopName}` },
        metadata: { sellerId: seller.sellerId, relinked: Boolean(existing) },
        headers: actor.headers,
      },
      tx,
    );
    return account.id;
  });
}

/** Deletes the link and its tokens; revokes them first where the platform can (a failed revocation is reported). */
export async function unlinkAccount(actor: Actor, accountId: string): Promise<{ revoked: boolean | null }> {
  const account = await db().marketplaceAccount.findFirst({ where: { id: accountId, teamId: actor.teamId } });
  if (!account) throw notFound("Linked account");
  const adapter = platform(account.platform as PlatformId);
  const app = appConfig(adapter.metadata.id);
  let revoked: boolean | null = null;
  if (adapter.oauth.revoke && app) {
    revoked = await adapter.oauth
      .revoke(app, { accessToken: unseal(account.accessToken), refreshToken: account.refreshToken ? unseal(account.refreshToken) : undefined })
      .then(() => true)
      .catch(() => false);
  }
  await db().$transaction(async (tx) => {
    await tx.marketplaceAccount.delete({ where: { id: account.id } });
    await recordAudit(
      {
        action: "account.unlinked",
        teamId: actor.teamId,
        actorId: actor.userId,
        target: { type: "account", id: account.id, label: `${account.platform}:${account.shopName}` },
        metadata: { sellerId: account.sellerId, revoked },
        headers: actor.headers,
      },
      tx,
    );
  });
  return { revoked };
}

/** Whose account: a team's (by id), or that of the team with this slug when this user is one of its members. */
export type AccountOwner = Pick<TeamSummary, "id"> | { slug: string; memberId: string };

const ownedBy = (owner: AccountOwner) =>
  "memberId" in owner ? { team: { slug: owner.slug, memberships: { some: { userId: owner.memberId } } } } : { teamId: owner.id };

/**
 * The connector of a team's linked account; tokens are refreshed behind it as needed. Every shop page waits for this
 * one statement before its marketplace call, so it reads the account row alone (joining the linker's name costs the
 * embedded database more than the rest of the statement).
 */
export async function connectorFor(owner: AccountOwner, accountId: string): Promise<{ connector: Connector; account: AccountView }> {
  const row = await db().marketplaceAccount.findFirst({ where: { id: accountId, ...ownedBy(owner) } });
  if (!row) throw notFound("Linked account");
  const adapter = platform(row.platform as PlatformId);
  const app = appConfig(adapter.metadata.id);
  if (!app) throw notFound(`${adapter.metadata.name} (not configured on this portal)`);
  const tokens = openedAccountTokens(row, { adapter, app });
  const connector = adapter.connector(app, { sellerId: row.sellerId, accessToken: tokens.accessToken });
  return { connector: resilient(connector, tokens), account: toView(row) };
}

/** The longest wait for a throttled read before trying it again, whatever the platform asks. */
const MAX_THROTTLE_WAIT_MS = 5_000;
const THROTTLED_READ_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What every call on a linked account gets. A platform may stop accepting an access token before its stated end
 * (the seller changed a password, the platform dropped its sessions): a call refused for authorization forces one
 * refresh and is tried once more; when the refresh is refused too, the token manager has marked the link for
 * relinking and says so. A read the platform throttles (a page's burst of calls) waits as long as the platform asks,
 * a few seconds at most, and is tried again twice; status changes leave throttling to the bulk engine's pacing.
 */
function resilient(connector: Connector, tokens: AccountTokens): Connector {
  async function run<T>(call: () => Promise<T>, read: boolean): Promise<T> {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      // The call's token is this version or, if another call refreshed meanwhile, a newer one.
      const startedWith = tokens.handedVersion();
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof MarketplaceError)) throw error;
        if (error.kind === "auth" && !refreshed) {
          refreshed = true;
          await tokens.refresh(startedWith);
        } else if (error.kind === "throttled" && read && attempt < THROTTLED_READ_ATTEMPTS) {
          await sleep(Math.min(error.retryAfterMs ?? 1000, MAX_THROTTLE_WAIT_MS));
        } else throw error;
      }
    }
  }
  return {
    listProducts: (query) => run(() => connector.listProducts(query), true),
    getProduct: (id) => run(() => connector.getProduct(id), true),
    listCategories: (parentId) => run(() => connector.listCategories(parentId), true),
    getCategory: (id) => run(() => connector.getCategory(id), true),
    getAttributeSchema: (categoryId) => run(() => connector.getAttributeSchema(categoryId), true),
    changeStatus: (ids, target) => run(() => connector.changeStatus(ids, target), false),
    checkStatusChange: (ticket) => run(() => connector.checkStatusChange(ticket), true),
  };
}
