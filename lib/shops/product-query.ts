// The products table's state as the URL carries it, and what of it the shop's platform can serve. A parameter
// the platform cannot honour (a filter its list lacks, an order it cannot sort in, a page beyond the deepest it
// serves) is reported and left out, so a shared or hand-edited link still shows a usable page.
import { z } from "zod";
import type { QueryProblem } from "@/components/data-table/url-query";
import { formatCount } from "@/lib/format";
import { DISPLAY_STATUSES, type PlatformMetadata, type ProductQuery, type ProductSort } from "@/lib/marketplaces/types";

export const PRODUCT_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PRODUCT_PAGE_SIZE = 25;

/** `sort=` values: a column and a direction, as the data table writes them. */
const SORT_PARAMS: Record<string, ProductSort> = {
  "modified.desc": "modified_desc",
  "modified.asc": "modified_asc",
  "title.asc": "title_asc",
  "title.desc": "title_desc",
};

const isoDate = z.iso.date("Use a date like 2026-01-31.");

export const productUrlQuery = z.object({
  page: z.coerce.number().int().min(1, "Pages start at 1.").max(100_000, "Pages stop at 100,000.").default(1),
  pageSize: z.coerce
    .number()
    .pipe(z.union(PRODUCT_PAGE_SIZES.map((size) => z.literal(size)), `Choose ${PRODUCT_PAGE_SIZES.join(", ")} rows.`))
    .default(DEFAULT_PRODUCT_PAGE_SIZE),
  q: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
  status: z.enum(DISPLAY_STATUSES, `Choose one of ${DISPLAY_STATUSES.join(", ")}.`).optional(),
  category: z
    .string()
    .trim()
    .regex(/^[\w.:-]{1,64}$/, "Use a category id from the category tree.")
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(Object.keys(SORT_PARAMS), "Sort by title or modified, .asc or .desc.").optional(),
});

export type ProductUrlQuery = z.infer<typeof productUrlQuery>;

/** Columns the table may sort by on this platform: those whose list sorts them both ways. */
export function sortableColumns(sorts: readonly ProductSort[]): string[] {
  return ["title", "modified"].filter((column) => sorts.includes(SORT_PARAMS[`${column}.asc`]!) && sorts.includes(SORT_PARAMS[`${column}.desc`]!));
}

const DAY_MS = 24 * 3600 * 1000;

/** The connector query for a URL query on this platform, and what of the URL it had to leave out. */
export function planProductQuery(url: ProductUrlQuery, metadata: PlatformMetadata): { query: ProductQuery; problems: QueryProblem[] } {
  const { products } = metadata.capabilities;
  const problems: QueryProblem[] = [];
  const cannot = (param: string, value: string, what: string) => problems.push({ param, value, message: `${metadata.name} cannot ${what}; the filter is left out.` });

  const query: ProductQuery = { page: url.page, pageSize: url.pageSize, search: url.q || undefined };
  if (url.status) {
    if (products.statusFilter) query.status = url.status;
    else cannot("status", url.status, "filter its product list by display status");
  }
  if (url.category) {
    if (products.categoryFilter) query.categoryId = url.category;
    else cannot("category", url.category, "filter its product list by category");
  }
  if (url.from || url.to) {
    if (!products.modifiedFilter) {
      if (url.from) cannot("from", url.from, "filter its product list by modification date");
      if (url.to) cannot("to", url.to, "filter its product list by modification date");
    } else if (url.from && url.to && url.to < url.from) {
      problems.push({ param: "to", value: url.to, message: `The end date is before the start date (${url.from}); it is left out.` });
      query.modifiedFrom = `${url.from}T00:00:00.000Z`;
    } else {
      if (url.from) query.modifiedFrom = `${url.from}T00:00:00.000Z`;
      // The whole end day counts.
      if (url.to) query.modifiedTo = new Date(Date.parse(`${url.to}T00:00:00.000Z`) + DAY_MS - 1).toISOString();
    }
  }
  if (url.sort) {
    const sort = SORT_PARAMS[url.sort]!;
    if (products.sorts.includes(sort)) query.sort = sort;
    else problems.push({ param: "sort", value: url.sort, message: `${metadata.name} cannot list products in this order; its own order is used.` });
  }
  if (products.maxWindow && query.page * query.pageSize > products.maxWindow) {
    const deepest = Math.max(1, Math.floor(products.maxWindow / query.pageSize));
    problems.push({
      param: "page",
      value: String(url.page),
      message: `${metadata.name} lists only the first ${formatCount(products.maxWindow)} products of a search; showing page ${deepest}. Narrow the filters to reach the rest.`,
    });
    query.page = deepest;
  }
  return { query, problems };
}
