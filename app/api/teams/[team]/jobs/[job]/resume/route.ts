import { route } from "@/lib/auth/route";
import { getJob, resumeJob } from "@/lib/bulk";
import { actorOf, jobParams } from "../job-route";

/** Sets a paused job going again now; a job that is not paused is a conflict. */
export const POST = route({ access: "jobs.manage", params: jobParams }, async (context) => {
  await resumeJob(actorOf(context), context.params.job);
  return { job: await getJob(context.team.id, context.params.job) };
});
