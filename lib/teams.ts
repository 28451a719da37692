import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "./audit";
import { db, isUniqueViolation } from "./db";
import type { Role } from "./generated/prisma/enums";

export const createTeamInput = z.object({
  name: z.string().trim().min(2, "Use at least 2 characters.").max(60, "Use at most 60 characters."),
});

export type TeamSummary = { id: string; slug: string; name: string; role: Role };

function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "team";
}

export async function createTeam(userId: string, input: z.infer<typeof createTeamInput>, headers?: Headers): Promise<TeamSummary> {
  const base = slugify(input.name);
  const taken = await db().team.findUnique({ where: { slug: base }, select: { id: true } });
  // A short random suffix keeps slugs readable and unique; a race for the plain slug retries with a suffix.
  try {
    return await insertTeam(userId, input.name, taken ? suffixed(base) : base, headers);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return insertTeam(userId, input.name, suffixed(base), headers);
  }
}

const suffixed = (base: string) => `${base}-${randomBytes(3).toString("hex")}`;

async function insertTeam(userId: string, name: string, slug: string, headers?: Headers): Promise<TeamSummary> {
  const input = { name };
  return db().$transaction(async (tx) => {
    const team = await tx.team.create({
      data: { name: input.name, slug, memberships: { create: { userId, role: "owner" } } },
    });
    await recordAudit({ action: "team.created", teamId: team.id, actorId: userId, target: { type: "team", id: team.id, label: team.name }, headers }, tx);
    return { id: team.id, slug: team.slug, name: team.name, role: "owner" as const };
  });
}

export async function listTeams(userId: string): Promise<TeamSummary[]> {
  const memberships = await db().membership.findMany({
    where: { userId },
    include: { team: true },
    orderBy: { team: { name: "asc" } },
  });
  return memberships.map(({ team, role }) => ({ id: team.id, slug: team.slug, name: team.name, role }));
}

/** The caller's membership of the team with this slug, or null: a team one is not in does not exist for one. */
export async function findMembership(userId: string, slug: string): Promise<TeamSummary | null> {
  const membership = await db().membership.findFirst({ where: { userId, team: { slug } }, include: { team: true } });
  if (!membership) return null;
  const { team, role } = membership;
  return { id: team.id, slug: team.slug, name: team.name, role };
}
