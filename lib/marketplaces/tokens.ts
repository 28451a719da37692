import { recordAudit } from "@/lib/audit";
import { seal, unseal } from "@/lib/crypto";
import { db } from "@/lib/db";
import type { MarketplaceAccount } from "@/lib/generated/prisma/client";
import { MarketplaceError } from "./errors";
import type { AppConfig, PlatformAdapter } from "./platform";
import type { PlatformId, TokenSet } from "./types";

/** Refresh this long before the access token expires, so no call goes out with a token about to die. */
export const REFRESH_AHEAD_MS = 5 * 60 * 1000;
/** How long one process may hold the refresh lease before others assume it died and take over. */
const LEASE_MS = 30_000;
const WAIT_STEP_MS = 150;

export type TokenDeps = { adapter: PlatformAdapter; app: AppConfig };

/** Columns that store a token set, sealed, with expiry times taken from the platform's answer. */
export function tokenColumns(tokens: TokenSet) {
  return {
    accessToken: seal(tokens.accessToken),
    refreshToken: tokens.refreshToken ? seal(tokens.refreshToken) : null,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt ?? null,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt ?? null,
    scope: tokens.scope ?? null,
  };
}

function fresh(account: MarketplaceAccount, now = Date.now()): boolean {
  return !account.accessTokenExpiresAt || account.accessTokenExpiresAt.getTime() - REFRESH_AHEAD_MS > now;
}

function needsRelinking(account: MarketplaceAccount): MarketplaceError {
  return new MarketplaceError({
    platform: account.platform as PlatformId,
    kind: "auth",
    code: "needs_relinking",
    message: `the link to ${account.shopName} must be renewed: ${account.lastError ?? "its authorization ended"}. Reconnect it on the Accounts page.`,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An access token with the account's token version it belongs to. */
type VersionedToken = { token: string; version: number };

async function currentToken(accountId: string, deps: TokenDeps): Promise<VersionedToken> {
  const account = await db().marketplaceAccount.findUniqueOrThrow({ where: { id: accountId } });
  if (account.status === "needs_relink") throw needsRelinking(account);
  if (fresh(account)) return { token: unseal(account.accessToken), version: account.tokenVersion };
  return refreshed(accountId, deps, account.tokenVersion);
}

/** A usable access token for the account, refreshed first when it is about to expire. */
export async function accessTokenFor(accountId: string, deps: TokenDeps): Promise<string> {
  return (await currentToken(accountId, deps)).token;
}

/** How long the row read to open an account stands in for reading it again before a call. */
const OPENED_ROW_TRUSTED_MS = 5_000;

export type AccountTokens = {
  accessToken(): Promise<string>;
  /** The token version of the latest access token handed out. */
  handedVersion(): number;
  /** A new access token, since one of `staleVersion` (or older) was refused: refreshed unless that already happened. */
  refresh(staleVersion: number): Promise<string>;
};

/**
 * The tokens of an account just opened: while the row read to open it is a few seconds old and its access token
 * fresh, that token is used as is, which spares a page a second read of the same row. Otherwise, and once anything
 * refreshed, every token comes from the database, refreshed behind the lease.
 *
 * A refresh names the token version a refused call started with, so calls that met the same dead token at once
 * cause one refresh between them: the later ones find the version moved on and take the new token.
 */
export function openedAccountTokens(row: MarketplaceAccount, deps: TokenDeps): AccountTokens {
  const trustedUntil = Date.now() + OPENED_ROW_TRUSTED_MS;
  let opened: MarketplaceAccount | null = row;
  let handedVersion = row.tokenVersion;
  const hand = ({ token, version }: VersionedToken) => {
    handedVersion = Math.max(handedVersion, version);
    return token;
  };
  return {
    async accessToken() {
      if (opened && Date.now() < trustedUntil && opened.status === "active" && fresh(opened)) return unseal(opened.accessToken);
      opened = null;
      return hand(await currentToken(row.id, deps));
    },
    handedVersion: () => handedVersion,
    async refresh(staleVersion) {
      opened = null;
      return hand(await refreshed(row.id, deps, staleVersion));
    },
  };
}

/**
 * Refreshes the account's tokens, at most once at a time across every process sharing the database:
 * the process that wins the lease (a compare-and-swap on refreshLeaseUntil) calls the platform; the others
 * wait until the token version moves on and use the new token. Allegro and AliExpress spend a refresh
 * token on use, so two refreshes at once would kill the link.
 *
 * `seenVersion` is the token version the caller found stale; if another process already moved past it,
 * its result is used without another call to the platform.
 */
export async function refreshAccount(accountId: string, deps: TokenDeps, seenVersion?: number): Promise<string> {
  return (await refreshed(accountId, deps, seenVersion)).token;
}

async function refreshed(accountId: string, deps: TokenDeps, seenVersion?: number): Promise<VersionedToken> {
  const deadline = Date.now() + LEASE_MS + 5_000;
  for (;;) {
    const account = await db().marketplaceAccount.findUniqueOrThrow({ where: { id: accountId } });
    if (account.status === "needs_relink") throw needsRelinking(account);
    if (seenVersion !== undefined && account.tokenVersion > seenVersion && fresh(account)) return { token: unseal(account.accessToken), version: account.tokenVersion };
    const now = new Date();
    const won = await db().marketplaceAccount.updateMany({
      where: { id: accountId, tokenVersion: account.tokenVersion, OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lt: now } }] },
      data: { refreshLeaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (won.count === 1) return { token: await refreshHoldingLease(account, deps), version: account.tokenVersion + 1 };
    if (Date.now() > deadline) {
      throw new MarketplaceError({ platform: account.platform as PlatformId, kind: "unavailable", code: "refresh_stalled", message: "another process has been refreshing this link's tokens for too long" });
    }
    seenVersion ??= account.tokenVersion;
    await sleep(WAIT_STEP_MS + Math.random() * WAIT_STEP_MS);
  }
}

async function refreshHoldingLease(account: MarketplaceAccount, { adapter, app }: TokenDeps): Promise<string> {
  const platform = account.platform as PlatformId;
  try {
    if (!account.refreshToken) throw new MarketplaceError({ platform, kind: "auth", code: "no_refresh_token", message: "the platform gave no refresh token" });
    const tokens = await adapter.oauth.refresh(app, unseal(account.refreshToken));
    // A platform that does not rotate may answer without a refresh token: keep the one we have.
    const columns = tokenColumns({ ...tokens, refreshToken: tokens.refreshToken ?? unseal(account.refreshToken), refreshTokenExpiresAt: tokens.refreshTokenExpiresAt ?? account.refreshTokenExpiresAt ?? undefined });
    await db().marketplaceAccount.update({
      where: { id: account.id },
      data: { ...columns, tokenVersion: { increment: 1 }, refreshLeaseUntil: null, status: "active", lastError: null },
    });
    return tokens.accessToken;
  } catch (error) {
    const refused = error instanceof MarketplaceError && (error.kind === "auth" || error.kind === "request");
    await db().marketplaceAccount.update({
      where: { id: account.id },
      data: refused
        ? { status: "needs_relink", lastError: error.message, refreshLeaseUntil: null }
        : { refreshLeaseUntil: null, lastError: error instanceof Error ? error.message : String(error) },
    });
    if (refused) {
      await recordAudit({
        action: "account.refresh_failed",
        teamId: account.teamId,
        target: { type: "account", id: account.id, label: `${account.platform}:${account.shopName}` },
        metadata: { code: error.code, message: error.platformMessage },
      });
    }
    throw error;
  }
}
