// ICBU's product APIs other than the list take the product's "encrypted" (混淆) id, which the list returns as
// `product_id` beside the plain numeric `id` (§1.7). The sandbox scrambles one into the other with a fixed affine
// map (one-to-one, so no two products share an encrypted id) and finds products back through a lazily built index.
import type { Catalog, Product } from "../catalog";

const MULTIPLIER = 48_271n;
const OFFSET = 2_147_483_647n;

export function encryptedId(plainId: string): string {
  return (BigInt(plainId) * MULTIPLIER + OFFSET).toString(36).toUpperCase();
}

const indexes = new WeakMap<Catalog, Map<string, Product>>();

export function productByEncryptedId(catalog: Catalog, id: string): Product | undefined {
  let index = indexes.get(catalog);
  if (!index) {
    index = new Map(catalog.products.map((product) => [encryptedId(product.id), product]));
    indexes.set(catalog, index);
  }
  return index.get(id);
}
