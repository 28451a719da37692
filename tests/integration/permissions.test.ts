// Walks the whole permission matrix: every route handler under app/api (found on disk, so a new route cannot be
// forgotten) must be built with route() from lib/auth/route.ts, and must answer each kind of caller as
// lib/auth/permissions.ts says: 401 without a session, 404 to non-members of the team (never 403), 403 exactly
// when can(role, permission) is false, and otherwise the handler's own answer, never a refusal.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Access } from "@/lib/auth/access";
import { can, PERMISSIONS, ROLES, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  call,
  countRows,
  createInviteRow,
  createTeam,
  createUsers,
  PASSWORD,
  uniqueEmail,
  type CallResult,
  type Handler,
  type TestTeam,
  type TestUser,
} from "../support/harness";

const API_DIR = path.join(process.cwd(), "app", "api");
const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Auth.js's own endpoints (CSRF token, credentials callback, session, sign-out): the library guards them. */
const NOT_OURS = new Set(["/api/auth/[...nextauth]"]);

type Caller = "anonymous" | "outsider" | Role;

// ---------------------------------------------------------------------------------------------------------------
// Requests that permitted callers can actually carry out, per route and method. Each call gets a fresh world
// (a team with one member of each role, a member to act on, a pending invite, a linked account, and an invite
// to another team), so that what one call changes never decides the next one's answer.

type World = {
  team: TestTeam;
  /** A viewer of `team` that member routes act on. */
  target: TestUser;
  inviteId: string;
  accountId: string;
  /** An invite to a team none of the callers is in. */
  foreignInviteToken: string;
  /** A saved view of each member's own: only its owner may change it. */
  ownViewIds: Record<Role, string>;
  /** Bulk jobs on the account: one paused with a product still to send, one finished with a change and a failure. */
  pausedJobId: string;
  finishedJobId: string;
};

type Fixture = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * What a permitted caller gets: a status, or (for routes whose success needs a marketplace behind them)
   * `{ notRefused }` with the reason, where any answer but a refusal or a server error will do.
   */
  expect: number | ((caller: Caller) => number) | { notRefused: string };
};

const NEEDS_MARKETPLACE = { notRefused: "succeeds only with a registered, configured platform adapter (lib/marketplaces/registry.ts)" };

