// The way from the products table to a product and back: the detail link carries the table's query string in
// `from`, and the detail page turns it back into a link to the same page of the table. Shared by the table (client)
// and the detail page (server), so nothing here is React.

/** Longer queries are not a table's state (its whole URL is far shorter); they are dropped, not cut. */
const MAX_FROM_LENGTH = 2_000;

/** A product's detail page, remembering the table's query (`?page=3&status=online`, or "") to go back to. */
export function productHref(productsPath: string, id: string, tableQuery: string): string {
  const query = tableQuery.replace(/^\?/, "");
  return `${productsPath}/${encodeURIComponent(id)}${query ? `?${new URLSearchParams({ from: query })}` : ""}`;
}

/**
 * The products table again, with the query the user came from. `from` is read as a query string only and written
 * out anew, so a hand-made value can add parameters (which the table reports) but never change the path or host.
 */
export function backToProductsHref(productsPath: string, from: string | string[] | undefined): string {
  if (typeof from !== "string" || from.length > MAX_FROM_LENGTH) return productsPath;
  const query = new URLSearchParams(from.replace(/^\?/, "")).toString();
  return query ? `${productsPath}?${query}` : productsPath;
}
