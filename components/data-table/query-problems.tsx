import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import type { QueryProblem } from "./url-query";

/** Says which hand-edited parts of the address a table ignored, with a link to the address without them. */
export function QueryProblems({
  problems,
  cleanHref,
  testId,
  title = "Some parts of the address cannot be used and are left out:",
}: {
  problems: QueryProblem[];
  cleanHref: string;
  testId: string;
  title?: string;
}) {
  if (!problems.length) return null;
  return (
    <Notice tone="warning" title={title} testId={`${testId}-query-notice`}>
      <ul className="list-disc space-y-0.5 pl-5">
        {problems.map((problem) => (
          <li key={problem.param} data-testid={`${testId}-query-problem-${problem.param}`}>
            <code className="font-mono">{problem.param}</code>
            {problem.value ? (
              <>
                {" "}
                = <code className="font-mono break-all">“{problem.value.length > 60 ? `${problem.value.slice(0, 59)}…` : problem.value}”</code>
              </>
            ) : null}
            : {problem.message}
          </li>
        ))}
      </ul>
      <Link href={cleanHref} className="mt-2 inline-block font-medium underline underline-offset-2">
        Remove them from the address
      </Link>
    </Notice>
  );
}
