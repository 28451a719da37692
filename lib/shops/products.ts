// One page of a shop's products for the table: the planned connector query, and a page past the end brought back
// to the last one (a stale or hand-edited link), with the reason.
import type { QueryProblem } from "@/components/data-table/url-query";
import { formatCount } from "@/lib/format";
import type { ProductPage, ProductQuery } from "@/lib/marketplaces/types";
import type { Shop } from "./shop";

export type LoadedProductPage = { page: ProductPage; query: ProductQuery; problems: QueryProblem[] };

export async function loadProductPage(shop: Shop, query: ProductQuery): Promise<LoadedProductPage> {
  const page = await shop.connector.listProducts(query);
  const lastPage = Math.max(1, Math.ceil(page.total / query.pageSize));
  if (page.items.length || query.page <= lastPage) return { page, query, problems: [] };
  const last = { ...query, page: lastPage };
  const problem = { param: "page", value: String(query.page), message: `There are only ${formatCount(lastPage)} pages; showing the last one.` };
  return { page: await shop.connector.listProducts(last), query: last, problems: [problem] };
}
