// Saved views through their routes on a real database: what a member sees (their own and the team's), who may
// change what (own views by their owner only, team views by views.team.write), what of an address a view keeps,
// names unique per scope whatever their case (the partial unique indexes answer races too), views of other teams,
// and the audit trail of team views.
import { beforeAll, describe, expect, it } from "vitest";
import * as viewRoute from "@/app/api/teams/[team]/views/[view]/route";
import * as viewsRoute from "@/app/api/teams/[team]/views/route";
import { db } from "@/lib/db";
import type { SavedViewRow } from "@/lib/shops/saved-views";
import { call, createTeam, createUsers, type TestTeam, type TestUser } from "../support/harness";

let users: Record<"owner" | "admin" | "operator" | "viewer" | "stranger", TestUser>;
let team: TestTeam;
/** The stranger's own team, with views of its own. */
let other: TestTeam;

beforeAll(async () => {
  users = await createUsers("owner", "admin", "operator", "viewer", "stranger");
  team = await createTeam([
    [users.owner, "owner"],
    [users.admin, "admin"],
    [users.operator, "operator"],
    [users.viewer, "viewer"],
  ]);
  other = await createTeam([[users.stranger, "owner"]]);
});

type ViewAnswer = { view: SavedViewRow };

const save = (as: TestUser, body: unknown, slug = team.slug) =>
  call<ViewAnswer>(viewsRoute.POST, { url: `/api/teams/${slug}/views`, params: { team: slug }, as, body });

const list = async (as: TestUser) => {
  const res = await call<{ views: SavedViewRow[] }>(viewsRoute.GET, { url: `/api/teams/${team.slug}/views`, params: { team: team.slug }, as });
  expect(res.status, res.text).toBe(200);
  return res.json!.views;
};

const change = (as: TestUser, id: string, body: unknown, slug = team.slug) =>
  call<ViewAnswer>(viewRoute.PATCH, { method: "PATCH", url: `/api/teams/${slug}/views/${id}`, params: { team: slug, view: id }, as, body });

const remove = (as: TestUser, id: string, slug = team.slug) =>
  call(viewRoute.DELETE, { method: "DELETE", url: `/api/teams/${slug}/views/${id}`, params: { team: slug, view: id }, as });

let names = 0;
/** A name no earlier test used, so tests do not collide in the one team. */
const fresh = (label: string) => `${label} ${++names}`;

async function saved(as: TestUser, body: { name: string; scope?: "own" | "team"; query?: string }) {
  const res = await save(as, { query: "", ...body });
  expect(res.status, res.text).toBe(201);
  return res.json!.view;
}

const viewEvents = (id: string) => db().auditEvent.findMany({ where: { teamId: team.id, targetType: "view", targetId: id }, orderBy: { createdAt: "asc" } });

describe("what a view keeps of the address", () => {
  it("keeps the products table's parameters in one order, and drops the page and anything else", async () => {
    const view = await saved(users.operator, {
      name: `  ${fresh("Lamps online")}  `,
      query: "?page=4&cols=title,status,modified&linked=abc&sort=modified.desc&status=online&q=%20lamp%20&pageSize=50&from=2026-01-01&to=2026-02-01",
    });
    expect(view).toMatchObject({ scope: "own", editable: true, createdBy: "operator" });
    expect(view.name).toMatch(/^Lamps online \d+$/);
    expect(view.query).toBe("pageSize=50&q=lamp&status=online&from=2026-01-01&to=2026-02-01&sort=modified.desc&cols=title,status,modified");
    const row = await db().savedView.findUniqueOrThrow({ where: { id: view.id } });
    expect(row).toMatchObject({ teamId: team.id, ownerId: users.operator.id, createdById: users.operator.id, name: view.name, query: view.query });
  });

  it("keeps nothing of an address without table parameters, and ignores empty ones", async () => {
    expect((await saved(users.viewer, { name: fresh("Everything"), query: "?page=2&category=&q=&tab=1" })).query).toBe("");
  });

  it.each([
    ["status=sold-out", /status=sold-out: Choose one of online, offline/],
    ["pageSize=7", /pageSize=7: Choose 10, 25, 50, 100 rows/],
    ["from=31.01.2026", /from=31\.01\.2026: Use a date like 2026-01-31/],
    ["sort=price.desc", /sort=price\.desc: Sort by title or modified/],
    ["category=a%20b", /category=a b: Use a category id/],
    ["cols=title;drop", /cols=title;drop: List column ids/],
  ])("refuses a table parameter the table would refuse (%s), storing nothing", async (query, message) => {
    const before = await db().savedView.count();
    const res = await save(users.operator, { name: fresh("Bad"), query: `q=lamp&${query}` });
    expect(res.status).toBe(422);
    expect(res.error).toMatchObject({ code: "validation_failed", message: expect.stringMatching(message) });
    expect(res.error?.fields?.query).toMatch(message);
    expect(await db().savedView.count()).toBe(before);
  });

  it("overwrites a view's query with the same rules", async () => {
    const view = await saved(users.operator, { name: fresh("Drafts"), query: "status=draft" });
    const res = await change(users.operator, view.id, { query: "?page=9&status=offline&sort=title.asc" });
    expect(res.status, res.text).toBe(200);
    expect(res.json!.view).toMatchObject({ id: view.id, name: view.name, query: "status=offline&sort=title.asc" });
    expect((await change(users.operator, view.id, { query: "status=gone" })).status).toBe(422);
    expect(await db().savedView.findUniqueOrThrow({ where: { id: view.id } })).toMatchObject({ query: "status=offline&sort=title.asc" });
  });
});

