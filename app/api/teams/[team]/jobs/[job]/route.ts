import { route } from "@/lib/auth/route";
import { getJob } from "@/lib/bulk";
import { jobParams } from "./job-route";

/** The job's state and counts: the job page polls this while the job runs. */
export const GET = route({ access: "jobs.read", params: jobParams }, async ({ team, params }) => ({ job: await getJob(team.id, params.job) }));
