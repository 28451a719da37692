import { z } from "zod";
import { db } from "./db";
import type { Prisma } from "./generated/prisma/client";
import { requestInfo } from "./request-info";

export const AUDIT_ACTIONS = [
  "user.signed_up",
  "user.signed_in",
  "user.sign_in_failed",
  "team.created",
  "invite.created",
  "invite.revoked",
  "invite.accepted",
  "member.role_changed",
  "member.removed",
  "member.left",
  "account.linked",
  "account.unlinked",
  "account.refresh_failed",
  "view.created",
  "view.updated",
  "view.deleted",
  "job.started",
  "job.cancelled",
  "job.retried",
  "job.undone",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "user.signed_up": "Signed up",
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Failed sign-in",
  "team.created": "Created the team",
  "invite.created": "Created an invite",
  "invite.revoked": "Revoked an invite",
  "invite.accepted": "Joined through an invite",
  "member.role_changed": "Changed a role",
  "member.removed": "Removed a member",
  "member.left": "Left the team",
  "account.linked": "Linked a shop",
  "account.unlinked": "Unlinked a shop",
  "account.refresh_failed": "Shop authorization lost",
  "view.created": "Saved a team view",
  "view.updated": "Changed a team view",
  "view.deleted": "Deleted a team view",
  "job.started": "Started a bulk status change",
  "job.cancelled": "Cancelled a bulk status change",
  "job.retried": "Retried a bulk change's failures",
  "job.undone": "Undid a bulk status change",
};

const auditInput = z.object({
  action: z.enum(AUDIT_ACTIONS),
  teamId: z.string().nullish(),
  actorId: z.string().nullish(),
  target: z.object({ type: z.string(), id: z.string(), label: z.string().optional() }).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export type AuditInput = z.input<typeof auditInput> & { headers?: Headers };

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

/** Records one audit event; pass the transaction client so the event commits with the change it describes. */
export async function recordAudit({ headers, ...input }: AuditInput, client: Writer = db()): Promise<void> {
  const event = auditInput.parse(input);
  const { ip, userAgent } = headers ? requestInfo(headers) : { ip: null, userAgent: null };
  await client.auditEvent.create({
    data: {
      action: event.action,
      teamId: event.teamId ?? null,
      actorId: event.actorId ?? null,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      targetLabel: event.target?.label ?? null,
      metadata: (event.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
      ip,
      userAgent,
    },
  });
}

const isoDate = z.iso.date("Use a date like 2026-01-31.");

/** The audit table's query, from a URL: page, size, filters and sort. Unknown values get a precise message. */
export const auditQuery = z.object({
  page: z.coerce.number().int().min(1, "Pages start at 1.").max(100_000).default(1),
  pageSize: z.coerce.number().pipe(z.union([z.literal(10), z.literal(25), z.literal(50), z.literal(100)], "Choose 10, 25, 50 or 100 rows.")).default(25),
  action: z.enum(AUDIT_ACTIONS, "Unknown action filter.").optional(),
  actor: z.string().trim().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(["newest", "oldest"], "Sort by newest or oldest.").default("newest"),
});

export type AuditQuery = z.infer<typeof auditQuery>;

export type AuditRow = {
  id: string;
  action: AuditAction;
  actor: string | null;
  target: string | null;
  metadata: unknown;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
};

export async function listAuditEvents(teamId: string, query: AuditQuery): Promise<{ rows: AuditRow[]; total: number }> {
  const where: Prisma.AuditEventWhereInput = {
    teamId,
    ...(query.action ? { action: query.action } : {}),
    ...(query.actor
      ? { actor: { OR: [{ email: { contains: query.actor, mode: "insensitive" } }, { name: { contains: query.actor, mode: "insensitive" } }] } }
      : {}),
    ...(query.from || query.to
      ? {
          createdAt: {
            ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
            ...(query.to ? { lt: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 24 * 3600 * 1000) } : {}),
          },
        }
      : {}),
  };
  const [events, total] = await Promise.all([
    db().auditEvent.findMany({
      where,
      include: { actor: { select: { email: true } } },
      orderBy: [{ createdAt: query.sort === "newest" ? "desc" : "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db().auditEvent.count({ where }),
  ]);
  return {
    total,
    rows: events.map((event) => ({
      id: event.id,
      action: event.action as AuditAction,
      actor: event.actor?.email ?? null,
      target: event.targetLabel ?? event.targetId,
      metadata: event.metadata,
      ip: event.ip,
      userAgent: event.userAgent,
      createdAt: event.createdAt.toISOString(),
    })),
  };
}
