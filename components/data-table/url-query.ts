import type { z } from "zod";
import { firstValues, patchSearch, type SearchParamsInput } from "./search-params";

export type QueryProblem = { param: string; value: string; message: string };

export type ParsedTableQuery<T> = { query: T; problems: QueryProblem[]; withoutProblems: string };

/**
 * Reads a table's query from the URL with its zod schema. A hand-edited parameter that does not parse is dropped
 * (the rest still apply) and reported, so the page can say what it ignored and still show data, instead of failing.
 */
export function parseTableQuery<T>(schema: z.ZodType<T>, input: SearchParamsInput): ParsedTableQuery<T> {
  const raw = firstValues(input);
  const first = schema.safeParse(raw);
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
  const second = schema.safeParse(cleaned);
  return {
    query: second.success ? second.data : schema.parse({}),
    problems,
    withoutProblems: patchSearch(input, Object.fromEntries(problems.map((problem) => [problem.param, null]))),
  };
}
