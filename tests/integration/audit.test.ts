// The team audit log route: paging, filters (action, actor, dates), sort, and precise refusals of bad queries.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as auditRoute } from "@/app/api/teams/[team]/audit/route";
import type { AuditAction, AuditRow } from "@/lib/audit";
import { db } from "@/lib/db";
import { call, createTeam, createUsers, type TestTeam, type TestUser } from "../support/harness";

type Page = { rows: AuditRow[]; total: number };

let u: Record<"alice" | "bruno" | "outsider", TestUser>;
let team: TestTeam;
/** The events seeded into the team, oldest first. */
let seeded: { id: string; action: AuditAction; actorId: string; createdAt: Date }[] = [];

const DAY = 24 * 3600 * 1000;
const START = Date.parse("2026-03-01T12:00:00Z");
const SEEDED_ACTIONS: AuditAction[] = ["invite.created", "member.role_changed", "member.removed", "invite.accepted"];

const audit = (query: Record<string, string | number> = {}, as: TestUser = u.alice) => {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  return call<Page>(auditRoute, { url: `/api/teams/${team.slug}/audit?${search}`, params: { team: team.slug }, as });
};

beforeAll(async () => {
  u = await createUsers("alice", "bruno", "outsider");
  // Distinct, searchable names: "Alice Ackerman" and "Bruno Brandt".
  await db().user.update({ where: { id: u.alice.id }, data: { name: "Alice Ackerman" } });
  await db().user.update({ where: { id: u.bruno.id }, data: { name: "Bruno Brandt" } });
  team = await createTeam([[u.alice, "owner"], [u.bruno, "admin"]]);
  const elsewhere = await createTeam([[u.outsider, "owner"], [u.alice, "viewer"]]);

  // 30 events one day apart from 2026-03-01, alternating actors and cycling through actions, plus two at the
  // edges of 2026-03-31 (its first and last millisecond).
  const data = Array.from({ length: 30 }, (_, index) => ({
    teamId: team.id,
    actorId: index % 2 === 0 ? u.alice.id : u.bruno.id,
    action: SEEDED_ACTIONS[index % SEEDED_ACTIONS.length]!,
    targetType: "user",
    targetId: `target-${index}`,
    targetLabel: `target ${index}`,
    metadata: { index },
    ip: "192.0.2.1",
    userAgent: "Seeder/1",
    createdAt: new Date(START + index * DAY),
  }));
  data.push(
    { ...data[0]!, targetId: "edge-start", targetLabel: "edge start", metadata: { index: 30 }, createdAt: new Date("2026-03-31T00:00:00.000Z") },
    { ...data[1]!, targetId: "edge-end", targetLabel: "edge end", metadata: { index: 31 }, createdAt: new Date("2026-03-31T23:59:59.999Z") },
  );
  for (const row of data) {
    const created = await db().auditEvent.create({ data: row });
    seeded.push({ id: created.id, action: row.action, actorId: row.actorId, createdAt: row.createdAt });
  }
  seeded = seeded.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  // Events that must never show: another team's, and sign-ins (no team).
  await db().auditEvent.createMany({
    data: [
      { teamId: elsewhere.id, actorId: u.alice.id, action: "member.removed", createdAt: new Date(START) },
      { teamId: null, actorId: u.alice.id, action: "user.signed_in", createdAt: new Date(START) },
    ],
  });
});

const ids = (page: Page | undefined) => page?.rows.map((row) => row.id) ?? [];
const newestFirst = () => [...seeded].reverse();

