import { route } from "@/lib/auth/route";
import { cancelJob, getJob } from "@/lib/bulk";
import { actorOf, jobParams } from "../job-route";

/** Stops the job: nothing more is sent; the answer is the job as it stands now. */
export const POST = route({ access: "jobs.manage", params: jobParams }, async (context) => {
  await cancelJob(actorOf(context), context.params.job);
  return { job: await getJob(context.team.id, context.params.job) };
});
