// One page of a shop's products for the table: the planned connector query, and a page past the end brought back
// to the last one (a stale or hand-edited link), with the reason.
import type { QueryProblem } from "@/components/data-table/url-query";
import { formatCount } from "@/lib/format";
import type { ProductPage, ProductQuery } from "@/lib/marketplaces/types";
import type { Shop } from "./shop";

export type LoadedProductPage = { page: ProductPage; query: ProductQuery; problems: QueryProblem[] };

/**
 * `windowProblem` is the planner's word on a page beyond the platform's window (Doudian's 10,000 products), already
 * brought inside it. When the list turns out shorter than that page too, one problem says so, naming the page the
 * address asked for, instead of two that each name a different page.
 */
export async function loadProductPage(shop: Shop, query: ProductQuery, windowProblem?: QueryProblem): Promise<LoadedProductPage> {
  const page = await shop.connector.listProducts(query);
  const lastPage = Math.max(1, Math.ceil(page.total / query.pageSize));
  if (page.items.length || query.page <= lastPage) return { page, query, problems: windowProblem ? [windowProblem] : [] };
  const last = { ...query, page: lastPage };
  const problem = { param: "page", value: windowProblem?.value ?? String(query.page), message: `There are only ${formatCount(lastPage)} pages; showing the last one.` };
  return { page: await shop.connector.listProducts(last), query: last, problems: [problem] };
}