describe("audit log", () => {
  it("shows the team's own events, newest first, 25 a page by default, with readable fields", async () => {
    const res = await audit();
    expect(res.status, res.text).toBe(200);
    expect(res.json?.total).toBe(seeded.length);
    expect(ids(res.json)).toEqual(newestFirst().slice(0, 25).map((e) => e.id));
    const newest = res.json!.rows[0]!;
    expect(newest).toMatchObject({ action: seeded.at(-1)!.action, actor: u.bruno.email, target: "edge end", ip: "192.0.2.1", userAgent: "Seeder/1" });
    expect(newest.createdAt).toBe("2026-03-31T23:59:59.999Z");
  });

  it("pages without gaps or repeats", async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => audit({ page, pageSize: 10 })));
    expect(pages.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    expect(pages.map((res) => res.json?.rows.length)).toEqual([10, 10, 10, 2]);
    expect(pages.flatMap((res) => ids(res.json))).toEqual(newestFirst().map((e) => e.id));
    const beyond = await audit({ page: 5, pageSize: 10 });
    expect(beyond.json).toEqual({ rows: [], total: seeded.length });
  });

  it("sorts oldest first on request", async () => {
    const res = await audit({ sort: "oldest", pageSize: 50 });
    expect(ids(res.json)).toEqual(seeded.map((e) => e.id));
  });

  it("filters by action", async () => {
    const res = await audit({ action: "member.removed", pageSize: 100 });
    const expected = newestFirst().filter((e) => e.action === "member.removed");
    expect(expected.length).toBeGreaterThan(0);
    expect(res.json?.total).toBe(expected.length);
    expect(ids(res.json)).toEqual(expected.map((e) => e.id));
    // An action with no events is a valid filter with an empty answer.
    expect((await audit({ action: "team.created" })).json).toEqual({ rows: [], total: 0 });
  });

  it("filters by actor email or name, ignoring case", async () => {
    const bruno = newestFirst().filter((e) => e.actorId === u.bruno.id);
    for (const actor of [u.bruno.email.toUpperCase(), "brandt", "BRUNO B"]) {
      const res = await audit({ actor, pageSize: 100 });
      expect(ids(res.json), actor).toEqual(bruno.map((e) => e.id));
    }
    expect((await audit({ actor: "nobody-at-all" })).json?.total).toBe(0);
  });

  it("filters by dates, both days included whole", async () => {
    const res = await audit({ from: "2026-03-10", to: "2026-03-12", sort: "oldest" });
    expect(res.json?.rows.map((row) => row.createdAt)).toEqual(["2026-03-10T12:00:00.000Z", "2026-03-11T12:00:00.000Z", "2026-03-12T12:00:00.000Z"]);
    const lastDay = await audit({ from: "2026-03-31", to: "2026-03-31", sort: "oldest" });
    expect(lastDay.json?.rows.map((row) => row.target)).toEqual(["edge start", "edge end"]);
    // "to" ends at the end of its day, not a millisecond later.
    const dayBefore = await audit({ from: "2026-03-30", to: "2026-03-30" });
    expect(dayBefore.json?.rows.map((row) => row.target)).toEqual(["target 29"]);
    expect((await audit({ to: "2026-03-01" })).json?.total).toBe(1);
    expect((await audit({ from: "2026-04-01" })).json?.total).toBe(0);
  });

  it("combines filters", async () => {
    const res = await audit({ action: "invite.created", actor: "alice", from: "2026-03-05", to: "2026-03-20", pageSize: 100, sort: "oldest" });
    const expected = seeded.filter(
      (e) =>
        e.action === "invite.created" &&
        e.actorId === u.alice.id &&
        e.createdAt >= new Date("2026-03-05T00:00:00Z") &&
        e.createdAt < new Date("2026-03-21T00:00:00Z"),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(res.json)).toEqual(expected.map((e) => e.id));
  });

  it.each([
    ["page", { page: 0 }],
    ["page", { page: "two" }],
    ["pageSize", { pageSize: 7 }],
    ["action", { action: "user.deleted_everything" }],
    ["from", { from: "2026-02-30" }],
    ["to", { to: "31/03/2026" }],
    ["sort", { sort: "sideways" }],
  ] as const)("answers 422 naming %s for %j", async (field, query) => {
    const res = await audit(query);
    expect(res.status, res.text).toBe(422);
    expect(res.error?.code).toBe("validation_failed");
    expect(Object.keys(res.error?.fields ?? {})).toEqual([field]);
    expect(res.error?.message).toContain(`${field}:`);
  });
});
