// What a bulk job is asked to do, as the UI sends it: the products (chosen rows, or every product matching the
// table's filters) and the status they should have. Parsed here so that routes and the engine read one shape.
import { z } from "zod";
import { formatCount } from "@/lib/format";
import { DISPLAY_STATUSES, type ProductQuery, type StatusTarget } from "@/lib/marketplaces/types";

/** The most products one job takes: larger selections are refused with a request to narrow them. */
export const MAX_JOB_ITEMS = 100_000;

/** The products table's filters without its page: what "all matching" means. */
export type ProductFilter = Omit<ProductQuery, "page" | "pageSize">;

const productFilter = z.strictObject({
  search: z.string().trim().max(200).optional(),
  status: z.enum(DISPLAY_STATUSES).optional(),
  categoryId: z.string().trim().min(1).max(64).optional(),
  modifiedFrom: z.iso.datetime().optional(),
  modifiedTo: z.iso.datetime().optional(),
  sort: z.enum(["modified_desc", "modified_asc", "title_asc", "title_desc"]).optional(),
});

const productId = z.string().trim().min(1, "A product id cannot be empty.").max(64, "A product id has at most 64 characters.");

const productIds = z
  .array(productId)
  .min(1, "Select at least one product.")
  .max(MAX_JOB_ITEMS, `Select at most ${formatCount(MAX_JOB_ITEMS)} products in one job.`)
  .transform((ids) => [...new Set(ids)]);

// One object with both keys optional rather than a union, so that a wrong selection is told what is wrong with it
// (a union only knows that no branch matched).
export const selectionSchema = z
  .strictObject({ ids: productIds.optional(), allMatching: productFilter.optional() })
  .refine((selection) => (selection.ids === undefined) !== (selection.allMatching === undefined), "Send either the chosen ids or allMatching, not both or neither.")
  .transform((selection): { ids: string[] } | { allMatching: ProductFilter } => (selection.ids ? { ids: selection.ids } : { allMatching: selection.allMatching! }));

export type Selection = z.infer<typeof selectionSchema>;

export const targetSchema = z.enum(["online", "offline"], "Choose online or offline.") satisfies z.ZodType<StatusTarget>;

/** A job request: a selection and a target. */
export const jobRequestSchema = z.object({ selection: selectionSchema, target: targetSchema });

export type JobRequest = z.infer<typeof jobRequestSchema>;

export const opposite = (target: StatusTarget): StatusTarget => (target === "online" ? "offline" : "online");
