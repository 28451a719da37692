// Helpers for integration tests: users, teams and invites straight in the database, real Auth.js session
// cookies, and `call()`, which sends a real Request through a route handler exported from app/api/**/route.ts.
import { createHash, randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ErrorBody } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { PublicUser } from "@/lib/users";

/** The password of every user made here. */
export const PASSWORD = "correct horse battery staple";
export const ORIGIN = "http://localhost:3000";
/** Auth.js's session cookie when APP_URL is http (lib/auth/session.ts); also its JWT salt. */
export const SESSION_COOKIE = "authjs.session-token";
/** What call() sends as the client's address and browser unless told otherwise. */
export const CLIENT_IP = "203.0.113.7";
export const USER_AGENT = "stallkeeper-integration-tests/1.0";

export const uniqueEmail = (label: string) => `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomBytes(4).toString("hex")}@example.com`;

// scrypt is deliberately slow: every user of a file shares one hash of PASSWORD.
let sharedHash: Promise<string> | undefined;
export function passwordHash(): Promise<string> {
  sharedHash ??= hashPassword(PASSWORD);
  return sharedHash;
}

export type TestUser = PublicUser & { cookie: string };

/** A real Auth.js session cookie (an encrypted JWT, as the sign-in callback sets it) for this user id. */
export async function sessionCookie(userId: string, secret = env().AUTH_SECRET): Promise<string> {
  const token = await encode({ token: { sub: userId }, secret, salt: SESSION_COOKIE });
  return `${SESSION_COOKIE}=${token}`;
}

export async function createUser(label: string): Promise<TestUser> {
  const user = await db().user.create({
    data: { email: uniqueEmail(label), name: label, passwordHash: await passwordHash() },
    select: { id: true, email: true, name: true },
  });
  return { ...user, cookie: await sessionCookie(user.id) };
}

export async function createUsers<K extends string>(...labels: K[]): Promise<Record<K, TestUser>> {
  const users = await Promise.all(labels.map((label) => createUser(label)));
  return Object.fromEntries(labels.map((label, index) => [label, users[index]])) as Record<K, TestUser>;
}

export type TestTeam = {
  id: string;
  slug: string;
  name: string;
  /** The membership id of a member (the `[member]` route param). */
  membership(user: Pick<PublicUser, "id">): string;
};

/** A team with these members, written directly (no audit events). */
export async function createTeam(members: [PublicUser, Role][], name = `Team ${randomBytes(3).toString("hex")}`): Promise<TestTeam> {
  const team = await db().team.create({
    data: {
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomBytes(4).toString("hex")}`,
      memberships: { create: members.map(([user, role]) => ({ userId: user.id, role })) },
    },
    include: { memberships: true },
  });
  const ids = new Map(team.memberships.map((row) => [row.userId, row.id]));
  return {
    id: team.id,
    slug: team.slug,
    name: team.name,
    membership(user) {
      const id = ids.get(user.id);
      if (!id) throw new Error(`${user.id} is not a member of ${team.slug}`);
      return id;
    },
  };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** An invite written directly, in any state; returns its id and the token of its link. */
export async function createInviteRow(input: {
  teamId: string;
  createdById: string;
  role: Role;
  email?: string;
  expiresAt?: Date;
  acceptedAt?: Date;
  revokedAt?: Date;
}): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString("base64url");
  const invite = await db().invite.create({
    data: {
      teamId: input.teamId,
      createdById: input.createdById,
      role: input.role,
      email: input.email ?? null,
      tokenHash: hashToken(token),
      expiresAt: input.expiresAt ?? new Date(Date.now() + 7 * 24 * 3600 * 1000),
      acceptedAt: input.acceptedAt ?? null,
      revokedAt: input.revokedAt ?? null,
    },
  });
  return { id: invite.id, token };
}

/** Row counts of the tables a request can change (rate-limit counters excepted), to show a refusal changed nothing. */
export async function countRows() {
  const [users, teams, memberships, invites, acceptedInvites, revokedInvites, auditEvents, accounts, oauthStates] = await Promise.all([
    db().user.count(),
    db().team.count(),
    db().membership.count(),
    db().invite.count(),
    db().invite.count({ where: { acceptedAt: { not: null } } }),
    db().invite.count({ where: { revokedAt: { not: null } } }),
    db().auditEvent.count(),
    db().marketplaceAccount.count(),
    db().oAuthState.count(),
  ]);
  const roles = await db().membership.groupBy({ by: ["role"], _count: true, orderBy: { role: "asc" } });
  return {
    users,
    teams,
    memberships,
    invites,
    acceptedInvites,
    revokedInvites,
    auditEvents,
    accounts,
    oauthStates,
    roles: Object.fromEntries(roles.map((row) => [row.role, row._count])),
  };
}

/** A route handler as Next calls it. Guarded handlers (lib/auth/route.ts) also carry `.access`. */
export type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  /** A path (resolved against APP_URL) or an absolute URL; the query string is part of it. */
  url?: string;
  /** The route's dynamic segments, as Next passes them. */
  params?: Record<string, string>;
  /** Sent as JSON with Content-Type: application/json (strings are sent as they are). */
  body?: unknown;
  /** A Cookie header; see sessionCookie(). */
  cookie?: string | null;
  /** Shorthand for the cookie of a user made by createUser(). */
  as?: { cookie: string } | null;
  /** Extra headers; null removes a default one (host, origin, user-agent, x-forwarded-for, content-type). */
  headers?: Record<string, string | null>;
};

export type CallResult<T> = {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when the answer is JSON. */
  json: T | undefined;
  /** The portal's error shape, when the answer is one. */
  error: ErrorBody["error"] | undefined;
};

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Builds a real Request like a browser on APP_URL would send it, and invokes the handler with Next's context. */
export async function call<T = Record<string, unknown>>(handler: Handler, options: CallOptions = {}): Promise<CallResult<T>> {
  const method = (options.method ?? (options.body === undefined ? "GET" : "POST")).toUpperCase();
  const url = new URL(options.url ?? "/", ORIGIN);
  const headers = new Headers({ host: url.host, "user-agent": USER_AGENT, "x-forwarded-for": CLIENT_IP });
  if (MUTATING.has(method)) headers.set("origin", ORIGIN);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const cookie = options.cookie ?? options.as?.cookie;
  if (cookie) headers.set("cookie", cookie);
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  const body = options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const req = new Request(url, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  const json = res.headers.get("content-type")?.includes("application/json") && text ? (JSON.parse(text) as T) : undefined;
  const error = (json as Partial<ErrorBody> | undefined)?.error;
  return { status: res.status, headers: res.headers, text, json, error: error && typeof error === "object" ? error : undefined };
}
