import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["owner", "admin", "operator", "viewer"] as const satisfies readonly Role[];

/**
 * The permission matrix: every permission with the roles that hold it. The only place roles are interpreted;
 * routes, pages and buttons ask `can(role, permission)`.
 */
export const PERMISSIONS = {
  "team.read": ["owner", "admin", "operator", "viewer"],
  "team.manage": ["owner"],
  "members.read": ["owner", "admin", "operator", "viewer"],
  "members.manage": ["owner", "admin"],
  "accounts.read": ["owner", "admin", "operator", "viewer"],
  "accounts.link": ["owner", "admin"],
  "products.read": ["owner", "admin", "operator", "viewer"],
  "status.write": ["owner", "admin", "operator"],
  "jobs.read": ["owner", "admin", "operator", "viewer"],
  "jobs.manage": ["owner", "admin", "operator"],
  "views.team.write": ["owner", "admin"],
  "audit.read": ["owner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  operator: "Operator",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including managing owners and the team itself.",
  admin: "Manages members, invites and linked accounts; reads the audit log.",
  operator: "Browses shops and runs bulk status changes.",
  viewer: "Browses shops and jobs; changes nothing.",
};

/** Which roles `actor` may hand out or take away: only owners touch the owner role. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === "owner") return [...ROLES];
  if (can(actor, "members.manage")) return ROLES.filter((role) => role !== "owner");
  return [];
}

/** Completes "Your role does not allow you to …" in refusals. */
export const PERMISSION_LABELS: Record<Permission, string> = {
  "team.read": "see this team",
  "team.manage": "manage the team",
  "members.read": "see the members",
  "members.manage": "manage members and invites",
  "accounts.read": "see linked accounts",
  "accounts.link": "link and unlink marketplace accounts",
  "products.read": "browse products",
  "status.write": "change display status",
  "jobs.read": "see bulk jobs",
  "jobs.manage": "start, cancel, retry or undo bulk jobs",
  "views.team.write": "save views for the whole team",
  "audit.read": "read the audit log",
};
