import { firstValues, patchSearch, type SearchParamsInput } from "@/components/data-table/search-params";
import { auditQuery, type AuditQuery } from "@/lib/audit";

export type QueryProblem = { param: string; value: string; message: string };

/**
 * Reads the audit table's query from the URL. A hand-edited parameter that does not parse is dropped (the rest still
 * apply) and reported, so the page can say what it ignored instead of failing.
 */
export function parseAuditSearchParams(input: SearchParamsInput): { query: AuditQuery; problems: QueryProblem[]; withoutProblems: string } {
  const raw = firstValues(input);
  const first = auditQuery.safeParse(raw);
  if (first.success) return { query: first.data, problems: [], withoutProblems: patchSearch(input, {}) };

  const problems: QueryProblem[] = [];
  for (const issue of first.error.issues) {
    const param = String(issue.path[0] ?? "");
    if (problems.some((problem) => problem.param === param)) continue;
    // z.coerce.number() reports "expected number, received NaN" for words; say what to type instead.
    const message = issue.code === "invalid_type" && issue.expected === "number" ? "Use a whole number." : issue.message;
    problems.push({ param, value: raw[param] ?? "", message });
  }
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([key]) => !problems.some((problem) => problem.param === key)));
  const second = auditQuery.safeParse(cleaned);
  return {
    query: second.success ? second.data : auditQuery.parse({}),
    problems,
    withoutProblems: patchSearch(input, Object.fromEntries(problems.map((problem) => [problem.param, null]))),
  };
}
