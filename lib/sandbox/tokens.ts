// OAuth codes and tokens for one platform, with that platform's lifetimes (scaled for tests) and its rules
// for spending refresh tokens. Answers are reasons, not HTTP: each platform words its own errors.
import { randomBytes, randomUUID } from "node:crypto";
import { pkceChallenge } from "../marketplaces/signing";
import type { AccessTokenRecord, StateStore } from "./state";

export type TokenPolicy = {
  codeTtlSeconds: number;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Each refresh hands out a new refresh token and spends the old one (Allegro, AliExpress, Doudian). */
  rotatesRefreshTokens: boolean;
  /** How long a spent refresh token is still honoured (Allegro: 60 s); 0 refuses it at once. */
  reuseGraceSeconds: number;
  /** Whether a rotated refresh token gets a full new lifetime (Allegro) or keeps the first one's end (AliExpress). */
  refreshRenewsLifetime: boolean;
};

export type Grant = { appKey: string; sellerId: string; scope: string };

export type IssuedTokens = Grant & {
  accessToken: string;
  refreshToken: string;
  /** Seconds, as the platforms report them. */
  accessExpiresIn: number;
  refreshExpiresIn: number;
  /** A fresh id per issued pair (Allegro's `jti`). */
  tokenId: string;
};

export type CodeRefusal = "unknown" | "expired" | "used" | "wrong_client" | "redirect_mismatch" | "pkce_missing" | "pkce_mismatch";
export type RefreshRefusal = "unknown" | "expired" | "used" | "wrong_client";
export type AccessRefusal = "unknown" | "expired";

export type RevokedTokens = "all" | "access";
export type SellerTokenCounts = { accessTokens: number; refreshTokens: number; spentRefreshTokens: number };

type Result<T, E> = { ok: true; value: T } | { ok: false; reason: E };

const newSecret = () => randomBytes(32).toString("base64url");

export class TokenService {
  constructor(
    private readonly store: StateStore,
    private readonly platform: string,
    private readonly policy: TokenPolicy,
    /** Read on every issue, so a runtime change of the scale applies to the next token. */
    private readonly ttlScale: () => number,
    private readonly clock: () => number = Date.now,
  ) {}

  private lifetimeMs(seconds: number): number {
    return seconds * 1000 * this.ttlScale();
  }

  issueCode(input: Grant & { redirectUri: string; codeChallenge?: string }): string {
    const code = newSecret();
    this.store.data.codes[code] = { platform: this.platform, ...input, expiresAt: this.clock() + this.lifetimeMs(this.policy.codeTtlSeconds) };
    this.store.changed();
    return code;
  }

  /** Spends a code (single use, even when the exchange then fails) and issues the first token pair. */
  redeemCode(input: { code: string; appKey: string; redirectUri?: string; codeVerifier?: string }): Result<IssuedTokens, CodeRefusal> {
    const record = this.store.data.codes[input.code];
    const now = this.clock();
    if (!record || record.platform !== this.platform) return { ok: false, reason: "unknown" };
    if (record.appKey !== input.appKey) return { ok: false, reason: "wrong_client" };
    if (record.usedAt !== undefined) return { ok: false, reason: "used" };
    record.usedAt = now;
    this.store.changed();
    if (record.expiresAt <= now) return { ok: false, reason: "expired" };
    if (input.redirectUri !== undefined && input.redirectUri !== record.redirectUri) return { ok: false, reason: "redirect_mismatch" };
    if (record.codeChallenge !== undefined) {
      if (!input.codeVerifier) return { ok: false, reason: "pkce_missing" };
      if (pkceChallenge(input.codeVerifier) !== record.codeChallenge) return { ok: false, reason: "pkce_mismatch" };
    }
    return { ok: true, value: this.issuePair(record, now + this.lifetimeMs(this.policy.refreshTtlSeconds)) };
  }

