// A job's items for the UI: a page at a time, filtered by state, and every item as CSV rows for export.
import { z } from "zod";
import { db } from "@/lib/db";
import type { BulkItemState } from "@/lib/generated/prisma/enums";
import { findJob } from "./jobs";

export const ITEM_STATES = ["pending", "in_flight", "done", "failed", "skipped"] as const satisfies readonly BulkItemState[];

export const itemsQuery = z.object({
  page: z.coerce.number().int().min(1, "Pages start at 1.").max(100_000).default(1),
  pageSize: z.coerce.number().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)], "Choose 25, 50 or 100 rows.")).default(50),
  state: z.enum(ITEM_STATES, `Choose one of ${ITEM_STATES.join(", ")}.`).optional(),
});

export type ItemsQuery = z.infer<typeof itemsQuery>;

export type ItemRow = {
  productId: string;
  title: string;
  previousStatus: string;
  previousNative: string;
  target: string;
  state: BulkItemState;
  attempts: number;
  /** The platform's code and message for a refusal, or why the item was skipped. */
  code: string | null;
  message: string | null;
  updatedAt: string;
};

const select = { productId: true, title: true, previousStatus: true, previousNative: true, target: true, state: true, attempts: true, code: true, message: true, updatedAt: true } as const;

const toRow = (item: Omit<ItemRow, "updatedAt"> & { updatedAt: Date }): ItemRow => ({ ...item, updatedAt: item.updatedAt.toISOString() });

export async function itemsPage(teamId: string, jobId: string, query: ItemsQuery): Promise<{ rows: ItemRow[]; total: number }> {
  const job = await findJob(teamId, jobId);
  const where = { jobId: job.id, ...(query.state ? { state: query.state } : {}) };
  const [items, total] = await Promise.all([
    db().bulkJobItem.findMany({ where, select, orderBy: { seq: "asc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db().bulkJobItem.count({ where }),
  ]);
  return { rows: items.map(toRow), total };
}

const CSV_COLUMNS: (keyof ItemRow)[] = ["productId", "title", "previousStatus", "previousNative", "target", "state", "attempts", "code", "message", "updatedAt"];

/** One CSV field: quoted where needed, and a leading = + - @ defused so that a spreadsheet does not run it. */
export function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (values: (string | number | null)[]) => `${values.map(csvField).join(",")}\r\n`;

/** Rows read per query while exporting, so that a job of any size streams in bounded memory. */
const CSV_CHUNK = 1_000;

/** The job's items as CSV lines, header first; checks the team before yielding anything. */
export async function jobCsv(teamId: string, jobId: string): Promise<AsyncGenerator<string>> {
  const job = await findJob(teamId, jobId);
  return (async function* lines() {
    yield csvLine(CSV_COLUMNS);
    for (let after = -1; ; ) {
      const items = await db().bulkJobItem.findMany({ where: { jobId: job.id, seq: { gt: after } }, select: { ...select, seq: true }, orderBy: { seq: "asc" }, take: CSV_CHUNK });
      for (const item of items) {
        const row = toRow(item);
        yield csvLine(CSV_COLUMNS.map((column) => row[column]));
      }
      if (items.length < CSV_CHUNK) return;
      after = items.at(-1)!.seq;
    }
  })();
}
