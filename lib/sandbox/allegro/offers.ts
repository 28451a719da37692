// GET /sale/offers (filters and Allegro's paging limits) and GET /sale/offers/{offerId}.
import { z } from "zod";
import type { Product } from "../catalog";
import { jsonReply, queryInt, repeatable } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import type { ProductNow } from "../shops";
import { apiErrors, errorEntry, validationErrors } from "./errors";
import { missingParametersError, offerParameters } from "./parameters";
import { CATALOG, MEDIA_TYPE, SCOPES } from "./profile";
import { forUser, type AllegroSession } from "./session";

const OFFER_STATUSES = ["INACTIVE", "ACTIVE", "ACTIVATING", "ENDED"] as const;

const SORTS = ["sellingMode.price.amount", "-sellingMode.price.amount", "stock.sold", "-stock.sold", "stock.available", "-stock.available"] as const;

const amount = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "must be a decimal number")
  .transform(Number);

const offersQuerySchema = z
  .object({
    "offer.id": z.string().optional(),
    name: z.string().optional(),
    "publication.status": repeatable(z.enum(OFFER_STATUSES)).optional(),
    "sellingMode.format": repeatable(z.enum(["BUY_NOW", "AUCTION", "ADVERTISEMENT"])).optional(),
    "sellingMode.price.amount.gte": amount.optional(),
    "sellingMode.price.amount.lte": amount.optional(),
    "external.id": repeatable(z.string().max(100)).pipe(z.array(z.string()).max(100)).optional(),
    "category.id": z.string().optional(),
    sort: z.enum(SORTS).optional(),
    limit: queryInt(1, 1000).default(20),
    offset: queryInt(0, 9_999_999).default(0),
  })
  .refine((query) => query.offset + query.limit <= 10_000_000, { path: ["offset"], message: "offset + limit must not exceed 10000000" });

type OffersQuery = z.infer<typeof offersQuerySchema>;

const iso = (time: number) => new Date(time).toISOString();

// The description admits no null in an offer: a field without a value is left out (undefined, which JSON drops).
function publication(product: Product, now: ProductNow) {
  return {
    status: now.status,
    startedAt: now.status === "INACTIVE" ? undefined : iso(product.createdAt),
    endedAt: now.status === "ENDED" ? iso(now.modifiedAt) : undefined,
  };
}

const price = (product: Product) => ({ amount: product.price, currency: CATALOG.currency });

/** Allegro's offer titles have at most 50 characters (the description's Offer.name): a longer catalog title
 * loses its last words. */
const NAME_MAX_LENGTH = 50;
function offerName(product: Product): string {
  const words = product.title.en.split(" ");
  while (words.length > 1 && words.join(" ").length > NAME_MAX_LENGTH) words.pop();
  return words.join(" ").slice(0, NAME_MAX_LENGTH);
}

function offerListing(product: Product, now: ProductNow, origin: string) {
  return {
    id: product.id,
    name: offerName(product),
    category: { id: product.categoryId },
    primaryImage: { url: origin + product.images[0] },
    sellingMode: { format: "BUY_NOW", price: price(product) },
    saleInfo: { biddersCount: 0 },
    stock: { available: product.stock, sold: product.sold },
    stats: { watchersCount: Math.floor(product.visits / 40), visitsCount: product.visits },
    publication: publication(product, now),
    external: { id: product.sellerSku },
  };
}

function offerDetail(product: Product, now: ProductNow, origin: string, session: AllegroSession) {
  const attributes = session.catalog.attributes.get(product.categoryId) ?? [];
  const missing = missingParametersError(attributes, product);
  return {
    id: product.id,
    name: offerName(product),
    category: { id: product.categoryId },
    parameters: offerParameters(attributes, product),
    images: product.images.map((path) => ({ url: origin + path })),
    sellingMode: { format: "BUY_NOW", price: price(product) },
    stock: { available: product.stock, unit: "UNIT" },
    publication: { status: now.status, endedBy: now.status === "ENDED" ? "USER" : undefined, republish: false },
    external: { id: product.sellerSku },
    createdAt: iso(product.createdAt),
    updatedAt: iso(now.modifiedAt),
    validation: { errors: missing ? [errorEntry(missing)] : [], warnings: [], validatedAt: iso(now.modifiedAt) },
  };
}

const SORT_KEYS: Record<(typeof SORTS)[number], (product: Product) => number> = {
  "sellingMode.price.amount": (product) => Number(product.price),
  "-sellingMode.price.amount": (product) => -Number(product.price),
  "stock.sold": (product) => product.sold,
  "-stock.sold": (product) => -product.sold,
  "stock.available": (product) => product.stock,
  "-stock.available": (product) => -product.stock,
};

function search(context: PlatformContext, session: AllegroSession, query: OffersQuery) {
  const { catalog, seller } = session;
  const now = Date.now();
  const name = query.name?.toLowerCase();
  const categoryId = query["category.id"];
  const matches = catalog.products.flatMap((product) => {
    if (query["offer.id"] && product.id !== query["offer.id"]) return [];
    if (name && !offerName(product).toLowerCase().includes(name)) return [];
    if (query["sellingMode.format"] && !query["sellingMode.format"].includes("BUY_NOW")) return [];
    if (query["sellingMode.price.amount.gte"] !== undefined && Number(product.price) < query["sellingMode.price.amount.gte"]) return [];
    if (query["sellingMode.price.amount.lte"] !== undefined && Number(product.price) > query["sellingMode.price.amount.lte"]) return [];
    if (query["external.id"] && !query["external.id"].includes(product.sellerSku)) return [];
    if (categoryId && product.categoryId !== categoryId && !catalog.categories.get(product.categoryId)?.ancestorIds.includes(categoryId)) return [];
    const current = context.shops.current(seller.id, product, now);
    const statuses: readonly string[] | undefined = query["publication.status"];
    if (statuses && !statuses.includes(current.status)) return [];
    return [{ product, current }];
  });
  const sortKey = query.sort ? SORT_KEYS[query.sort] : null;
  if (sortKey) matches.sort((a, b) => sortKey(a.product) - sortKey(b.product));
  return matches;
}

export function offerRoutes(context: PlatformContext): Route[] {
  return [
    {
      method: "GET",
      path: "/sale/offers",
      handle: forUser(context, SCOPES.offersRead, (request, session) => {
        const query = offersQuerySchema.safeParse(request.query);
        if (!query.success) return validationErrors(400, query.error);
        const matches = search(context, session, query.data);
        const page = matches.slice(query.data.offset, query.data.offset + query.data.limit);
        return jsonReply(200, { offers: page.map(({ product, current }) => offerListing(product, current, request.origin)), count: page.length, totalCount: matches.length }, MEDIA_TYPE);
      }),
    },
    {
      method: "GET",
      path: "/sale/offers/:offerId",
      handle: forUser(context, SCOPES.offersRead, (request, session) => {
        const product = session.catalog.productById.get(request.params.offerId!);
        if (!product) return apiErrors(404, { code: "NotFoundException", message: `Offer ${request.params.offerId} not found`, userMessage: "The offer does not exist." });
        return jsonReply(200, offerDetail(product, context.shops.current(session.seller.id, product), request.origin, session), MEDIA_TYPE);
      }),
    },
  ];
}
