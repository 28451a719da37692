// One linked shop as the browsing pages see it: the link (never its tokens), what its platform can do, and a
// connector that signs its calls. A shop of another team is "not found", like anything else of another team.
import { connectorFor, type AccountOwner, type AccountView } from "@/lib/marketplaces/accounts";
import { MarketplaceError } from "@/lib/marketplaces/errors";
import { platform } from "@/lib/marketplaces/registry";
import type { Connector, PlatformMetadata } from "@/lib/marketplaces/types";

export type Shop = { account: AccountView; metadata: PlatformMetadata; connector: Connector };

export async function openShop(owner: AccountOwner, accountId: string): Promise<Shop> {
  const { connector, account } = await connectorFor(owner, accountId);
  return { account, metadata: platform(account.platform).metadata, connector };
}

/** What a page shows when a marketplace call fails: plain words, the platform's code, and the way out. */
export type ShopProblem = {
  title: string;
  message: string;
  /** The platform's own code and message, shown beside the plain words. */
  platformCode?: string;
  /** The link must be authorized again: the page offers Reconnect instead of Try again. */
  reconnect: boolean;
  /** Whether trying again can help: not when the platform refused the request itself (an unknown id, say). */
  retry: boolean;
};

/** A failed call as a ShopProblem; anything that is not a marketplace failure is a bug and is thrown on. */
export function shopProblem(error: unknown, shop: Pick<Shop, "account" | "metadata">): ShopProblem {
  if (!(error instanceof MarketplaceError)) throw error;
  const name = shop.metadata.name;
  if (error.kind === "auth" || shop.account.health === "needs_relink") {
    return { title: `${name} no longer accepts this link`, message: "Reconnect the shop to go on browsing it.", platformCode: error.code, reconnect: true, retry: false };
  }
  const titles: Partial<Record<MarketplaceError["kind"], string>> = {
    throttled: `${name} is limiting calls right now`,
    unavailable: `${name} is not answering properly`,
    timeout: `${name} did not answer in time`,
    invalid_response: `${name} sent an answer the portal could not read`,
  };
  return {
    title: titles[error.kind] ?? `${name} refused the request`,
    // The platform's own words; the plain-words title already says what kind of failure it is.
    message: error.platformMessage,
    platformCode: error.code,
    reconnect: false,
    retry: error.systemic,
  };
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; problem: ShopProblem };

/** Runs a marketplace call for a page: its value, or the problem to show in its place. */
export async function attempt<T>(shop: Pick<Shop, "account" | "metadata">, call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, problem: shopProblem(error, shop) };
  }
}
