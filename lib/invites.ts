import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "./audit";
import { assignableRoles, ROLE_LABELS, ROLES } from "./auth/permissions";
import { db } from "./db";
import { env } from "./env";
import { AppError, notFound } from "./errors";
import type { Role } from "./generated/prisma/enums";
import type { TeamSummary } from "./teams";

export const createInviteInput = z.object({
  role: z.enum(ROLES, "Choose one of: owner, admin, operator, viewer."),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address, or leave it empty."))
    .optional()
    .or(z.literal("").transform(() => undefined)),
  expiresInDays: z.coerce.number().int().min(1, "At least 1 day.").max(30, "At most 30 days.").default(7),
});

export const acceptInviteInput = z.object({ token: z.string().min(20, "This invite link is incomplete.").max(100) });

export type InviteRow = {
  id: string;
  role: Role;
  email: string | null;
  expiresAt: Date;
  createdAt: Date;
  createdBy: string;
  status: "pending" | "accepted" | "expired" | "revoked";
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const inviteUrl = (token: string) => new URL(`/invite/${token}`, env().APP_URL).toString();

type Actor = { userId: string; team: TeamSummary; headers?: Headers };

/** Creates an invite and returns its link: the only time the token exists outside the invitee's hands. */
export async function createInvite(actor: Actor, input: z.infer<typeof createInviteInput>): Promise<{ invite: InviteRow; url: string }> {
  if (!assignableRoles(actor.team.role).includes(input.role)) {
    throw new AppError("forbidden", `As ${ROLE_LABELS[actor.team.role].toLowerCase()} you cannot invite ${ROLE_LABELS[input.role].toLowerCase()}s.`, {
      fields: { role: "You cannot give this role." },
    });
  }
  const token = randomBytes(32).toString("base64url");
  const invite = await db().$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: {
        teamId: actor.team.id,
        tokenHash: hashToken(token),
        role: input.role,
        email: input.email ?? null,
        expiresAt: new Date(Date.now() + input.expiresInDays * 24 * 3600 * 1000),
        createdById: actor.userId,
      },
      include: { createdBy: { select: { name: true } } },
    });
    await recordAudit(
      {
        action: "invite.created",
        teamId: actor.team.id,
        actorId: actor.userId,
        target: { type: "invite", id: created.id, label: input.email ?? "link" },
        metadata: { role: input.role, expiresAt: created.expiresAt.toISOString() },
        headers: actor.headers,
      },
      tx,
    );
    return created;
  });
  return { invite: toRow(invite), url: inviteUrl(token) };
}

function status(invite: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InviteRow["status"] {
  if (invite.acceptedAt) return "accepted";
  if (invite.revokedAt) return "revoked";
  return invite.expiresAt <= new Date() ? "expired" : "pending";
}

function toRow(invite: {
  id: string;
  role: Role;
  email: string | null;
  expiresAt: Date;
  createdAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string };
}): InviteRow {
  return { id: invite.id, role: invite.role, email: invite.email, expiresAt: invite.expiresAt, createdAt: invite.createdAt, createdBy: invite.createdBy.name, status: status(invite) };
}

export async function listInvites(teamId: string): Promise<InviteRow[]> {
  const invites = await db().invite.findMany({
    where: { teamId },
    include: { createdBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return invites.map(toRow);
}

export async function revokeInvite(actor: Actor, inviteId: string): Promise<void> {
  const invite = await db().invite.findFirst({ where: { id: inviteId, teamId: actor.team.id } });
  if (!invite) throw notFound("Invite");
  if (status(invite) !== "pending") throw new AppError("conflict", `This invite is already ${status(invite)}.`);
  await db().$transaction(async (tx) => {
    // Conditional, so an invite accepted a moment ago is not also marked revoked.
    const revoked = await tx.invite.updateMany({ where: { id: invite.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count !== 1) throw new AppError("conflict", "This invite was used or revoked a moment ago.");
    await recordAudit(
      { action: "invite.revoked", teamId: actor.team.id, actorId: actor.userId, target: { type: "invite", id: invite.id, label: invite.email ?? "link" }, headers: actor.headers },
      tx,
    );
  });
}

/** What the invite page shows before the user accepts. Throws the same precise errors as acceptance. */
export async function previewInvite(token: string): Promise<{ teamName: string; role: Role; email: string | null; expiresAt: Date }> {
  const invite = await db().invite.findUnique({ where: { tokenHash: hashToken(token) }, include: { team: true } });
  assertUsable(invite);
  return { teamName: invite.team.name, role: invite.role, email: invite.email, expiresAt: invite.expiresAt };
}

function assertUsable<T extends { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }>(invite: T | null): asserts invite is T {
  if (!invite) throw new AppError("not_found", "This invite link is not valid. Ask for a new one.");
  const state = status(invite);
  if (state === "accepted") throw new AppError("gone", "This invite has already been used. Ask for a new one.");
  if (state === "revoked") throw new AppError("gone", "This invite was revoked. Ask for a new one.");
  if (state === "expired") throw new AppError("gone", `This invite expired on ${invite.expiresAt.toUTCString()}. Ask for a new one.`);
}

export async function acceptInvite(user: { id: string; email: string }, token: string, headers?: Headers): Promise<{ slug: string }> {
  return db().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(token) }, include: { team: true } });
    assertUsable(invite);
    if (invite.email && invite.email !== user.email) {
      throw new AppError("forbidden", `This invite is for ${invite.email}. Sign in with that email to accept it.`);
    }
    const existing = await tx.membership.findUnique({ where: { teamId_userId: { teamId: invite.teamId, userId: user.id } } });
    if (existing) throw new AppError("conflict", `You are already a member of ${invite.team.name}.`);
    // The conditional update is what makes the invite single-use, even when two people accept at once.
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date(), acceptedById: user.id },
    });
    if (claimed.count !== 1) throw new AppError("gone", "This invite has already been used. Ask for a new one.");
    await tx.membership.create({ data: { teamId: invite.teamId, userId: user.id, role: invite.role } });
    await recordAudit(
      { action: "invite.accepted", teamId: invite.teamId, actorId: user.id, target: { type: "invite", id: invite.id, label: user.email }, metadata: { role: invite.role }, headers },
      tx,
    );
    return { slug: invite.team.slug };
  });
}
