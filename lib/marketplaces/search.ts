// The portal has one search box: what is typed there is either a product's id or words of its title, told apart by
// the shape of the platform's ids.

/** The search as an id when it has the shape `productId`, as title words otherwise; blank is no search. */
export function splitSearch(search: string | undefined, productId: RegExp): { id?: string; title?: string } {
  const text = search?.trim() || undefined;
  return text !== undefined && productId.test(text) ? { id: text } : { title: text };
}
