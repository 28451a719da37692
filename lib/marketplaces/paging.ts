// The portal asks for any window of a list (page 2 of 50); platforms page by a page number from 1 and a page size they
// cap (ICBU 30, AliExpress 99, 1688 20, Doudian 100), some also the page number (Doudian 100). These helpers fetch the platform pages that cover the window and cut it out,
// and join lists the platform can only serve one segment at a time (AliExpress: one status a call).

export type PageFetch<T> = (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>;

export type Window<T> = { items: T[]; total: number };

/** Platform pages of `pageSize` that hold items `start` to `start + count - 1`. */
const pagesSpanned = (start: number, count: number, pageSize: number) => Math.floor((start + count - 1) / pageSize) - Math.floor(start / pageSize) + 1;

/**
 * The page size (at most `maxPageSize`) that covers the window in the fewest calls, the largest of those on a tie:
 * items 50–99 on a platform of 30 a page take pages 3 and 4 of 25, not pages 2 to 4 of 30. A smaller size is taken
 * only where the window's last page under it is at most `maxPage`; pages of `maxPageSize` must reach the window.
 */
export function coveringPageSize(start: number, count: number, maxPageSize: number, maxPage = Infinity): number {
  let best = maxPageSize;
  for (let size = maxPageSize - 1; size >= 1; size--) {
    const lastPage = Math.floor((start + count - 1) / size) + 1;
    if (lastPage <= maxPage && pagesSpanned(start, count, size) < pagesSpanned(start, count, best)) best = size;
  }
  return best;
}

/**
 * Items `start` to `start + count` of one list, in pages of at most `maxPageSize` numbered at most `maxPage`; `count`
 * 0 asks only for the total.
 */
export async function fetchWindow<T>(fetchPage: PageFetch<T>, start: number, count: number, maxPageSize: number, maxPage?: number): Promise<Window<T>> {
  if (count <= 0) return { items: [], total: (await fetchPage(1, 1)).total };
  const pageSize = coveringPageSize(start, count, maxPageSize, maxPage);
  const first = Math.floor(start / pageSize) + 1;
  const last = Math.floor((start + count - 1) / pageSize) + 1;
  const items: T[] = [];
  let total = 0;
  for (let page = first; page <= last; page++) {
    const answer = await fetchPage(page, pageSize);
    items.push(...answer.items);
    total = answer.total;
    if (answer.items.length < pageSize || page * pageSize >= total) break;
  }
  const skip = start - (first - 1) * pageSize;
  return { items: items.slice(skip, skip + count), total };
}

/** A window over lists served one after the other, as if they were one; the total is theirs together. */
export async function fetchWindowAcross<T>(segments: readonly PageFetch<T>[], start: number, count: number, maxPageSize: number, maxPage?: number): Promise<Window<T>> {
  const items: T[] = [];
  let total = 0;
  let skip = start;
  for (const segment of segments) {
    const part = await fetchWindow(segment, skip, count - items.length, maxPageSize, maxPage);
    items.push(...part.items);
    total += part.total;
    skip = Math.max(0, skip - part.total);
  }
  return { items, total };
}
