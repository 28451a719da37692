// Sign-up, teams, invites and membership changes through the real route handlers, on this file's own database.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as acceptInvite } from "@/app/api/invites/accept/route";
import { DELETE as revokeInvite } from "@/app/api/teams/[team]/invites/[invite]/route";
import { GET as listInvites, POST as createInvite } from "@/app/api/teams/[team]/invites/route";
import { DELETE as removeMember, PATCH as changeRole } from "@/app/api/teams/[team]/members/[member]/route";
import { GET as listMembers } from "@/app/api/teams/[team]/members/route";
import { DELETE as leaveTeam } from "@/app/api/teams/[team]/membership/route";
import { GET as listTeams, POST as createTeamRoute } from "@/app/api/teams/route";
import { POST as signUpRoute } from "@/app/api/users/route";
import { verifyPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { InviteRow } from "@/lib/invites";
import { removeMember as removeMemberDirectly, type MemberRow } from "@/lib/members";
import type { TeamSummary } from "@/lib/teams";
import {
  call,
  CLIENT_IP,
  countRows,
  createInviteRow,
  createTeam,
  createUser,
  createUsers,
  hashToken,
  PASSWORD,
  uniqueEmail,
  USER_AGENT,
  type TestTeam,
  type TestUser,
} from "../support/harness";

let u: Record<"owner" | "admin" | "operator" | "viewer" | "outsider", TestUser>;

beforeAll(async () => {
  u = await createUsers("owner", "admin", "operator", "viewer", "outsider");
});

/** A fresh team with one member of each role (and any extra members). */
const staffedTeam = (extra: [TestUser, Role][] = []) =>
  createTeam([[u.owner, "owner"], [u.admin, "admin"], [u.operator, "operator"], [u.viewer, "viewer"], ...extra]);

const auditOf = (action: string, teamId?: string) => db().auditEvent.findMany({ where: { action, ...(teamId ? { teamId } : {}) }, orderBy: { createdAt: "asc" } });

const roleOf = async (team: TestTeam, user: TestUser) =>
  (await db().membership.findUnique({ where: { teamId_userId: { teamId: team.id, userId: user.id } } }))?.role ?? null;

/** Runs a request that must be refused, and checks that it changed no row. */
async function refused(request: () => ReturnType<typeof call>, status: number, code: string) {
  const before = await countRows();
  const res = await request();
  expect(res.status, res.text).toBe(status);
  expect(res.error?.code).toBe(code);
  expect(await countRows()).toEqual(before);
  return res;
}

const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

describe("sign-up", () => {
  const email = uniqueEmail("new-person");

  it("creates the account with a normalized email, a scrypt hash and an audit event", async () => {
    const res = await call<{ user: { id: string; email: string; name: string } }>(signUpRoute, {
      url: "/api/users",
      body: { name: "  New Person ", email: `  ${email.toUpperCase()} `, password: PASSWORD },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json?.user).toMatchObject({ email: email.toLowerCase(), name: "New Person" });
    expect(res.text).not.toContain("passwordHash");

    const stored = await db().user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(stored.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored.passwordHash)).toBe(true);

    const [event] = await db().auditEvent.findMany({ where: { action: "user.signed_up", actorId: stored.id } });
    expect(event).toMatchObject({ teamId: null, ip: CLIENT_IP, userAgent: USER_AGENT });
  });

  it("answers 409 with a field error for a taken email (in any case), creating nothing", async () => {
    const res = await refused(
      () => call(signUpRoute, { url: "/api/users", body: { name: "Someone Else", email: email.toUpperCase(), password: "another password" } }),
      409,
      "conflict",
    );
    expect(res.error?.fields).toHaveProperty("email");
  });

  it("answers 422 naming each bad field, creating nothing", async () => {
    const res = await refused(() => call(signUpRoute, { url: "/api/users", body: { name: " ", email: "not-an-email", password: "short" } }), 422, "validation_failed");
    expect(Object.keys(res.error?.fields ?? {}).sort()).toEqual(["email", "name", "password"]);
    expect(res.error?.message).toMatch(/email: Enter a valid email address/);
  });

  it("answers 400 to a body that is not JSON", async () => {
    await refused(() => call(signUpRoute, { url: "/api/users", method: "POST", body: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), 400, "bad_request");
  });
});

describe("teams", () => {
  it("makes the creator the owner, audits team.created, and lists the team for its members only", async () => {
    const creator = await createUser("Creator");
    const res = await call<{ team: TeamSummary }>(createTeamRoute, { url: "/api/teams", as: creator, body: { name: "  Acme Trading Co. " } });
    expect(res.status, res.text).toBe(201);
    const team = res.json!.team;
    expect(team).toMatchObject({ name: "Acme Trading Co.", role: "owner" });
    expect(team.slug).toMatch(/^acme-trading-co(-[0-9a-f]{6})?$/);

    const memberships = await db().membership.findMany({ where: { teamId: team.id } });
    expect(memberships).toEqual([expect.objectContaining({ userId: creator.id, role: "owner" })]);
    const events = await auditOf("team.created", team.id);
    expect(events).toEqual([expect.objectContaining({ actorId: creator.id, targetType: "team", targetId: team.id, targetLabel: "Acme Trading Co.", ip: CLIENT_IP })]);

    const mine = await call<{ teams: TeamSummary[] }>(listTeams, { url: "/api/teams", as: creator });
    expect(mine.json?.teams).toEqual([{ id: team.id, slug: team.slug, name: team.name, role: "owner" }]);
    const theirs = await call<{ teams: TeamSummary[] }>(listTeams, { url: "/api/teams", as: u.outsider });
    expect(theirs.json?.teams.map((t) => t.id)).not.toContain(team.id);
  });

  it("gives a second team of the same name its own slug", async () => {
    const first = await call<{ team: TeamSummary }>(createTeamRoute, { url: "/api/teams", as: u.owner, body: { name: "Same Name" } });
    const second = await call<{ team: TeamSummary }>(createTeamRoute, { url: "/api/teams", as: u.owner, body: { name: "Same Name" } });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.json?.team.slug).not.toBe(first.json?.team.slug);
    expect(second.json?.team.slug).toMatch(/^same-name-[0-9a-f]{6}$/);
  });

  it("answers 422 naming the field for a bad name, creating nothing", async () => {
    const res = await refused(() => call(createTeamRoute, { url: "/api/teams", as: u.owner, body: { name: "x" } }), 422, "validation_failed");
    expect(res.error?.fields).toHaveProperty("name");
  });

  it("lists a user's teams with their role in each", async () => {
    const team = await staffedTeam();
    for (const [user, role] of [[u.owner, "owner"], [u.admin, "admin"], [u.operator, "operator"], [u.viewer, "viewer"]] as const) {
      const res = await call<{ teams: TeamSummary[] }>(listTeams, { url: "/api/teams", as: user });
      expect(res.json?.teams.find((t) => t.id === team.id)?.role).toBe(role);
    }
  });
});

describe("invites", () => {
  let team: TestTeam;
  const invite = (as: TestUser, body: Record<string, unknown>, headers?: Record<string, string>) =>
    call<{ invite: InviteRow; url: string }>(createInvite, { url: `/api/teams/${team.slug}/invites`, params: { team: team.slug }, as, body, headers });
  const accept = (as: TestUser, token: string) => call<{ slug: string }>(acceptInvite, { url: "/api/invites/accept", as, body: { token } });

  beforeAll(async () => {
    team = await staffedTeam();
  });

  it("creates an invite link whose token is stored only as a hash, and audits it", async () => {
    const res = await invite(u.admin, { role: "operator", email: "" }, { "x-forwarded-for": "198.51.100.4, 10.0.0.1", "user-agent": "InviteBrowser/1" });
    expect(res.status, res.text).toBe(201);
    const { invite: row, url } = res.json!;
    expect(row).toMatchObject({ role: "operator", email: null, status: "pending", createdBy: "admin" });
    expect(url).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{40,}$/);
    const token = tokenOf(url);
    const stored = await db().invite.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const expiresInDays = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 86_400_000;
    expect(expiresInDays).toBeCloseTo(7, 1);

    const [event] = (await auditOf("invite.created", team.id)).filter((e) => e.targetId === row.id);
    expect(event).toMatchObject({ actorId: u.admin.id, targetType: "invite", ip: "198.51.100.4", userAgent: "InviteBrowser/1", metadata: { role: "operator" } });

    const list = await call<{ invites: InviteRow[] }>(listInvites, { url: `/api/teams/${team.slug}/invites`, params: { team: team.slug }, as: u.owner });
    expect(list.json?.invites.find((i) => i.id === row.id)?.status).toBe("pending");
  });

  it("is accepted once: the membership gets the invite's role, the invite is spent and audited", async () => {
    const created = await invite(u.owner, { role: "operator" });
    const token = tokenOf(created.json!.url);
    const { joiner: first, latecomer: second } = await createUsers("joiner", "latecomer");

    const res = await accept(first, token);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ slug: team.slug });
    expect(await roleOf(team, first)).toBe("operator");
    const stored = await db().invite.findUniqueOrThrow({ where: { id: created.json!.invite.id } });
    expect(stored.acceptedById).toBe(first.id);
    expect(stored.acceptedAt).toBeInstanceOf(Date);
    const [event] = (await auditOf("invite.accepted", team.id)).filter((e) => e.targetId === stored.id);
    expect(event).toMatchObject({ actorId: first.id, targetLabel: first.email, metadata: { role: "operator" }, ip: CLIENT_IP });

    // The new member can now see the team.
    const members = await call(listMembers, { url: `/api/teams/${team.slug}/members`, params: { team: team.slug }, as: first });
    expect(members.status).toBe(200);

    const again = await refused(() => accept(second, token), 410, "gone");
    expect(again.error?.message).toMatch(/already been used/);
    expect(await roleOf(team, second)).toBeNull();
  });

  it("stays single-use when two people accept at the same moment", async () => {
    const { token } = await createInviteRow({ teamId: team.id, createdById: u.owner.id, role: "viewer" });
    const racers = await Promise.all([createUser("racer-a"), createUser("racer-b")]);
    const before = await countRows();
    const results = await Promise.all(racers.map((racer) => accept(racer, token)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    const after = await countRows();
    expect(after.memberships).toBe(before.memberships + 1);
    expect(after.acceptedInvites).toBe(before.acceptedInvites + 1);
  });

  it("answers 410 for an expired invite, changing nothing", async () => {
    const { token } = await createInviteRow({ teamId: team.id, createdById: u.owner.id, role: "viewer", expiresAt: new Date(Date.now() - 1000) });
    const late = await createUser("too-late");
    const res = await refused(() => accept(late, token), 410, "gone");
    expect(res.error?.message).toMatch(/expired/);
  });

  it("can be revoked (audited), after which it answers 410; revoking twice is a conflict", async () => {
    const created = await invite(u.owner, { role: "viewer", expiresInDays: 2 });
    const id = created.json!.invite.id;
    const revoke = (as: TestUser) => call(revokeInvite, { method: "DELETE", url: `/api/teams/${team.slug}/invites/${id}`, params: { team: team.slug, invite: id }, as });

    const res = await revoke(u.admin);
    expect(res.status, res.text).toBe(200);
    expect((await db().invite.findUniqueOrThrow({ where: { id } })).revokedAt).toBeInstanceOf(Date);
    expect((await auditOf("invite.revoked", team.id)).filter((e) => e.targetId === id)).toEqual([expect.objectContaining({ actorId: u.admin.id })]);

    const joiner = await createUser("revoked-joiner");
    const late = await refused(() => accept(joiner, tokenOf(created.json!.url)), 410, "gone");
    expect(late.error?.message).toMatch(/revoked/);
    await refused(() => revoke(u.owner), 409, "conflict");
  });

  it("answers 410 for a used invite and 409 to someone already in the team", async () => {
    const used = await createInviteRow({ teamId: team.id, createdById: u.owner.id, role: "viewer", acceptedAt: new Date() });
    const secondHand = await createUser("second-hand");
    await refused(() => accept(secondHand, used.token), 410, "gone");
    const fresh = await createInviteRow({ teamId: team.id, createdById: u.owner.id, role: "admin" });
    await refused(() => accept(u.viewer, fresh.token), 409, "conflict");
    expect(await roleOf(team, u.viewer)).toBe("viewer");
  });

  it("bound to an email, refuses another account (403) and admits the right one", async () => {
    const invitee = await createUser("Invitee");
    const created = await invite(u.owner, { role: "admin", email: invitee.email.toUpperCase() });
    expect(created.status, created.text).toBe(201);
    expect(created.json?.invite.email).toBe(invitee.email);
    const token = tokenOf(created.json!.url);

    const wrong = await refused(() => accept(u.outsider, token), 403, "forbidden");
    expect(wrong.error?.message).toContain(invitee.email);
    expect(await roleOf(team, u.outsider)).toBeNull();

    const right = await accept(invitee, token);
    expect(right.status, right.text).toBe(200);
    expect(await roleOf(team, invitee)).toBe("admin");
  });

  it("refuses (403) a role the inviter cannot give, creating nothing", async () => {
    const res = await refused(() => invite(u.admin, { role: "owner" }), 403, "forbidden");
    expect(res.error?.fields).toHaveProperty("role");
    const byOwner = await invite(u.owner, { role: "owner" });
    expect(byOwner.status, byOwner.text).toBe(201);
  });

  it("answers 422 naming the field for bad invite input, and 404/422 for bad tokens", async () => {
    expect((await refused(() => invite(u.owner, { role: "superuser" }), 422, "validation_failed")).error?.fields).toHaveProperty("role");
    expect((await refused(() => invite(u.owner, { role: "viewer", expiresInDays: 31 }), 422, "validation_failed")).error?.fields).toHaveProperty("expiresInDays");
    expect((await refused(() => invite(u.owner, { role: "viewer", email: "nope" }), 422, "validation_failed")).error?.fields).toHaveProperty("email");
    await refused(() => accept(u.outsider, "x".repeat(43)), 404, "not_found");
    expect((await refused(() => accept(u.outsider, "short"), 422, "validation_failed")).error?.fields).toHaveProperty("token");
  });

  it("cannot be revoked through another team", async () => {
    const other = await createTeam([[u.outsider, "owner"]]);
    const { id } = await createInviteRow({ teamId: team.id, createdById: u.owner.id, role: "viewer" });
    await refused(
      () => call(revokeInvite, { method: "DELETE", url: `/api/teams/${other.slug}/invites/${id}`, params: { team: other.slug, invite: id }, as: u.outsider }),
      404,
      "not_found",
    );
  });
});

