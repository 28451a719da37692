import { created, route } from "@/lib/auth/route";
import { undoJob } from "@/lib/bulk";
import { actorOf, jobParams } from "../job-route";

/** A new job bringing what the finished job changed back; answers its id, plan and how many could not go back. */
export const POST = route({ access: "jobs.manage", params: jobParams }, async (context) => created(await undoJob(actorOf(context), context.params.job)));
