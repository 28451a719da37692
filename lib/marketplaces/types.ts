// The connector contract: what the portal knows about a marketplace. Everything platform-specific lives in
// lib/marketplaces/<platform>/ behind these types; app/ and components/ only see them and the registry.

export const PLATFORM_IDS = ["alibaba", "1688", "aliexpress", "douyin", "allegro"] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

/**
 * One display-status vocabulary across platforms. "offline" is the seller's choice; "blocked" is the platform's
 * (audit refusal, violation, freeze), kept apart because the seller cannot simply switch it back.
 */
export const DISPLAY_STATUSES = ["online", "offline", "pending", "blocked", "draft", "deleted", "unknown"] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

/** The two targets a bulk change can ask for. */
export type StatusTarget = "online" | "offline";

/** The platform's own status beside the normalized one: never thrown away. */
export type NativeStatus = { code: string; label: string };

export type Money = { amount: string; currency: string };

export type ProductSummary = {
  /** Ids are strings everywhere: Doudian's are 19 digits and would not survive a JS number. */
  id: string;
  title: string;
  /** The title in the other language where the platform has one (Chinese or English). */
  altTitle?: string;
  status: DisplayStatus;
  native: NativeStatus;
  categoryId?: string;
  imageUrl?: string;
  price?: Money;
  stock?: number;
  modifiedAt?: string;
};

export type Sku = { id: string; name: string; price?: Money; stock?: number; attributes: Record<string, string> };

export type ProductDetail = ProductSummary & {
  images: string[];
  categoryPath: CategoryNode[];
  skus: Sku[];
  quality?: { score: number; label: string };
  attributes: { name: string; value: string }[];
};

export type CategoryNode = { id: string; name: string; altName?: string; parentId: string | null; leaf: boolean; level: number };

export const ATTRIBUTE_TYPES = ["text", "number", "single_enum", "multi_enum", "date", "boolean"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export type AttributeDefinition = {
  id: string;
  name: string;
  type: AttributeType;
  /** The platform's own type name (e.g. Doudian "multi_select", ICBU "multiComplex"). */
  nativeType: string;
  required: boolean;
  units?: string[];
  values?: { id: string; name: string }[];
  maxSelections?: number;
  /** Shown or required only when another attribute has one of these values. */
  dependsOn?: { attributeId: string; valueIds: string[] };
  description?: string;
};

export type AttributeSchema = { categoryId: string; attributes: AttributeDefinition[] };

export type ProductSort = "modified_desc" | "modified_asc" | "title_asc" | "title_desc";

export type ProductQuery = {
  page: number;
  pageSize: number;
  search?: string;
  status?: DisplayStatus;
  categoryId?: string;
  modifiedFrom?: string;
  modifiedTo?: string;
  sort?: ProductSort;
};

export type ProductPage = { items: ProductSummary[]; total: number };

/** Per-item outcome of a status change, with the platform's own code and message on failure. */
export type ItemResult = { id: string; ok: true } | { id: string; ok: false; code: string; message: string };

/**
 * A status change either finishes in the call (most platforms) or is accepted for later processing
 * (Allegro's publication commands): then the engine polls with the ticket until every item is final.
 */
export type StatusChangeOutcome = { kind: "done"; results: ItemResult[] } | { kind: "accepted"; ticket: string };
export type StatusChangeProgress = { kind: "done"; results: ItemResult[] } | { kind: "pending"; results: ItemResult[] };

/** Fields of a ProductSummary that some platforms' lists leave out; id, title and status are always there. */
export const PRODUCT_LIST_FIELDS = ["image", "category", "price", "stock", "modified"] as const;
export type ProductListField = (typeof PRODUCT_LIST_FIELDS)[number];

/** The fields a list with these `listFields` leaves out, in PRODUCT_LIST_FIELDS order. */
export const unlistedFields = (listFields: readonly ProductListField[]): ProductListField[] => PRODUCT_LIST_FIELDS.filter((field) => !listFields.includes(field));

/** What a platform can do, declared in its metadata; the UI enables buttons from this, never from the id. */
export type Capabilities = {
  products: {
    maxPageSize: number;
    /** The deepest offset + page size the list serves (Doudian: page x size at most 10,000). */
    maxWindow?: number;
    sorts: ProductSort[];
    statusFilter: boolean;
    categoryFilter: boolean;
    modifiedFilter: boolean;
    searchById: boolean;
    /** What each listed product carries; the rest comes only with a product's details, so the table has no column for it. */
    listFields: readonly ProductListField[];
  };
  productDetail: { skus: boolean; quality: boolean };
  categories: boolean;
  attributeSchema: boolean;
  displayStatus: {
    targets: StatusTarget[];
    /** Items one call may carry. */
    maxBatchSize: number;
    asynchronous: boolean;
  } | null;
  /** Sustained calls per second the portal allows itself, per app and per linked account. */
  rateLimit: { perApp: number; perAccount: number };
};

export type PlatformMetadata = {
  id: PlatformId;
  name: string;
  /** Short blurb on the link button. */
  description: string;
  capabilities: Capabilities;
  /** Whether the OAuth flow uses PKCE (S256). */
  pkce: boolean;
  /** Whether each refresh hands out a new refresh token and spends the old one. */
  rotatesRefreshTokens: boolean;
};

/** Tokens as a platform returns them, with absolute expiry times computed from its answer. */
export type TokenSet = {
  accessToken: string;
  refreshToken?: string;
  accessTokenExpiresAt?: Date;
  refreshTokenExpiresAt?: Date;
  scope?: string;
};

export type LinkedSeller = { sellerId: string; shopName: string };

export interface Connector {
  listProducts(query: ProductQuery): Promise<ProductPage>;
  getProduct(id: string): Promise<ProductDetail>;
  listCategories(parentId: string | null): Promise<CategoryNode[]>;
  getCategory(id: string): Promise<CategoryNode>;
  getAttributeSchema(categoryId: string): Promise<AttributeSchema>;
  changeStatus(ids: string[], target: StatusTarget): Promise<StatusChangeOutcome>;
  checkStatusChange(ticket: string): Promise<StatusChangeProgress>;
}