describe("names", () => {
  it.each([
    ["", /Name the view/],
    ["   ", /Name the view/],
    ["x".repeat(61), /at most 60 characters/],
  ])("refuses the name %j", async (name, message) => {
    const res = await save(users.operator, { name, query: "" });
    expect(res.status).toBe(422);
    expect(res.error?.fields?.name).toMatch(message);
  });

  it("takes a name of 60 characters", async () => {
    const name = `${fresh("Long")} `.padEnd(60, "y");
    expect((await saved(users.operator, { name })).name).toBe(name);
  });

  it("keeps one view of a name per member, whatever its case, while others and the team may use it", async () => {
    const name = fresh("Weekly check");
    await saved(users.operator, { name });
    const again = await save(users.operator, { name: name.toUpperCase(), query: "status=online" });
    expect(again.status).toBe(409);
    expect(again.error).toMatchObject({ code: "conflict", message: `You already have a view named "${name.toUpperCase()}". Choose another name, or replace that view.` });
    expect(again.error?.fields?.name).toBeTruthy();
    // Another member's own views and the team's are other scopes.
    await saved(users.viewer, { name });
    await saved(users.admin, { name, scope: "team" });
    const teamAgain = await save(users.owner, { name: name.toLowerCase(), scope: "team", query: "" });
    expect(teamAgain.status).toBe(409);
    expect(teamAgain.error?.message).toMatch(/^The team already has a view named/);
    expect(await db().savedView.count({ where: { teamId: team.id, name: { equals: name, mode: "insensitive" } } })).toBe(3);
  });

  it("refuses a rename onto a name taken in the view's scope", async () => {
    const first = await saved(users.admin, { name: fresh("Sale"), scope: "team" });
    const second = await saved(users.admin, { name: fresh("Clearance"), scope: "team" });
    const res = await change(users.admin, second.id, { name: ` ${first.name.toUpperCase()} ` });
    expect(res.status).toBe(409);
    expect(res.error?.message).toMatch(/^The team already has a view named/);
    expect(await db().savedView.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ name: second.name });
  });

  it("lets exactly one of two saves of one name at once through", async () => {
    const name = fresh("Race");
    const answers = await Promise.all([save(users.owner, { name, query: "status=online" }), save(users.owner, { name: name.toLowerCase(), query: "status=offline" })]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(await db().savedView.count({ where: { ownerId: users.owner.id, name: { equals: name, mode: "insensitive" } } })).toBe(1);
  });

  it("wants a new name or query in a change", async () => {
    const view = await saved(users.viewer, { name: fresh("Unchanged") });
    const res = await change(users.viewer, view.id, {});
    expect(res.status).toBe(422);
    expect(res.error?.message).toMatch(/Send a new name, a new query, or both/);
  });
});