describe("roles", () => {
  const patch = (team: TestTeam, as: TestUser, target: TestUser | string, role: string, headers?: Record<string, string>) => {
    const member = typeof target === "string" ? target : team.membership(target);
    return call<{ member: MemberRow }>(changeRole, {
      method: "PATCH",
      url: `/api/teams/${team.slug}/members/${member}`,
      params: { team: team.slug, member },
      as,
      body: { role },
      headers,
    });
  };

  it("changes a role and audits actor, target, old and new role, ip and user agent", async () => {
    const team = await staffedTeam();
    const res = await patch(team, u.owner, u.viewer, "operator", { "x-forwarded-for": "192.0.2.50", "user-agent": "RoleChanger/2.0" });
    expect(res.status, res.text).toBe(200);
    expect(res.json?.member).toMatchObject({ userId: u.viewer.id, role: "operator", email: u.viewer.email });
    expect(await roleOf(team, u.viewer)).toBe("operator");
    expect(await auditOf("member.role_changed", team.id)).toEqual([
      expect.objectContaining({
        actorId: u.owner.id,
        targetType: "user",
        targetId: u.viewer.id,
        targetLabel: u.viewer.email,
        metadata: { from: "viewer", to: "operator" },
        ip: "192.0.2.50",
        userAgent: "RoleChanger/2.0",
      }),
    ]);
  });

  it("lets an admin manage non-owners but never touch an owner or make one", async () => {
    const team = await staffedTeam();
    const ok = await patch(team, u.admin, u.operator, "viewer");
    expect(ok.status, ok.text).toBe(200);
    await refused(() => patch(team, u.admin, u.owner, "viewer"), 403, "forbidden");
    await refused(() => patch(team, u.admin, u.viewer, "owner"), 403, "forbidden");
    await refused(() => patch(team, u.admin, u.admin, "owner"), 403, "forbidden");
    expect(await roleOf(team, u.owner)).toBe("owner");
    expect(await roleOf(team, u.admin)).toBe("admin");
  });

  it("never demotes the last owner (409), but allows it once there is another owner", async () => {
    const team = await staffedTeam();
    const res = await refused(() => patch(team, u.owner, u.owner, "admin"), 409, "conflict");
    expect(res.error?.message).toMatch(/last owner/);

    expect((await patch(team, u.owner, u.admin, "owner")).status).toBe(200);
    const demoted = await patch(team, u.owner, u.owner, "admin");
    expect(demoted.status, demoted.text).toBe(200);
    await refused(() => patch(team, u.admin, u.admin, "viewer"), 409, "conflict");
    expect(await roleOf(team, u.admin)).toBe("owner");
  });

  it("does not reach a member of another team through this team's URL (404)", async () => {
    const team = await staffedTeam();
    const elsewhere = await createTeam([[u.outsider, "owner"], [u.viewer, "viewer"]]);
    await refused(() => patch(team, u.owner, elsewhere.membership(u.viewer), "admin"), 404, "not_found");
    await refused(() => patch(team, u.owner, elsewhere.membership(u.outsider), "viewer"), 404, "not_found");
    expect(await roleOf(elsewhere, u.outsider)).toBe("owner");
  });

  it("answers 422 naming the field for an unknown role", async () => {
    const team = await staffedTeam();
    const res = await refused(() => patch(team, u.owner, u.viewer, "superuser"), 422, "validation_failed");
    expect(res.error?.fields).toHaveProperty("role");
  });
});

