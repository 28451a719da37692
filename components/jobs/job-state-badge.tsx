import { Badge } from "@/components/ui/badge";
import type { JobView } from "@/lib/bulk";
import { jobStateWords, STATE_TONES } from "./job-words";

export function JobStateBadge({ job, testId }: { job: Pick<JobView, "state" | "finishedAt">; testId?: string }) {
  return (
    <span data-testid={testId} data-state={job.state}>
      <Badge tone={STATE_TONES[job.state]}>{jobStateWords(job)}</Badge>
    </span>
  );
}
