import { z } from "zod";
import { PERMISSION_LABELS, ROLE_LABELS, can } from "@/lib/auth/permissions";
import { created, route } from "@/lib/auth/route";
import { createJob, jobRequestSchema } from "@/lib/bulk";
import { AppError } from "@/lib/errors";

const params = z.object({ team: z.string(), account: z.string().min(1).max(40) });

/**
 * Starts the confirmed request as a job: planned afresh, stored, picked up by the engine. Starting one needs both
 * permissions: changing display status, and managing jobs (route() checks the first).
 */
export const POST = route({ access: "status.write", params, body: jobRequestSchema }, async ({ user, team, params, body, req }) => {
  if (!can(team.role, "jobs.manage")) {
    throw new AppError("forbidden", `Your role (${ROLE_LABELS[team.role]}) does not allow you to ${PERMISSION_LABELS["jobs.manage"]}.`);
  }
  return created(await createJob({ userId: user.id, teamId: team.id, headers: req.headers }, params.account, body));
});