/** Per handler: the access it must declare (a reviewed copy, so that loosening a route fails here), and its request. */
const FIXTURES: Record<string, { access: Access; request: (world: World, caller: Caller) => Fixture }> = {
  "POST /api/users": {
    access: "public",
    request: () => ({
      body: { name: "New Person", email: uniqueEmail("new-person"), password: PASSWORD },
      // Each sign-up from its own address: the per-address sign-up limit is not under test here.
      headers: { "x-forwarded-for": `10.9.${randomBytes(2).join(".")}` },
      expect: 201,
    }),
  },
  "GET /api/teams": { access: "user", request: () => ({ expect: 200 }) },
  "POST /api/teams": { access: "user", request: () => ({ body: { name: "Brand New Team" }, expect: 201 }) },
  "POST /api/invites/accept": { access: "user", request: (w) => ({ body: { token: w.foreignInviteToken }, expect: 200 }) },
  "GET /api/oauth/[platform]/callback": {
    // The callback re-checks accounts.link itself: the team is only known from the OAuth state.
    access: "user",
    request: () => ({ params: { platform: "allegro" }, query: { state: "not-a-state", code: "x" }, expect: NEEDS_MARKETPLACE }),
  },
  "GET /api/teams/[team]/members": { access: "members.read", request: () => ({ expect: 200 }) },
  "PATCH /api/teams/[team]/members/[member]": {
    access: "members.manage",
    request: (w) => ({ params: { member: w.team.membership(w.target) }, body: { role: "operator" }, expect: 200 }),
  },
  "DELETE /api/teams/[team]/members/[member]": {
    access: "members.manage",
    request: (w) => ({ params: { member: w.team.membership(w.target) }, expect: 200 }),
  },
  // Every member may leave, except the team's only owner.
  "DELETE /api/teams/[team]/membership": { access: "team.read", request: () => ({ expect: (caller) => (caller === "owner" ? 409 : 200) }) },
  "GET /api/teams/[team]/invites": { access: "members.manage", request: () => ({ expect: 200 }) },
  "POST /api/teams/[team]/invites": { access: "members.manage", request: () => ({ body: { role: "viewer", email: uniqueEmail("invitee") }, expect: 201 }) },
  "DELETE /api/teams/[team]/invites/[invite]": { access: "members.manage", request: (w) => ({ params: { invite: w.inviteId }, expect: 200 }) },
  "GET /api/teams/[team]/audit": { access: "audit.read", request: () => ({ query: { pageSize: "10", sort: "oldest" }, expect: 200 }) },
  "GET /api/teams/[team]/accounts": { access: "accounts.read", request: () => ({ expect: 200 }) },
  "DELETE /api/teams/[team]/accounts/[account]": { access: "accounts.link", request: (w) => ({ params: { account: w.accountId }, expect: NEEDS_MARKETPLACE }) },
  "GET /api/teams/[team]/accounts/link/[platform]": { access: "accounts.link", request: () => ({ params: { platform: "allegro" }, expect: NEEDS_MARKETPLACE }) },
  "POST /api/teams/[team]/shops/[account]/status-counts": { access: "products.read", request: (w) => ({ params: { account: w.accountId }, expect: NEEDS_MARKETPLACE }) },
  "GET /api/teams/[team]/shops/[account]/categories": { access: "products.read", request: (w) => ({ params: { account: w.accountId }, query: { parent: "1" }, expect: NEEDS_MARKETPLACE }) },
  "POST /api/teams/[team]/shops/[account]/categories/refresh": { access: "products.read", request: (w) => ({ params: { account: w.accountId }, expect: NEEDS_MARKETPLACE }) },
  "POST /api/teams/[team]/shops/[account]/categories/[category]/schema/refresh": {
    access: "products.read",
    request: (w) => ({ params: { account: w.accountId, category: "1" }, expect: NEEDS_MARKETPLACE }),
  },
  // Saving for the team needs views.team.write on top (tests/integration/saved-views.test.ts): here, own views.
  "GET /api/teams/[team]/views": { access: "products.read", request: () => ({ expect: 200 }) },
  "POST /api/teams/[team]/views": { access: "products.read", request: () => ({ body: { name: "Online first", scope: "own", query: "?status=online&page=3" }, expect: 201 }) },
  "PATCH /api/teams/[team]/views/[view]": {
    access: "products.read",
    request: (w, caller) => ({ params: { view: ownViewOf(w, caller) }, body: { name: "Renamed view", query: "sort=title.asc" }, expect: 200 }),
  },
  "DELETE /api/teams/[team]/views/[view]": { access: "products.read", request: (w, caller) => ({ params: { view: ownViewOf(w, caller) }, expect: 200 }) },
  // Starting a job also needs jobs.manage, which the same roles hold (tests/integration/bulk-routes.test.ts).
  "POST /api/teams/[team]/shops/[account]/jobs/plan": {
    access: "status.write",
    request: (w) => ({ params: { account: w.accountId }, body: { selection: { ids: ["1"] }, target: "offline" }, expect: NEEDS_MARKETPLACE }),
  },
  "POST /api/teams/[team]/shops/[account]/jobs": {
    access: "status.write",
    request: (w) => ({ params: { account: w.accountId }, body: { selection: { ids: ["1"] }, target: "offline" }, expect: NEEDS_MARKETPLACE }),
  },
  "GET /api/teams/[team]/jobs/[job]": { access: "jobs.read", request: (w) => ({ params: { job: w.pausedJobId }, expect: 200 }) },
  "GET /api/teams/[team]/jobs/[job]/items.csv": { access: "jobs.read", request: (w) => ({ params: { job: w.finishedJobId }, expect: 200 }) },
  "POST /api/teams/[team]/jobs/[job]/cancel": { access: "jobs.manage", request: (w) => ({ params: { job: w.pausedJobId }, expect: 200 }) },
  "POST /api/teams/[team]/jobs/[job]/resume": { access: "jobs.manage", request: (w) => ({ params: { job: w.pausedJobId }, expect: 200 }) },
  "POST /api/teams/[team]/jobs/[job]/retry": { access: "jobs.manage", request: (w) => ({ params: { job: w.finishedJobId }, expect: NEEDS_MARKETPLACE }) },
  "POST /api/teams/[team]/jobs/[job]/undo": { access: "jobs.manage", request: (w) => ({ params: { job: w.finishedJobId }, expect: NEEDS_MARKETPLACE }) },
};