describe("scopes and permissions", () => {
  it("lists a member's own views and the team's, never another member's own", async () => {
    const mine = await saved(users.viewer, { name: fresh("Viewer's own") });
    const theirs = await saved(users.operator, { name: fresh("Operator's own") });
    const shared = await saved(users.owner, { name: fresh("Shared"), scope: "team" });
    const viewerSees = await list(users.viewer);
    expect(viewerSees.map((view) => view.id)).toEqual(expect.arrayContaining([mine.id, shared.id]));
    expect(viewerSees.map((view) => view.id)).not.toContain(theirs.id);
    expect(viewerSees.every((view) => view.scope === "team" || view.createdBy === "viewer")).toBe(true);
    // Sorted by name, whatever the case.
    const sorted = [...viewerSees].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }));
    expect(viewerSees.map((view) => view.name)).toEqual(sorted.map((view) => view.name));
    // Team views are editable for those who may write them.
    expect(viewerSees.find((view) => view.id === shared.id)?.editable).toBe(false);
    expect((await list(users.admin)).find((view) => view.id === shared.id)?.editable).toBe(true);
  });

  it.each(["operator", "viewer"] as const)("refuses %s a team view: saving, changing or deleting one", async (role) => {
    const before = await db().savedView.count();
    const res = await save(users[role], { name: fresh("For everyone"), scope: "team", query: "status=online" });
    expect(res.status).toBe(403);
    expect(res.error?.message).toMatch(/^Your role \((Operator|Viewer)\) does not allow you to save views for the whole team\.$/);
    expect(await db().savedView.count()).toBe(before);

    const shared = await saved(users.admin, { name: fresh("Admins' pick"), scope: "team", query: "status=online" });
    expect((await change(users[role], shared.id, { name: "Mine now" })).status).toBe(403);
    expect((await remove(users[role], shared.id)).status).toBe(403);
    expect(await db().savedView.findUniqueOrThrow({ where: { id: shared.id } })).toMatchObject({ name: shared.name, query: "status=online" });
  });

  it("lets only its owner change or delete an own view: to everyone else, owners included, it does not exist", async () => {
    const view = await saved(users.operator, { name: fresh("Private"), query: "status=blocked" });
    for (const someone of [users.owner, users.admin, users.viewer]) {
      const renamed = await change(someone, view.id, { name: "Taken over" });
      expect(renamed.status).toBe(404);
      expect(renamed.error?.message).toBe("Saved view was not found.");
      expect((await remove(someone, view.id)).status).toBe(404);
    }
    expect(await db().savedView.findUniqueOrThrow({ where: { id: view.id } })).toMatchObject({ name: view.name });
    const renamed = await change(users.operator, view.id, { name: "Blocked ones" });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.json!.view).toMatchObject({ id: view.id, name: "Blocked ones", query: "status=blocked" });
    expect((await remove(users.operator, view.id)).status).toBe(200);
    expect(await db().savedView.findUnique({ where: { id: view.id } })).toBeNull();
    expect((await remove(users.operator, view.id)).status).toBe(404);
  });

  it("answers a view of another team, or no view, as not found, and never lists it", async () => {
    const answer = await save(users.stranger, { name: fresh("Theirs"), scope: "team", query: "status=online" }, other.slug);
    expect(answer.status, answer.text).toBe(201);
    const foreignView = answer.json!.view;
    expect(await db().savedView.findUniqueOrThrow({ where: { id: foreignView.id } })).toMatchObject({ teamId: other.id });
    for (const id of [foreignView.id, "no-such-view"]) {
      expect((await change(users.owner, id, { name: "Ours now" })).status).toBe(404);
      expect((await remove(users.owner, id)).status).toBe(404);
    }
    expect((await list(users.owner)).map((view) => view.id)).not.toContain(foreignView.id);
    expect(await db().savedView.findUniqueOrThrow({ where: { id: foreignView.id } })).toMatchObject({ name: foreignView.name });
    // A member of this team only: the other team does not exist for them.
    expect((await save(users.owner, { name: fresh("Sneaky"), query: "" }, other.slug)).status).toBe(404);
  });
});

describe("audit", () => {
  it("records saving, changing and deleting a team view, with who and what", async () => {
    const view = await saved(users.admin, { name: fresh("Team default"), scope: "team", query: "status=online" });
    const renamed = await change(users.owner, view.id, { name: "Team default, newest first", query: "status=online&sort=modified.desc" });
    expect(renamed.status, renamed.text).toBe(200);
    expect((await remove(users.admin, view.id)).status).toBe(200);
    const events = await viewEvents(view.id);
    expect(events.map((event) => [event.action, event.actorId, event.targetLabel])).toEqual([
      ["view.created", users.admin.id, view.name],
      ["view.updated", users.owner.id, "Team default, newest first"],
      ["view.deleted", users.admin.id, "Team default, newest first"],
    ]);
    expect(events[1]!.metadata).toEqual({ query: "status=online&sort=modified.desc", previousName: view.name, previousQuery: "status=online" });
  });

  it("keeps a member's own views out of the team's audit log", async () => {
    const view = await saved(users.viewer, { name: fresh("Just mine"), query: "status=draft" });
    expect((await change(users.viewer, view.id, { name: fresh("Still mine") })).status).toBe(200);
    expect((await remove(users.viewer, view.id)).status).toBe(200);
    expect(await viewEvents(view.id)).toEqual([]);
  });
});
