import { route } from "@/lib/auth/route";
import { jobCsv } from "@/lib/bulk";
import { jobParams } from "../job-route";

/** Every item's result as CSV, streamed: a job of 100,000 items never sits in memory whole. */
export const GET = route({ access: "jobs.read", params: jobParams }, async ({ team, params }) => {
  const lines = await jobCsv(team.id, params.job);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="bulk-job-${params.job}.csv"`,
      "cache-control": "no-store",
    },
  });
});