  refresh(input: { refreshToken: string; appKey: string }): Result<IssuedTokens, RefreshRefusal> {
    const record = this.store.data.refreshTokens[input.refreshToken];
    const now = this.clock();
    if (!record || record.platform !== this.platform) return { ok: false, reason: "unknown" };
    if (record.appKey !== input.appKey) return { ok: false, reason: "wrong_client" };
    if (record.expiresAt <= now) return { ok: false, reason: "expired" };
    if (!this.policy.rotatesRefreshTokens) return { ok: true, value: this.issueAccess(record, input.refreshToken, record.expiresAt) };
    if (record.usedAt !== undefined && (record.graceUntil ?? 0) <= now) return { ok: false, reason: "used" };
    if (record.usedAt === undefined) {
      record.usedAt = now;
      record.graceUntil = now + this.lifetimeMs(this.policy.reuseGraceSeconds);
    }
    const refreshExpiresAt = this.policy.refreshRenewsLifetime ? now + this.lifetimeMs(this.policy.refreshTtlSeconds) : record.expiresAt;
    return { ok: true, value: this.issuePair(record, refreshExpiresAt) };
  }

  authenticate(accessToken: string): Result<AccessTokenRecord, AccessRefusal> {
    const record = this.store.data.accessTokens[accessToken];
    if (!record || record.platform !== this.platform) return { ok: false, reason: "unknown" };
    if (record.expiresAt <= this.clock()) return { ok: false, reason: "expired" };
    return { ok: true, value: record };
  }

  /**
   * The seller withdraws the app's access: every token of theirs on this platform stops working. With
   * `"access"`, only the access tokens die, as when a platform drops sessions and the grant survives.
   */
  revokeSeller(sellerId: string, which: RevokedTokens = "all"): number {
    const kinds = which === "access" ? [this.store.data.accessTokens] : [this.store.data.accessTokens, this.store.data.refreshTokens];
    let revoked = 0;
    for (const records of kinds) {
      for (const [token] of this.sellerRecords(records, sellerId)) {
        delete records[token];
        revoked++;
      }
    }
    this.store.changed();
    return revoked;
  }

  /** The seller's access tokens reach the end of their lifetime now: calls with them are refused as expired. */
  expireAccessTokens(sellerId: string): number {
    const now = this.clock();
    const live = this.sellerRecords(this.store.data.accessTokens, sellerId).filter(([, record]) => record.expiresAt > now);
    for (const [, record] of live) record.expiresAt = now;
    this.store.changed();
    return live.length;
  }

  /** How many of a seller's tokens are held, never the tokens: tests count refresh grants with it. */
  sellerTokens(sellerId: string): SellerTokenCounts {
    const refresh = this.sellerRecords(this.store.data.refreshTokens, sellerId);
    return {
      accessTokens: this.sellerRecords(this.store.data.accessTokens, sellerId).length,
      refreshTokens: refresh.length,
      spentRefreshTokens: refresh.filter(([, record]) => record.usedAt !== undefined).length,
    };
  }

  private sellerRecords<T extends { platform: string; sellerId: string }>(records: Record<string, T>, sellerId: string): [string, T][] {
    return Object.entries(records).filter(([, record]) => record.platform === this.platform && record.sellerId === sellerId);
  }

  private issuePair(grant: Grant, refreshExpiresAt: number): IssuedTokens {
    const refreshToken = newSecret();
    const { appKey, sellerId, scope } = grant;
    this.store.data.refreshTokens[refreshToken] = { platform: this.platform, appKey, sellerId, scope, expiresAt: refreshExpiresAt };
    return this.issueAccess(grant, refreshToken, refreshExpiresAt);
  }

  private issueAccess(grant: Grant, refreshToken: string, refreshExpiresAt: number): IssuedTokens {
    const now = this.clock();
    const accessToken = newSecret();
    const { appKey, sellerId, scope } = grant;
    const accessExpiresAt = now + this.lifetimeMs(this.policy.accessTtlSeconds);
    this.store.data.accessTokens[accessToken] = { platform: this.platform, appKey, sellerId, scope, expiresAt: accessExpiresAt };
    this.store.changed();
    return {
      appKey,
      sellerId,
      scope,
      accessToken,
      refreshToken,
      accessExpiresIn: Math.round((accessExpiresAt - now) / 1000),
      refreshExpiresIn: Math.round((refreshExpiresAt - now) / 1000),
      tokenId: randomUUID(),
    };
  }
}
