// What the routes of one bulk job share: the job id from the path, and the caller as the engine's actor.
import { z } from "zod";
import type { Actor } from "@/lib/bulk";

export const jobParams = z.object({ team: z.string(), job: z.string().min(1, "Name a job.").max(40, "A job id has at most 40 characters.") });

export const actorOf = ({ user, team, req }: { user: { id: string }; team: { id: string }; req: Request }): Actor => ({ userId: user.id, teamId: team.id, headers: req.headers });
