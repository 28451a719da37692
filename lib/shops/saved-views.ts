// Saved views of the products table: a name for its query string (filters, sort, columns, page size), kept for the
// member who saved it or, by those who hold views.team.write, for the whole team. Another member's own views do not
// exist for the caller; team views are changed only by holders of the permission, and those changes are audited.
import { z } from "zod";
import { firstValues, patchSearch } from "@/components/data-table/search-params";
import { recordAudit, type AuditAction } from "@/lib/audit";
import { can, PERMISSION_LABELS, ROLE_LABELS } from "@/lib/auth/permissions";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TeamSummary } from "@/lib/teams";
import { productUrlQuery } from "./product-query";

export const VIEW_SCOPES = ["own", "team"] as const;
export type ViewScope = (typeof VIEW_SCOPES)[number];

export type SavedViewRow = {
  id: string;
  name: string;
  scope: ViewScope;
  /** The query string without "?", e.g. `status=online&sort=title.asc&cols=title,status`. */
  query: string;
  createdBy: string | null;
  updatedAt: string;
  /** Whether the caller may rename, overwrite or delete it. */
  editable: boolean;
};

// A view is a way of looking at the table, not a place in it: the page is never kept.
const viewParams = productUrlQuery
  .omit({ page: true })
  .partial()
  .extend({ cols: z.string().max(300).regex(/^[\w-]+(,[\w-]+)*$/, "List column ids separated by commas.").optional() });
const VIEW_PARAMS = Object.keys(viewParams.shape);

/**
 * An address's query string as a view keeps it: the table's own parameters, checked with the table's schema and
 * written in one order. Anything else (the page, a parameter of another page) is left out; a table parameter
 * with a value the table would refuse is an error, so a view never stores what its page would have to ignore.
 */
const viewQuery = z
  .string()
  .max(2000, "The view's address is too long.")
  .transform((search, ctx) => {
    const raw = Object.fromEntries(Object.entries(firstValues(search)).filter(([param, value]) => VIEW_PARAMS.includes(param) && value.trim() !== ""));
    const parsed = viewParams.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: `${String(issue.path[0])}=${raw[String(issue.path[0])]}: ${issue.message}` });
      return z.NEVER;
    }
    const values: Record<string, unknown> = parsed.data;
    return patchSearch("", Object.fromEntries(VIEW_PARAMS.filter((param) => param in raw).map((param) => [param, String(values[param])]))).replace(/^\?/, "");
  });

const viewName = z.string().trim().min(1, "Name the view.").max(60, "Use at most 60 characters.");

export const createViewInput = z.object({
  name: viewName,
  scope: z.enum(VIEW_SCOPES, "Save the view for yourself (own) or for the team (team).").default("own"),
  query: viewQuery,
});

export const updateViewInput = z
  .object({ name: viewName.optional(), query: viewQuery.optional() })
  .refine((input) => input.name !== undefined || input.query !== undefined, "Send a new name, a new query, or both.");

type Actor = { userId: string; team: TeamSummary; headers?: Headers };

const include = { createdBy: { select: { name: true } } } as const;
type ViewRecord = Prisma.SavedViewGetPayload<{ include: typeof include }>;

const scopeOf = (view: { ownerId: string | null }): ViewScope => (view.ownerId ? "own" : "team");

function toRow(view: ViewRecord, team: TeamSummary): SavedViewRow {
  const scope = scopeOf(view);
  return {
    id: view.id,
    name: view.name,
    scope,
    query: view.query,
    createdBy: view.createdBy?.name ?? null,
    updatedAt: view.updatedAt.toISOString(),
    editable: scope === "own" || can(team.role, "views.team.write"),
  };
}

/** The views the caller sees: their own and the team's, by name whatever the letter case. */
export async function listViews(actor: Pick<Actor, "userId" | "team">): Promise<SavedViewRow[]> {
  const views = await db().savedView.findMany({ where: { teamId: actor.team.id, OR: [{ ownerId: actor.userId }, { ownerId: null }] }, include });
  return views.map((view) => toRow(view, actor.team)).sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }));
}

function assertTeamWriter(team: TeamSummary) {
  if (can(team.role, "views.team.write")) return;
  throw new AppError("forbidden", `Your role (${ROLE_LABELS[team.role]}) does not allow you to ${PERMISSION_LABELS["views.team.write"]}.`, {
    fields: { scope: "Only admins and owners save views for the team." },
  });
}

/** Runs a write that names a view; a name already taken in the view's scope (the partial unique indexes) is a 409. */
async function naming<T>(name: string, scope: ViewScope, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const owner = scope === "team" ? "The team already has" : "You already have";
    throw new AppError("conflict", `${owner} a view named "${name}". Choose another name, or replace that view.`, { fields: { name: "This name is taken." } });
  }
}

function audit(tx: Prisma.TransactionClient, actor: Actor, action: AuditAction, view: { id: string; name: string; query: string }, metadata: Record<string, unknown> = {}) {
  return recordAudit(
    { action, teamId: actor.team.id, actorId: actor.userId, target: { type: "view", id: view.id, label: view.name }, metadata: { query: view.query, ...metadata }, headers: actor.headers },
    tx,
  );
}

export async function createView(actor: Actor, input: z.infer<typeof createViewInput>): Promise<SavedViewRow> {
  if (input.scope === "team") assertTeamWriter(actor.team);
  const view = await naming(input.name, input.scope, () =>
    db().$transaction(async (tx) => {
      const created = await tx.savedView.create({
        data: { teamId: actor.team.id, ownerId: input.scope === "team" ? null : actor.userId, name: input.name, query: input.query, createdById: actor.userId },
        include,
      });
      if (input.scope === "team") await audit(tx, actor, "view.created", created);
      return created;
    }),
  );
  return toRow(view, actor.team);
}

/** A view the caller may change: their own, or a team view if they hold views.team.write. */
async function editableView(actor: Actor, viewId: string) {
  const view = await db().savedView.findFirst({ where: { id: viewId, teamId: actor.team.id, OR: [{ ownerId: actor.userId }, { ownerId: null }] } });
  if (!view) throw notFound("Saved view");
  if (scopeOf(view) === "team") assertTeamWriter(actor.team);
  return view;
}

/** Renames a view, or overwrites its query with the table's current one, or both. */
export async function updateView(actor: Actor, viewId: string, input: z.infer<typeof updateViewInput>): Promise<SavedViewRow> {
  const view = await editableView(actor, viewId);
  const name = input.name ?? view.name;
  const updated = await naming(name, scopeOf(view), () =>
    db().$transaction(async (tx) => {
      // Conditional, so a view deleted a moment ago is "not found" rather than a server error.
      const changed = await tx.savedView.updateMany({ where: { id: view.id }, data: { name, query: input.query ?? view.query } });
      if (changed.count !== 1) throw notFound("Saved view");
      const row = await tx.savedView.findUniqueOrThrow({ where: { id: view.id }, include });
      if (scopeOf(row) === "team") await audit(tx, actor, "view.updated", row, { previousName: view.name, previousQuery: view.query });
      return row;
    }),
  );
  return toRow(updated, actor.team);
}

export async function deleteView(actor: Actor, viewId: string): Promise<void> {
  const view = await editableView(actor, viewId);
  await db().$transaction(async (tx) => {
    const deleted = await tx.savedView.deleteMany({ where: { id: view.id } });
    if (deleted.count !== 1) throw notFound("Saved view");
    if (scopeOf(view) === "team") await audit(tx, actor, "view.deleted", view);
  });
}
