import { z } from "zod";
import { recordAudit } from "./audit";
import { assignableRoles, ROLE_LABELS, ROLES } from "./auth/permissions";
import { db } from "./db";
import { AppError, notFound } from "./errors";
import type { Prisma } from "./generated/prisma/client";
import type { Role } from "./generated/prisma/enums";
import type { TeamSummary } from "./teams";

export const roleInput = z.object({ role: z.enum(ROLES, "Choose one of: owner, admin, operator, viewer.") });

export type MemberRow = { id: string; userId: string; name: string; email: string; role: Role; joinedAt: Date };

export async function listMembers(teamId: string): Promise<MemberRow[]> {
  const rows = await db().membership.findMany({
    where: { teamId },
    include: { user: { select: { name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map((row) => ({ id: row.id, userId: row.userId, name: row.user.name, email: row.user.email, role: row.role, joinedAt: row.createdAt }));
}

type Actor = { userId: string; team: TeamSummary; headers?: Headers };

// Serializes membership changes per team, so two owners demoting each other at once cannot leave it ownerless.
async function lockTeam(tx: Prisma.TransactionClient, teamId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Team" WHERE id = ${teamId} FOR UPDATE`;
}

async function loadMember(tx: Prisma.TransactionClient, teamId: string, membershipId: string) {
  const member = await tx.membership.findFirst({ where: { id: membershipId, teamId }, include: { user: { select: { name: true, email: true } } } });
  if (!member) throw notFound("Member");
  return member;
}

async function assertNotLastOwner(tx: Prisma.TransactionClient, teamId: string, role: Role, message: string) {
  if (role !== "owner") return;
  const owners = await tx.membership.count({ where: { teamId, role: "owner" } });
  if (owners <= 1) throw new AppError("conflict", message);
}

function assertCanManage(actor: Actor, role: Role) {
  if (!assignableRoles(actor.team.role).includes(role)) {
    throw new AppError("forbidden", `As ${ROLE_LABELS[actor.team.role].toLowerCase()} you cannot change members who are or become ${ROLE_LABELS[role].toLowerCase()}s.`);
  }
}

export async function changeRole(actor: Actor, membershipId: string, role: Role): Promise<MemberRow> {
  return db().$transaction(async (tx) => {
    await lockTeam(tx, actor.team.id);
    const member = await loadMember(tx, actor.team.id, membershipId);
    assertCanManage(actor, member.role);
    assertCanManage(actor, role);
    if (member.role !== role) {
      await assertNotLastOwner(tx, actor.team.id, member.role, "The last owner cannot be demoted. Make another member an owner first.");
    }
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role } });
    await recordAudit(
      {
        action: "member.role_changed",
        teamId: actor.team.id,
        actorId: actor.userId,
        target: { type: "user", id: member.userId, label: member.user.email },
        metadata: { from: member.role, to: role },
        headers: actor.headers,
      },
      tx,
    );
    return { id: updated.id, userId: member.userId, name: member.user.name, email: member.user.email, role: updated.role, joinedAt: updated.createdAt };
  });
}

export async function removeMember(actor: Actor, membershipId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    await lockTeam(tx, actor.team.id);
    const member = await loadMember(tx, actor.team.id, membershipId);
    if (member.userId === actor.userId) throw new AppError("bad_request", "To remove yourself, leave the team instead.");
    assertCanManage(actor, member.role);
    await assertNotLastOwner(tx, actor.team.id, member.role, "The last owner cannot be removed.");
    await tx.membership.delete({ where: { id: member.id } });
    await recordAudit(
      { action: "member.removed", teamId: actor.team.id, actorId: actor.userId, target: { type: "user", id: member.userId, label: member.user.email }, headers: actor.headers },
      tx,
    );
  });
}

export async function leaveTeam(actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    await lockTeam(tx, actor.team.id);
    const member = await tx.membership.findUnique({ where: { teamId_userId: { teamId: actor.team.id, userId: actor.userId } } });
    if (!member) throw notFound("Team");
    await assertNotLastOwner(tx, actor.team.id, member.role, "You are the last owner. Make another member an owner before you leave.");
    await tx.membership.delete({ where: { id: member.id } });
    await recordAudit({ action: "member.left", teamId: actor.team.id, actorId: actor.userId, target: { type: "user", id: actor.userId }, headers: actor.headers }, tx);
  });
}