/** The caller's own view; callers without one are refused before any view is looked up. */
function ownViewOf(world: World, caller: Caller): string {
  return caller === "anonymous" || caller === "outsider" ? world.ownViewIds.owner : world.ownViewIds[caller];
}

// ---------------------------------------------------------------------------------------------------------------
// Discovery: every route file under app/api, imported the way Next would.

type RouteFile = { path: string; file: string; module?: Record<string, unknown>; importError?: unknown };

function findRouteFiles(): RouteFile[] {
  return readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((entry) => /^route\.(ts|tsx|js|mjs)$/.test(path.basename(entry)))
    .map((entry) => ({ file: path.join(API_DIR, entry), path: `/api/${path.dirname(entry).split(path.sep).join("/")}` }))
    .filter((route) => !NOT_OURS.has(route.path))
    .sort((a, b) => a.path.localeCompare(b.path));
}

const routeFiles: RouteFile[] = await Promise.all(
  findRouteFiles().map(async (route) => {
    try {
      return { ...route, module: (await import(/* @vite-ignore */ route.file)) as Record<string, unknown> };
    } catch (importError) {
      return { ...route, importError };
    }
  }),
);

type GuardedRoute = { key: string; path: string; method: string; handler: Handler; access: Access };

const isAccess = (value: unknown): value is Access => value === "public" || value === "user" || (typeof value === "string" && value in PERMISSIONS);

const guardedRoutes: GuardedRoute[] = routeFiles.flatMap((route) =>
  HTTP_METHODS.flatMap((method) => {
    const handler = route.module?.[method] as (Handler & { access?: unknown }) | undefined;
    if (typeof handler !== "function" || !isAccess(handler.access)) return [];
    return [{ key: `${method} ${route.path}`, path: route.path, method, handler, access: handler.access }];
  }),
);

/** The URL Next would route to this file: dynamic segments filled in, route groups dropped. */
function urlFor(routePath: string, params: Record<string, string>, query?: Record<string, string>): string {
  const pathname = routePath
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => {
      const name = /^\[(.+)\]$/.exec(segment)?.[1];
      return name ? encodeURIComponent(params[name] ?? "missing") : segment;
    })
    .join("/");
  return query ? `${pathname}?${new URLSearchParams(query)}` : pathname;
}

// ---------------------------------------------------------------------------------------------------------------

describe("every API route is guarded by route()", () => {
  it("finds the API routes on disk", () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
    expect(routeFiles.map((route) => route.path)).toContain("/api/teams/[team]/members/[member]");
  });

  it.each(routeFiles.map((route) => [route.path, route] as const))("%s exports only guarded handlers", (_, route) => {
    expect(route.importError, `importing ${route.file}`).toBeUndefined();
    const methods = HTTP_METHODS.filter((method) => method in route.module!);
    expect(methods, `${route.file} exports no HTTP method handler`).not.toEqual([]);
    for (const method of methods) {
      const handler = route.module![method] as { access?: unknown };
      expect(typeof handler, `${method} in ${route.file}`).toBe("function");
      expect(isAccess(handler.access), `${method} in ${route.file} must be built with route() from lib/auth/route.ts (it has no valid .access)`).toBe(true);
    }
  });

  it("has a request fixture for every handler, and none for handlers that no longer exist", () => {
    const keys = guardedRoutes.map((route) => route.key).sort();
    expect(keys.filter((key) => !FIXTURES[key]), "add these to FIXTURES in tests/integration/permissions.test.ts").toEqual([]);
    expect(Object.keys(FIXTURES).filter((key) => !keys.includes(key)), "remove these from FIXTURES").toEqual([]);
  });

  it("declares on every handler the access the table above expects", () => {
    const declared = Object.fromEntries(guardedRoutes.map((route) => [route.key, route.access]));
    const expected = Object.fromEntries(guardedRoutes.map((route) => [route.key, FIXTURES[route.key]?.access]));
    expect(declared).toEqual(expected);
  });
});

