// The Douyin Open Platform's app-level client token, which the alliance (精选联盟) API takes in its
// `access-token` header for calls that act for the app rather than for an authorized user: fetched from
// `POST /oauth/client_token/` (client_key, client_secret, grant_type=client_credential) and good for about two
// hours (the answer's expires_in). It is kept sealed in the AppToken table so that every process shares one,
// and renewed on the first ask within ten minutes of its end. One renewal at a time: across processes a lease
// row in the same table decides who calls the platform, and within a process callers share one promise.
//
// Nothing in the portal calls the alliance yet: its pages read and change the shop's own products, which go
// through Doudian's signed gateway with the shop's token. `clientTokens(app)` is the entry point for the first
// alliance call: `get()` before each call, `replace(token)` when the platform refuses the token it was given.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { seal, unseal } from "@/lib/crypto";
import { db } from "@/lib/db";
import { REAL_HOSTS } from "../config";
import { MarketplaceError } from "../errors";
import { parseAnswer, send } from "../http";
import type { AppConfig } from "../platform";

/** Renew this long before the token ends, so that no call goes out with a token about to die. */
export const RENEW_AHEAD_MS = 10 * 60 * 1000;
/** How long a process may hold the renewal lease before others assume it died and take over. */
const LEASE_MS = 30_000;
const WAIT_STEP_MS = 100;

type StoredClientToken = { token: string; expiresAt: Date };

/** Where the token is kept between asks, and the lease that lets one renewal run at a time. */
type ClientTokenStore = {
  read(): Promise<StoredClientToken | null>;
  write(token: StoredClientToken): Promise<void>;
  /** Takes the lease until `until` for `holder`, unless another holder's lease is still running. */
  claim(holder: string, until: Date): Promise<boolean>;
  release(holder: string): Promise<void>;
};

/** The AppToken row of an app's token, and that of the lease of the process renewing it (its id in `token`). */
export const appTokenKeys = (appKey: string) => ({ token: `douyin:${appKey}`, lease: `douyin:${appKey}:renewal-lease` });

/** The app's token in the AppToken table, sealed; keyed by the app key, since a token serves only its own client. */
function databaseStore(appKey: string): ClientTokenStore {
  const keys = appTokenKeys(appKey);
  return {
    async read() {
      const row = await db().appToken.findUnique({ where: { platform: keys.token } });
      return row ? { token: unseal(row.token), expiresAt: row.expiresAt } : null;
    },
    async write({ token, expiresAt }) {
      const sealed = seal(token);
      await db().appToken.upsert({ where: { platform: keys.token }, create: { platform: keys.token, token: sealed, expiresAt }, update: { token: sealed, expiresAt } });
    },
    async claim(holder, until) {
      // The first lease creates the row; later ones take it over once it has run out (a compare-and-swap).
      const created = await db().appToken.createMany({ data: [{ platform: keys.lease, token: holder, expiresAt: until }], skipDuplicates: true });
      if (created.count === 1) return true;
      const taken = await db().appToken.updateMany({ where: { platform: keys.lease, expiresAt: { lt: new Date() } }, data: { token: holder, expiresAt: until } });
      return taken.count === 1;
    },
    async release(holder) {
      await db().appToken.updateMany({ where: { platform: keys.lease, token: holder }, data: { expiresAt: new Date(0) } });
    },
  };
}

/**
 * `open.douyin.com` issues the client token (shared docs §4.5); an app pointed anywhere but Doudian's real
 * gateway (the sandbox) finds it under its API base.
 */
function clientTokenUrl(app: AppConfig): string {
  const host = app.apiUrl === REAL_HOSTS.douyin.apiUrl ? "https://open.douyin.com" : app.apiUrl;
  return `${host}/oauth/client_token/`;
}

/** `{data: {access_token, expires_in, error_code, description}, message}`: error_code 0 is success. */
const answerSchema = z.object({
  data: z.object({ error_code: z.number(), description: z.string().nullish(), access_token: z.string().nullish(), expires_in: z.number().nullish() }),
  message: z.string().nullish(),
});

// 10013: the client_key or the secret is wrong, which only a fixed configuration mends.
const BAD_CREDENTIALS = 10013;

async function fetchClientToken(app: AppConfig): Promise<StoredClientToken> {
  const issuedAt = Date.now();
  const response = await send({
    platform: "douyin",
    method: "POST",
    url: clientTokenUrl(app),
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ client_key: app.appKey, client_secret: app.appSecret, grant_type: "client_credential" }),
    secrets: [app.appSecret],
  });
  const { data } = parseAnswer("douyin", answerSchema, response.json, "the client token");
  if (data.error_code !== 0 || !data.access_token || !data.expires_in) {
    const kind = data.error_code === BAD_CREDENTIALS ? "auth" : "request";
    throw new MarketplaceError({ platform: "douyin", kind, code: String(data.error_code), message: data.description || "no client token in the answer", status: response.status });
  }
  return { token: data.access_token, expiresAt: new Date(issuedAt + data.expires_in * 1000) };
}

export type ClientTokens = {
  /** A token good for at least RENEW_AHEAD_MS more, renewed first when it is not. */
  get(): Promise<string>;
  /** A token other than `refused`, which the platform no longer takes: renewed unless another caller already did. */
  replace(refused: string): Promise<string>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function clientTokens(app: AppConfig): ClientTokens {
  const store = databaseStore(app.appKey);
  let renewing: Promise<string> | null = null;
  /** The stored token if it lasts `ms` more and is not the one the platform refused; null otherwise. */
  const usable = (stored: StoredClientToken | null, ms: number, refused?: string): string | null =>
    stored && stored.expiresAt.getTime() - ms > Date.now() && stored.token !== refused ? stored.token : null;

  async function renew(refused?: string): Promise<string> {
    const holder = randomUUID();
    const deadline = Date.now() + LEASE_MS + 5_000;
    for (;;) {
      const stored = await store.read();
      const ready = usable(stored, RENEW_AHEAD_MS, refused);
      if (ready) return ready;
      if (await store.claim(holder, new Date(Date.now() + LEASE_MS))) {
        try {
          // Another process may have finished a renewal between the read and the claim.
          const renewed = usable(await store.read(), RENEW_AHEAD_MS, refused);
          if (renewed) return renewed;
          const issued = await fetchClientToken(app);
          await store.write(issued);
          return issued.token;
        } finally {
          await store.release(holder);
        }
      }
      // Another process is renewing: a token that has not yet ended serves in the meantime.
      const interim = usable(stored, 0, refused);
      if (interim) return interim;
      if (Date.now() > deadline) {
        throw new MarketplaceError({ platform: "douyin", kind: "unavailable", code: "renewal_stalled", message: "another process has been renewing the alliance client token for too long" });
      }
      await sleep(WAIT_STEP_MS);
    }
  }

  const shared = (refused?: string) => (renewing ??= renew(refused).finally(() => (renewing = null)));

  return {
    async get() {
      const stored = await store.read();
      const ready = usable(stored, RENEW_AHEAD_MS);
      if (ready) return ready;
      try {
        return await shared();
      } catch (error) {
        // Renewing ahead of time failed for a passing reason: the current token still has minutes left.
        if (error instanceof MarketplaceError && error.systemic && error.kind !== "auth") {
          const interim = usable(stored, 0);
          if (interim) return interim;
        }
        throw error;
      }
    },
    async replace(refused) {
      // A renewal already under way may have been ahead-of-time and kept the refused token: renew once more.
      const token = await shared(refused);
      return token !== refused ? token : shared(refused);
    },
  };
}