describe("removing and leaving", () => {
  const remove = (team: TestTeam, as: TestUser, target: TestUser) => {
    const member = team.membership(target);
    return call(removeMember, { method: "DELETE", url: `/api/teams/${team.slug}/members/${member}`, params: { team: team.slug, member }, as });
  };
  const leave = (team: TestTeam, as: TestUser) =>
    call(leaveTeam, { method: "DELETE", url: `/api/teams/${team.slug}/membership`, params: { team: team.slug }, as, headers: { "user-agent": "Leaver/3" } });
  const members = (team: TestTeam, as: TestUser) => call(listMembers, { url: `/api/teams/${team.slug}/members`, params: { team: team.slug }, as });

  it("removes a member (audited), who then no longer finds the team", async () => {
    const team = await staffedTeam();
    const res = await remove(team, u.admin, u.operator);
    expect(res.status, res.text).toBe(200);
    expect(await roleOf(team, u.operator)).toBeNull();
    expect(await auditOf("member.removed", team.id)).toEqual([
      expect.objectContaining({ actorId: u.admin.id, targetId: u.operator.id, targetLabel: u.operator.email, ip: CLIENT_IP, userAgent: USER_AGENT }),
    ]);
    expect((await members(team, u.operator)).status).toBe(404);
  });

  it("refuses an admin removing an owner (403), and anyone removing themselves (400)", async () => {
    const team = await staffedTeam();
    await refused(() => remove(team, u.admin, u.owner), 403, "forbidden");
    await refused(() => remove(team, u.owner, u.owner), 400, "bad_request");
    await refused(() => remove(team, u.admin, u.admin), 400, "bad_request");
  });

  it("never removes the last owner (409), even for an owner demoted while the request was under way", async () => {
    // Through the route the last owner can only be the caller (400 above); the guard under the team lock also
    // covers a caller whose owner role was taken away after their request was authorized.
    const team = await staffedTeam([[u.outsider, "owner"]]);
    await db().membership.update({ where: { id: team.membership(u.outsider) }, data: { role: "admin" } });
    const stale = { userId: u.outsider.id, team: { id: team.id, slug: team.slug, name: team.name, role: "owner" as const } };
    const before = await countRows();
    await expect(removeMemberDirectly(stale, team.membership(u.owner))).rejects.toMatchObject({ code: "conflict", message: "The last owner cannot be removed." });
    expect(await countRows()).toEqual(before);
    expect(await roleOf(team, u.owner)).toBe("owner");
  });

  it("lets any member leave (audited), except the last owner (409)", async () => {
    const team = await staffedTeam();
    for (const member of [u.viewer, u.operator, u.admin]) {
      const res = await leave(team, member);
      expect(res.status, res.text).toBe(200);
      expect(await roleOf(team, member)).toBeNull();
      expect((await members(team, member)).status).toBe(404);
    }
    expect((await auditOf("member.left", team.id)).map((e) => [e.actorId, e.targetId, e.userAgent])).toEqual([
      [u.viewer.id, u.viewer.id, "Leaver/3"],
      [u.operator.id, u.operator.id, "Leaver/3"],
      [u.admin.id, u.admin.id, "Leaver/3"],
    ]);
    const res = await refused(() => leave(team, u.owner), 409, "conflict");
    expect(res.error?.message).toMatch(/last owner/);
    expect(await roleOf(team, u.owner)).toBe("owner");
  });

  it("lets an owner leave once there is another owner", async () => {
    const team = await staffedTeam([[u.outsider, "owner"]]);
    expect((await leave(team, u.owner)).status).toBe(200);
    await refused(() => leave(team, u.outsider), 409, "conflict");
  });
});

describe("races on unique values", () => {
  it("two sign-ups with one email at the same moment: one account, and the other hears why", async () => {
    const email = uniqueEmail("race");
    const answers = await Promise.all(
      ["198.51.100.1", "198.51.100.2"].map((ip) =>
        call(signUpRoute, { url: "/api/users", body: { name: "Racer", email, password: PASSWORD }, headers: { "x-forwarded-for": ip } }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.status === 409)!.error?.fields?.email).toContain("already exists");
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("teams created with one name at the same moment all succeed, each with its own slug", async () => {
    const name = `Twin ${Date.now()}`;
    const answers = await Promise.all([1, 2, 3].map(() => call<{ team: TeamSummary }>(createTeamRoute, { url: "/api/teams", body: { name }, as: u.owner })));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.json!.team.slug)).size).toBe(3);
  });
});
