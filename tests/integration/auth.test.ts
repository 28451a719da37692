// Signing in (lib/users.ts authenticate, which Auth.js's credentials provider calls), password storage, the
// sign-in and sign-up rate limits, and the session cookie the route wrapper reads.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listTeams } from "@/app/api/teams/route";
import { POST as signUpRoute } from "@/app/api/users/route";
import { verifyPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { AppError, toErrorBody } from "@/lib/errors";
import { signInByEmail, signInByIp, signUpByIp } from "@/lib/rate-limit";
import { authenticate, signInInput, signUp, type PublicUser } from "@/lib/users";
import { call, createUser, PASSWORD, sessionCookie, SESSION_COOKIE, uniqueEmail, type TestUser } from "../support/harness";

/** Headers of a sign-in from this address (each test uses its own, so per-IP counters do not mix). */
const from = (ip: string, userAgent = "SignInBrowser/1.0") => new Headers({ "x-forwarded-for": ip, "user-agent": userAgent });
const randomIp = () => `10.${[...randomBytes(3)].join(".")}`;

const signIn = (email: string, password: string, headers: Headers) => authenticate(signInInput.parse({ email, password }), headers);

/** The AppError an attempt is refused with (fails the test if it succeeds). */
async function refusal(attempt: Promise<unknown>): Promise<AppError> {
  const error = await attempt.then(
    () => {
      throw new Error("expected the sign-in to be refused");
    },
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let user: TestUser;

beforeAll(async () => {
  user = await createUser("Signer");
});

describe("authenticate()", () => {
  it("signs in with the right password (any email case) and audits user.signed_in", async () => {
    const signedIn = await signIn(` ${user.email.toUpperCase()} `, PASSWORD, from("198.51.100.1"));
    expect(signedIn).toEqual({ id: user.id, email: user.email, name: user.name });
    const events = await db().auditEvent.findMany({ where: { action: "user.signed_in", actorId: user.id } });
    expect(events).toEqual([expect.objectContaining({ teamId: null, ip: "198.51.100.1", userAgent: "SignInBrowser/1.0" })]);
  });

  it("refuses a wrong password as unauthorized and audits user.sign_in_failed", async () => {
    const error = await refusal(signIn(user.email, "wrong password", from("198.51.100.2")));
    expect(error.code).toBe("unauthorized");
    expect(toErrorBody(error).status).toBe(401);
    expect(error.message).toBe("Wrong email or password.");
    const events = await db().auditEvent.findMany({ where: { action: "user.sign_in_failed", actorId: user.id } });
    expect(events).toEqual([expect.objectContaining({ ip: "198.51.100.2", metadata: { email: user.email } })]);
  });

  it("refuses an unknown email with the same answer, audited without an actor", async () => {
    const email = uniqueEmail("nobody");
    const error = await refusal(signIn(email, PASSWORD, from("198.51.100.3")));
    expect([error.code, error.message]).toEqual(["unauthorized", "Wrong email or password."]);
    const events = await db().auditEvent.findMany({ where: { action: "user.sign_in_failed", actorId: null } });
    expect(events.filter((e) => (e.metadata as { email?: string } | null)?.email === email)).toHaveLength(1);
  });
});

describe("password storage", () => {
  let first: PublicUser;
  let second: PublicUser;

  beforeAll(async () => {
    [first, second] = await Promise.all(
      ["first", "second"].map((label) => signUp({ name: label, email: uniqueEmail(label), password: PASSWORD }, from(randomIp()))),
    ) as [PublicUser, PublicUser];
  });

  it("stores salted scrypt hashes, never the password", async () => {
    const rows = await db().user.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [scheme, n, r, p, salt, key] = row.passwordHash.split("$");
      expect(scheme).toBe("scrypt");
      expect(Number(n)).toBeGreaterThanOrEqual(2 ** 14);
      expect([Number(r), Number(p)]).toEqual([8, 1]);
      expect(Buffer.from(salt!, "base64url")).toHaveLength(16);
      expect(Buffer.from(key!, "base64url")).toHaveLength(32);
      expect(row.passwordHash).not.toContain(PASSWORD);
      expect(await verifyPassword(PASSWORD, row.passwordHash)).toBe(true);
      expect(await verifyPassword(`${PASSWORD}!`, row.passwordHash)).toBe(false);
    }
    // Same password, different salts.
    expect(rows[0]!.passwordHash).not.toBe(rows[1]!.passwordHash);
  });

  it("lets a signed-up user sign in", async () => {
    expect(await signIn(first.email, PASSWORD, from(randomIp()))).toEqual(first);
  });
});

describe("rate limits", () => {
  it("locks an email after its limit of attempts, even for the right password, from any address", async () => {
    const { points, duration } = signInByEmail().limiter;
    const victim = await createUser("Victim");
    // Attempts at the same moment must all be counted (scrypt runs them in parallel, which also saves time).
    const failures = await Promise.all(Array.from({ length: points }, () => refusal(signIn(victim.email, "guess", from(randomIp())))));
    expect(failures.map((error) => error.code)).toEqual(Array(points).fill("unauthorized"));
    const error = await refusal(signIn(victim.email, PASSWORD, from(randomIp())));
    expect(error.code).toBe("rate_limited");
    const { status, body } = toErrorBody(error);
    expect(status).toBe(429);
    expect(body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.error.retryAfterSeconds).toBeLessThanOrEqual(duration);
    expect(error.message).toMatch(/sign-in attempts for this email/);
    // The refused attempt never reached the password check, so it is not a failed sign-in.
    expect(await db().auditEvent.count({ where: { action: "user.sign_in_failed", actorId: victim.id } })).toBe(points);
    // Other accounts are not affected.
    expect((await signIn(user.email, PASSWORD, from(randomIp()))).id).toBe(user.id);
  });

  it("clears an email's count after a successful sign-in", async () => {
    const { points } = signInByEmail().limiter;
    const forgetful = await createUser("Forgetful");
    const ip = randomIp();
    const guesses = () => Promise.all(Array.from({ length: points - 1 }, () => refusal(signIn(forgetful.email, "guess", from(ip)))));
    await guesses();
    await signIn(forgetful.email, PASSWORD, from(ip));
    // Without the reset, these would pass the limit.
    expect((await guesses()).map((error) => error.code)).toEqual(Array(points - 1).fill("unauthorized"));
  });

  it("limits attempts per address across emails, answering 429 rate_limited with retryAfterSeconds", async () => {
    const { points, duration } = signInByIp().limiter;
    const ip = randomIp();
    const failures = await Promise.all(Array.from({ length: points }, () => refusal(signIn(uniqueEmail("spray"), "guess", from(ip)))));
    expect(failures.map((error) => error.code)).toEqual(Array(points).fill("unauthorized"));
    const error = await refusal(signIn(user.email, PASSWORD, from(ip)));
    const { status, body } = toErrorBody(error);
    expect([status, body.error.code]).toEqual([429, "rate_limited"]);
    expect(body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.error.retryAfterSeconds).toBeLessThanOrEqual(duration);
    expect(error.message).toMatch(/from your network/);
    // Another address is still welcome.
    expect((await signIn(user.email, PASSWORD, from(randomIp()))).id).toBe(user.id);
  });

  it("limits sign-ups per address: 429 with a Retry-After header, creating nothing", async () => {
    const { points } = signUpByIp().limiter;
    const ip = randomIp();
    const signUpFrom = (label: string) =>
      call(signUpRoute, { url: "/api/users", body: { name: label, email: uniqueEmail(label), password: PASSWORD }, headers: { "x-forwarded-for": ip } });
    const answers = await Promise.all(Array.from({ length: points }, (_, index) => signUpFrom(`bulk-${index}`)));
    expect(answers.map((res) => res.status)).toEqual(Array(points).fill(201));
    const users = await db().user.count();
    const res = await signUpFrom("one-too-many");
    expect(res.status, res.text).toBe(429);
    expect(res.error?.code).toBe("rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBe(res.error?.retryAfterSeconds);
    expect(res.error?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db().user.count()).toBe(users);
  });
});

describe("session cookie", () => {
  const teams = (cookie?: string) => call(listTeams, { url: "/api/teams", cookie });

  it("accepts the cookie Auth.js issues for the user", async () => {
    expect((await teams(user.cookie)).status).toBe(200);
  });

  it("answers 401 without a cookie, with a forged or foreign-secret cookie, or for a deleted user", async () => {
    expect((await teams()).status).toBe(401);
    expect((await teams(`${SESSION_COOKIE}=not-a-jwt`)).status).toBe(401);
    expect((await teams(await sessionCookie(user.id, randomBytes(32).toString("base64")))).status).toBe(401);
    // A cookie under the __Secure- name is only read when APP_URL is https.
    expect((await teams(user.cookie.replace(SESSION_COOKIE, `__Secure-${SESSION_COOKIE}`))).status).toBe(401);
    const gone = await createUser("Gone");
    await db().user.delete({ where: { id: gone.id } });
    const res = await teams(gone.cookie);
    expect([res.status, res.error?.code]).toEqual([401, "unauthorized"]);
  });
});
