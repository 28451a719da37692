// The demo sellers' shops as they stand now: the generated catalog (built on first use and kept in memory)
// with the persisted status changes laid over it.
import { generateCatalog, type Catalog, type CatalogProfile, type Product } from "./catalog";
import { hashSeed } from "./random";
import { statusKey, type StateStore } from "./state";

export type DemoSeller = {
  id: string;
  login: string;
  shopName: string;
  owner: { firstName: string; lastName: string };
  email: string;
  /** Each shop has its own catalog; combined with the sandbox seed. */
  catalogSeed: number;
};

export type ShopsInput = {
  platform: string;
  sellers: readonly DemoSeller[];
  profile: CatalogProfile;
  seed: number;
  productsPerShop: number;
  store: StateStore;
};

export type ProductNow = { status: string; modifiedAt: number };

export class Shops {
  private readonly catalogs = new Map<string, Catalog>();

  constructor(private readonly input: ShopsInput) {}

  get sellers(): readonly DemoSeller[] {
    return this.input.sellers;
  }

  seller(sellerId: string): DemoSeller | undefined {
    return this.input.sellers.find((seller) => seller.id === sellerId);
  }

  catalog(sellerId: string): Catalog {
    let catalog = this.catalogs.get(sellerId);
    if (!catalog) {
      const seller = this.seller(sellerId);
      if (!seller) throw new Error(`${this.input.platform} has no demo seller ${sellerId}`);
      const seed = hashSeed(this.input.seed, this.input.platform, seller.catalogSeed);
      catalog = generateCatalog(this.input.profile, { seed, productCount: this.input.productsPerShop });
      this.catalogs.set(sellerId, catalog);
    }
    return catalog;
  }

  /** Status and modification time with any pending or finished change applied. */
  current(sellerId: string, product: Product, now = Date.now()): ProductNow {
    const change = this.input.store.data.statusChanges[statusKey(this.input.platform, sellerId, product.id)];
    if (!change) return { status: product.status, modifiedAt: product.modifiedAt };
    if (now >= change.at) return { status: change.to, modifiedAt: Math.max(product.modifiedAt, change.at) };
    return { status: change.during ?? change.from, modifiedAt: product.modifiedAt };
  }

  /** Records that the product moves to `to` at `at`, showing `during` until then. */
  changeStatus(sellerId: string, product: Product, change: { to: string; during?: string; at: number }, now = Date.now()): void {
    const from = this.current(sellerId, product, now).status;
    this.input.store.data.statusChanges[statusKey(this.input.platform, sellerId, product.id)] = { from, ...change };
    this.input.store.changed();
  }
}