describe("the permission matrix", () => {
  let users: Record<Role | "outsider" | "target" | "host", TestUser>;

  beforeAll(async () => {
    users = await createUsers("owner", "admin", "operator", "viewer", "outsider", "target", "host");
    // The outsider is a real member of a real team, just not of the teams under test.
    await createTeam([[users.outsider, "owner"]], "Outsider's own team");
  });

  async function newWorld(): Promise<World> {
    const team = await createTeam(
      [...ROLES.map((role) => [users[role], role] as [TestUser, Role]), [users.target, "viewer"]],
      "Matrix team",
    );
    const invite = await createInviteRow({ teamId: team.id, createdById: users.owner.id, role: "viewer" });
    const account = await db().marketplaceAccount.create({
      data: { teamId: team.id, platform: "allegro", sellerId: `seller-${randomBytes(4).toString("hex")}`, shopName: "Matrix shop", accessToken: "not-a-real-token" },
    });
    const foreign = await createTeam([[users.host, "owner"]], "Foreign team");
    const foreignInvite = await createInviteRow({ teamId: foreign.id, createdById: users.host.id, role: "operator" });
    const ownViews = await Promise.all(
      ROLES.map((role) => db().savedView.create({ data: { teamId: team.id, ownerId: users[role].id, createdById: users[role].id, name: "My view", query: "status=offline" } })),
    );
    const ownViewIds = Object.fromEntries(ROLES.map((role, index) => [role, ownViews[index]!.id])) as Record<Role, string>;
    const job = { teamId: team.id, accountId: account.id, createdById: users.owner.id, target: "online", selection: { ids: ["1", "2"] } };
    const item = { productId: "1", title: "A product", previousStatus: "offline", previousNative: "INACTIVE", target: "online" };
    const paused = await db().bulkJob.create({
      data: { ...job, state: "paused", pauseReason: "Allegro is not answering.", pausedAt: new Date(), items: { create: [{ ...item, seq: 0 }] } },
    });
    const finished = await db().bulkJob.create({
      data: {
        ...job,
        state: "done",
        startedAt: new Date(),
        finishedAt: new Date(),
        items: { create: [{ ...item, seq: 0, state: "done" }, { ...item, seq: 1, productId: "2", state: "failed", code: "MissingParameter", message: "Set the parameters first." }] },
      },
    });
    return { team, target: users.target, inviteId: invite.id, accountId: account.id, foreignInviteToken: foreignInvite.token, ownViewIds, pausedJobId: paused.id, finishedJobId: finished.id };
  }

  type Attempt = { res: CallResult<unknown>; fixture: Fixture; before: unknown; after: unknown };

  /** Calls the handler as this caller, in a fresh world; `teamSlug` overrides the world's team. */
  async function attempt(route: GuardedRoute, caller: Caller, options: { teamSlug?: string; headers?: Record<string, string> } = {}): Promise<Attempt> {
    const world = await newWorld();
    const fixture: Fixture = FIXTURES[route.key]?.request(world, caller) ?? { expect: { notRefused: "no fixture (see the test above)" } };
    const params = { ...(route.path.includes("[team]") ? { team: options.teamSlug ?? world.team.slug } : {}), ...fixture.params };
    const cookie = caller === "anonymous" ? null : users[caller].cookie;
    const before = await countRows();
    const res = await call(route.handler, {
      method: route.method,
      url: urlFor(route.path, params, fixture.query),
      params,
      body: fixture.body,
      headers: { ...fixture.headers, ...options.headers },
      cookie,
    });
    const after = await countRows();
    return { res, fixture, before, after };
  }

  const describeAnswer = (res: CallResult<unknown>) => `${res.status} ${res.text.slice(0, 300)}`;

  function expectRefusal(result: Attempt, status: number, code: string) {
    expect(result.res.status, describeAnswer(result.res)).toBe(status);
    // JSON routes answer with the error shape; browser routes (respond: "html") with an error page.
    if (result.res.error) expect(result.res.error.code).toBe(code);
    else expect(result.res.headers.get("content-type")).toMatch(/text\/html/);
    expect(result.after, "a refused request must change nothing").toEqual(result.before);
  }

  function expectPermitted(caller: Caller, result: Attempt, teamNotFound?: CallResult<unknown>) {
    const { res } = result;
    expect(res.status, `refused: ${describeAnswer(res)}`).not.toBe(401);
    expect(res.status, `refused: ${describeAnswer(res)}`).not.toBe(403);
    expect(res.status, `server error: ${describeAnswer(res)}`).toBeLessThan(500);
    expect(res.error?.code).not.toBe("unauthorized");
    expect(res.error?.code).not.toBe("forbidden");
    // A handler may answer 404 for what it looks up, but not the team's own "not found".
    if (teamNotFound) expect(res.status === 404 && res.text === teamNotFound.text, `answered as if not a member: ${describeAnswer(res)}`).toBe(false);
    const { fixture } = result;
    if (typeof fixture.expect === "object") return;
    const expected = typeof fixture.expect === "function" ? fixture.expect(caller) : fixture.expect;
    expect(res.status, describeAnswer(res)).toBe(expected);
    if (expected >= 400) expect(result.after, "a refused request must change nothing").toEqual(result.before);
  }

  for (const route of guardedRoutes) {
    describe(`${route.key} (${route.access})`, () => {
      if (["POST", "PUT", "PATCH", "DELETE"].includes(route.method)) {
        // "null" is what browsers send from sandboxed frames and after cross-site redirects.
        it.each(["https://evil.example", "null"])("refuses a cross-site request (Origin: %s) even from an owner, changing nothing", async (origin) => {
          expectRefusal(await attempt(route, "owner", { headers: { origin } }), 403, "forbidden");
        });
      }

      if (route.access === "public") {
        it.each(["anonymous", "owner"] as const)("answers %s with the handler's own result", async (caller) => {
          expectPermitted(caller, await attempt(route, caller));
        });
        return;
      }

      it("answers 401 without a session, changing nothing", async () => {
        expectRefusal(await attempt(route, "anonymous"), 401, "unauthorized");
      });

      if (route.access === "user") {
        it.each(["outsider", "owner"] as const)("serves any signed-in user (%s)", async (caller) => {
          expectPermitted(caller, await attempt(route, caller));
        });
        return;
      }

      const permission: Permission = route.access;

      it("answers 404 to a signed-in non-member (never 403), exactly as for a team that does not exist", async () => {
        const outsider = await attempt(route, "outsider");
        expectRefusal(outsider, 404, "not_found");
        const missing = await attempt(route, "owner", { teamSlug: `no-such-team-${randomBytes(4).toString("hex")}` });
        expectRefusal(missing, 404, "not_found");
        expect(outsider.res.text).toBe(missing.res.text);
      });

      it.each(ROLES.map((role) => [role, can(role, permission)] as const))("answers a member with role %s as the matrix says (allowed: %s)", async (role, allowed) => {
        const result = await attempt(route, role);
        if (!allowed) {
          expectRefusal(result, 403, "forbidden");
          expect(result.res.text).toMatch(/does not allow you to/);
          return;
        }
        const teamNotFound = (await attempt(route, role, { teamSlug: `no-such-team-${randomBytes(4).toString("hex")}` })).res;
        expectPermitted(role, result, teamNotFound);
      });

    });
  }
});
