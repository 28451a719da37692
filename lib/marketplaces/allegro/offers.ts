// Offers: the seller's list (`GET /sale/offers`, stitched from pages of at most 1000) and one offer in full.
import { splitSearch } from "../search";
import type { DisplayStatus, NativeStatus, ProductDetail, ProductPage, ProductQuery, ProductSummary } from "../types";
import type { AllegroApi, Query } from "./client";
import type { CategoryBrowser } from "./categories";
import { MAX_OFFERS_PER_PAGE } from "./metadata";
import { offerAttributes } from "./parameters";
import { offerSchema, offersPageSchema, type ListedOffer, type Offer } from "./schemas";

/** Allegro's publication statuses (OfferStatus) in the portal's words. */
const STATUSES: Record<string, { status: DisplayStatus; label: string }> = {
  ACTIVE: { status: "online", label: "Active" },
  INACTIVE: { status: "draft", label: "Inactive (draft)" },
  ACTIVATING: { status: "pending", label: "Activating" },
  ENDED: { status: "offline", label: "Ended" },
};

function statusOf(code: string): { status: DisplayStatus; native: NativeStatus } {
  const known = STATUSES[code];
  return { status: known?.status ?? "unknown", native: { code, label: known?.label ?? code } };
}

/** Allegro's status for a portal status, or null when no offer can have it (blocked, deleted, unknown). */
function nativeStatusOf(status: DisplayStatus): string | null {
  return Object.entries(STATUSES).find(([, known]) => known.status === status)?.[0] ?? null;
}

// Offer ids are 10 or 11 digits; a title search is not a bare run of nine or more digits.
const OFFER_ID = /^\d{9,}$/;

/** The query's filters in Allegro's parameters, or null when no offer can match. */
function offerFilters(query: ProductQuery): Query | null {
  const search = splitSearch(query.search, OFFER_ID);
  const status = query.status ? nativeStatusOf(query.status) : undefined;
  if (status === null) return null;
  return { "publication.status": status, "category.id": query.categoryId, "offer.id": search.id, name: search.title };
}

function summary(offer: ListedOffer | Offer, imageUrl: string | undefined): ProductSummary {
  const price = offer.sellingMode?.price;
  return {
    id: offer.id,
    title: offer.name,
    ...statusOf(offer.publication.status),
    categoryId: offer.category?.id,
    imageUrl,
    price: price ? { amount: price.amount, currency: price.currency } : undefined,
    stock: offer.stock?.available ?? undefined,
  };
}

/**
 * One portal page, in as many calls as Allegro's limit of 1000 offers a call needs. Allegro takes any offset, so
 * each call starts where the window does; the connector keeps the window within the first 10 000 000.
 */
export async function listOffers(api: AllegroApi, query: ProductQuery): Promise<ProductPage> {
  const filters = offerFilters(query);
  if (!filters) return { items: [], total: 0 };
  const start = (query.page - 1) * query.pageSize;
  const end = start + query.pageSize;
  const items: ProductSummary[] = [];
  let total = 0;
  for (let offset = start; offset < end; offset += MAX_OFFERS_PER_PAGE) {
    const limit = Math.min(MAX_OFFERS_PER_PAGE, end - offset);
    const page = await api.get("/sale/offers", { ...filters, limit, offset }, offersPageSchema, "the offer list");
    items.push(...page.offers.map((offer) => summary(offer, offer.primaryImage?.url)));
    total = page.totalCount;
    if (page.offers.length < limit) break;
  }
  return { items, total };
}

export async function getOffer(api: AllegroApi, categories: CategoryBrowser, id: string): Promise<ProductDetail> {
  const offer = await api.get(`/sale/offers/${encodeURIComponent(id)}`, {}, offerSchema, "the offer");
  const [categoryPath, parameters] = await Promise.all([categories.path(offer.category.id), categories.parameters(offer.category.id)]);
  const images = (offer.images ?? []).map((image) => image.url);
  return {
    ...summary(offer, images[0]),
    modifiedAt: offer.updatedAt ?? undefined,
    images,
    categoryPath,
    skus: [],
    attributes: offerAttributes(offer.parameters ?? [], parameters),
  };
}
