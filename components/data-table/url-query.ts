import { z } from "zod";
import { firstValues, patchSearch, TABLE_PARAMS, type SearchParamsInput } from "./search-params";

export type QueryProblem = { param: string; value: string; message: string };

export type ParsedTableQuery<T> = { query: T; problems: QueryProblem[]; withoutProblems: string };

/**
 * Reads a table's query from the URL with its zod schema. A hand-edited parameter that does not parse is dropped
 * (the rest still apply) and reported, so the page can say what it ignored and still show data, instead of failing.
 */
export function parseTableQuery<T>(schema: z.ZodType<T>, input: SearchParamsInput): ParsedTableQuery<T> {
  const raw = firstValues(input);
  const problems = unknownParams(schema, raw);
  const known = withoutParams(raw, problems);
  const first = schema.safeParse(known);
  if (first.success) return { query: first.data, problems, withoutProblems: patchSearch(input, removal(problems)) };

  for (const issue of first.error.issues) {
    const param = String(issue.path[0] ?? "");
    if (problems.some((problem) => problem.param === param)) continue;
    // z.coerce.number() reports "expected number, received NaN" for words; say what to type instead.
    const message = issue.code === "invalid_type" && issue.expected === "number" ? "Use a whole number." : issue.message;
    problems.push({ param, value: raw[param] ?? "", message });
  }
  const second = schema.safeParse(withoutParams(raw, problems));
  return {
    query: second.success ? second.data : schema.parse({}),
    problems,
    withoutProblems: patchSearch(input, removal(problems)),
  };
}

/** Parameters an object schema does not know (the table's own `cols` aside): a mistyped or stale filter. */
function unknownParams(schema: z.ZodType, raw: Record<string, string>): QueryProblem[] {
  if (!(schema instanceof z.ZodObject)) return [];
  const known = new Set<string>([...Object.keys(schema.shape), ...Object.values(TABLE_PARAMS)]);
  return Object.entries(raw)
    .filter(([param]) => !known.has(param))
    .map(([param, value]) => ({ param, value, message: "This table has no such filter." }));
}

const withoutParams = (raw: Record<string, string>, problems: readonly QueryProblem[]) =>
  Object.fromEntries(Object.entries(raw).filter(([key]) => !problems.some((problem) => problem.param === key)));

const removal = (problems: readonly QueryProblem[]) => Object.fromEntries(problems.map((problem) => [problem.param, null]));
