// Which listV2 pages cover a window of products. listV2 counts pages from 1 to 100 of 1–100 products each,
// so a window is served by one page when some page size up to 100 holds it whole, and otherwise by pages of
// 100 whose ends are cut off. Nothing past the 10 000th product can be reached.
import { MAX_PAGE, MAX_PAGE_SIZE } from "./metadata";

/** One listV2 call, and which of its products belong to the window. */
export type PageCall = { page: number; size: number; skip: number; take: number };

/** The calls covering products `from` (included) to `to` (excluded); `to` is at most 10 000. */
export function pagesFor(from: number, to: number): PageCall[] {
  const count = to - from;
  for (let size = count; size <= MAX_PAGE_SIZE; size++) {
    const index = Math.floor(from / size);
    if (index < MAX_PAGE && Math.floor((to - 1) / size) === index) return [{ page: index + 1, size, skip: from - index * size, take: count }];
  }
  const calls: PageCall[] = [];
  for (let page = Math.floor(from / MAX_PAGE_SIZE) + 1; (page - 1) * MAX_PAGE_SIZE < to; page++) {
    const first = (page - 1) * MAX_PAGE_SIZE;
    const skip = Math.max(0, from - first);
    calls.push({ page, size: MAX_PAGE_SIZE, skip, take: Math.min(to - first, MAX_PAGE_SIZE) - skip });
  }
  return calls;
}
