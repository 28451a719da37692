import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseTableQuery } from "./url-query";

const schema = z.object({
  page: z.coerce.number().int().min(1, "Pages start at 1.").default(1),
  status: z.enum(["online", "offline"], "Unknown status.").optional(),
});

describe("parseTableQuery", () => {
  it("reads a clean query without problems", () => {
    expect(parseTableQuery(schema, "page=3&status=online&cols=title")).toEqual({ query: { page: 3, status: "online" }, problems: [], withoutProblems: "?page=3&status=online&cols=title" });
  });

  it("drops a value that does not parse, keeps the rest and says why", () => {
    const parsed = parseTableQuery(schema, "page=abc&status=online");
    expect(parsed.query).toEqual({ page: 1, status: "online" });
    expect(parsed.problems).toEqual([{ param: "page", value: "abc", message: "Use a whole number." }]);
    expect(parsed.withoutProblems).toBe("?status=online");
  });

  it("reports a parameter the table does not know instead of silently ignoring it", () => {
    const parsed = parseTableQuery(schema, "colour=red&status=paused&page=2");
    expect(parsed.query).toEqual({ page: 2 });
    expect(parsed.problems.map((problem) => problem.param).sort()).toEqual(["colour", "status"]);
    expect(parsed.problems.find((problem) => problem.param === "colour")?.message).toBe("This table has no such filter.");
    expect(parsed.withoutProblems).toBe("?page=2");
  });
});
