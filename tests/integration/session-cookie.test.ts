// The session cookie as every page reads it (lib/auth/session.ts): a cookie decoded once is remembered, but only
// until the session it carries expires.
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionUserId } from "@/lib/auth/session";
import { createUser, SESSION_COOKIE } from "../support/harness";

const DAY_MS = 24 * 3600 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

const withCookie = (cookie: string) => new Headers({ cookie: `${cookie}; authjs.csrf-token=unrelated` });

describe("a session cookie", () => {
  it("names its user every time it is read", async () => {
    const [reader, writer] = await Promise.all([createUser("reader"), createUser("writer")]);
    for (let read = 0; read < 3; read++) {
      expect(await sessionUserId(withCookie(reader.cookie))).toBe(reader.id);
      expect(await sessionUserId(withCookie(writer.cookie))).toBe(writer.id);
    }
  });

  it("names no one once its session has expired, though it was read before", async () => {
    const reader = await createUser("reader");
    expect(await sessionUserId(withCookie(reader.cookie))).toBe(reader.id);

    // Auth.js sessions last 30 days by default.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 31 * DAY_MS);

    expect(await sessionUserId(withCookie(reader.cookie))).toBeNull();
  });

  it("names no one when it is missing or not a session the portal issued", async () => {
    const reader = await createUser("reader");
    expect(await sessionUserId(new Headers())).toBeNull();
    expect(await sessionUserId(withCookie(`${SESSION_COOKIE}=not-a-session`))).toBeNull();
    expect(await sessionUserId(withCookie(`${reader.cookie.slice(0, -4)}AAAA`))).toBeNull();
  });
});
