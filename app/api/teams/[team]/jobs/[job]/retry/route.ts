import { created, route } from "@/lib/auth/route";
import { retryJob } from "@/lib/bulk";
import { actorOf, jobParams } from "../job-route";

/** A new job over the finished job's failed products; answers its id and plan. */
export const POST = route({ access: "jobs.manage", params: jobParams }, async (context) => created(await retryJob(actorOf(context), context.params.job)));
