import { createHash, randomBytes } from "node:crypto";
import { seal, unseal } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pkceChallenge } from "./signing";
import type { PlatformId } from "./types";

export const STATE_TTL_MS = 10 * 60 * 1000;

const hash = (state: string) => createHash("sha256").update(state).digest("hex");

/**
 * Starts an authorization: a random state (stored only as its hash) bound to the user, the team and the
 * platform for ten minutes, plus a PKCE verifier where the platform supports it.
 */
export async function beginAuthorization(input: { userId: string; teamId: string; platform: PlatformId; pkce: boolean }) {
  const state = randomBytes(32).toString("base64url");
  const codeVerifier = input.pkce ? randomBytes(48).toString("base64url") : undefined;
  await db().oAuthState.create({
    data: {
      id: hash(state),
      userId: input.userId,
      teamId: input.teamId,
      platform: input.platform,
      codeVerifier: codeVerifier ? seal(codeVerifier) : null,
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    },
  });
  return { state, codeChallenge: codeVerifier ? pkceChallenge(codeVerifier) : undefined };
}

/**
 * Spends a state exactly once. Refuses, with a precise message, a state that is missing, unknown, expired,
 * already used, or started by another user or for another platform.
 */
export async function consumeAuthorization(input: { state: string | null; userId: string; platform: PlatformId }) {
  if (!input.state) throw new AppError("bad_request", "The platform sent no state back, so this sign-in cannot be trusted. Start linking again.");
  const record = await db().oAuthState.findUnique({ where: { id: hash(input.state) }, include: { team: { select: { slug: true } } } });
  if (!record) throw new AppError("bad_request", "This authorization is unknown. Start linking again from the Accounts page.");
  if (record.userId !== input.userId || record.platform !== input.platform) {
    throw new AppError("bad_request", "This authorization was started by someone else or for another platform. Start linking again.");
  }
  if (record.usedAt) throw new AppError("bad_request", "This authorization was already used. Start linking again.");
  if (record.expiresAt <= new Date()) throw new AppError("bad_request", "This authorization expired (they last ten minutes). Start linking again.");
  // The conditional update is what makes the state single-use when two callbacks race.
  const spent = await db().oAuthState.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: new Date() } });
  if (spent.count !== 1) throw new AppError("bad_request", "This authorization was already used. Start linking again.");
  return { teamId: record.teamId, teamSlug: record.team.slug, codeVerifier: record.codeVerifier ? unseal(record.codeVerifier) : undefined };
}
