import { z } from "zod";
import { route } from "@/lib/auth/route";
import { jobRequestSchema, planJob } from "@/lib/bulk";

const params = z.object({ team: z.string(), account: z.string().min(1).max(40) });

/** The dry run: what a job of this request would change, and why some products cannot; changes nothing. */
export const POST = route({ access: "status.write", params, body: jobRequestSchema }, async ({ team, params, body }) => ({
  plan: await planJob(team.id, params.account, body),
}));
