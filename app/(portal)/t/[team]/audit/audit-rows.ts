import { AUDIT_ACTION_LABELS, type AuditRow } from "@/lib/audit";
import { ROLE_LABELS } from "@/lib/auth/permissions";

/** One audit event as the table shows it; text is prepared on the server so server and browser render the same. */
export type AuditTableRow = {
  id: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** The time in the reader's locale, in UTC. */
  timeLabel: string;
  actor: string | null;
  action: string;
  actionLabel: string;
  target: string | null;
  details: string | null;
  /** The raw metadata, for the tooltip. */
  detailsTitle: string | null;
  ip: string | null;
  userAgent: string | null;
};

const FALLBACK_LOCALE = "en-US";

/** The first locale of an Accept-Language header that Intl supports, else en-US. */
export function pickLocale(acceptLanguage: string | null | undefined): string {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim();
    if (!tag || tag === "*") continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // Not a valid language tag: try the next one.
    }
  }
  return FALLBACK_LOCALE;
}

function roleLabel(value: unknown): string | null {
  return typeof value === "string" && value in ROLE_LABELS ? ROLE_LABELS[value as keyof typeof ROLE_LABELS] : null;
}

function text(value: unknown, max = 80): string {
  const raw = typeof value === "string" ? value : value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value);
  return raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
}

/** A short, readable line for an event's metadata: "Role: Admin → Viewer", "Role: Operator · expires 5 Feb 2026". */
export function summarizeMetadata(metadata: unknown, locale: string): string | null {
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) return metadata === null || metadata === undefined ? null : text(metadata);
  const entries = { ...(metadata as Record<string, unknown>) };
  const parts: string[] = [];

  if ("from" in entries && "to" in entries) {
    const from = roleLabel(entries.from);
    const to = roleLabel(entries.to);
    parts.push(from && to ? `Role: ${from} → ${to}` : `${text(entries.from)} → ${text(entries.to)}`);
    delete entries.from;
    delete entries.to;
  }
  if ("role" in entries) {
    parts.push(`Role: ${roleLabel(entries.role) ?? text(entries.role)}`);
    delete entries.role;
  }
  if (typeof entries.expiresAt === "string" && !Number.isNaN(Date.parse(entries.expiresAt))) {
    parts.push(`expires ${new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(entries.expiresAt))}`);
    delete entries.expiresAt;
  }
  if ("code" in entries && "message" in entries) {
    parts.push(`${text(entries.code, 40)}: ${text(entries.message)}`);
    delete entries.code;
    delete entries.message;
  }
  for (const [key, value] of Object.entries(entries)) parts.push(`${key}: ${text(value)}`);
  return parts.length ? parts.join(" · ") : null;
}

export function toAuditTableRows(rows: AuditRow[], locale: string): AuditTableRow[] {
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    timeLabel: `${time.format(new Date(row.createdAt))} UTC`,
    actor: row.actor,
    action: row.action,
    actionLabel: AUDIT_ACTION_LABELS[row.action] ?? row.action,
    target: row.target,
    details: summarizeMetadata(row.metadata, locale),
    detailsTitle: row.metadata === null || row.metadata === undefined ? null : JSON.stringify(row.metadata, null, 2),
    ip: row.ip,
    userAgent: row.userAgent,
  }));
}
