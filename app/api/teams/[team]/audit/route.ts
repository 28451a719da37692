import { route } from "@/lib/auth/route";
import { auditQuery, listAuditEvents } from "@/lib/audit";

export const GET = route({ access: "audit.read", query: auditQuery }, async ({ team, query }) => listAuditEvents(team.id, query));
