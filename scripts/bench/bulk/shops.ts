// The bulk part's people and shops: a team of one signed up through the portal's own functions, demo sellers' shops
// linked through the sandbox's consent pages, and jobs planned as the portal plans them. Planning is setup, not
// measurement: it reads the shop with the platform's limits lifted (see marketplace.ts), and jobs are stored
// before any engine runs.
import { randomBytes } from "node:crypto";
import { createJob, type Actor } from "../../../lib/bulk";
import type { OpenShop } from "../../../lib/bulk/shop";
import { mapBounded } from "../../../lib/concurrency";
import { saveLink } from "../../../lib/marketplaces/accounts";
import type { PlatformId } from "../../../lib/marketplaces/types";
import { PLATFORMS } from "../../../lib/sandbox/platforms";
import { openShop, type Shop } from "../../../lib/shops/shop";
import { createTeam } from "../../../lib/teams";
import { signUp } from "../../../lib/users";
import { consent } from "../direct-shop";

/** Pages read at once while listing a shop for setup. */
const LIST_CONCURRENCY = 8;

export async function benchActor(): Promise<Actor> {
  const password = randomBytes(12).toString("base64url");
  const user = await signUp({ name: "Benchmark", email: `bench-${randomBytes(4).toString("hex")}@example.com`, password }, new Headers());
  const team = await createTeam(user.id, { name: "Bulk benchmark" });
  return { userId: user.id, teamId: team.id };
}

/** Links the `sellerIndex`th demo seller's shop on `id` to the actor's team; returns the account's id. */
export async function linkSeller(actor: Actor, id: PlatformId, sellerIndex: number): Promise<string> {
  const seller = PLATFORMS.find((each) => each.id === id)?.sellers[sellerIndex];
  if (!seller) throw new Error(`The sandbox has no demo seller number ${sellerIndex + 1} on ${id}.`);
  const { tokens, seller: linked } = await consent(id, seller.id);
  return saveLink(actor, id, linked, tokens);
}

export const shopOf = (actor: Actor, accountId: string): Promise<Shop> => openShop({ id: actor.teamId }, accountId);

/** The first `count` online products the shop lists (as deep as its list goes). */
export async function onlineIds(shop: Shop, count: number): Promise<string[]> {
  const { maxPageSize, maxWindow } = shop.metadata.capabilities.products;
  const list = (page: number) => shop.connector.listProducts({ page, pageSize: maxPageSize });
  const first = await list(1);
  const pages = Math.ceil(Math.min(first.total, maxWindow ?? first.total) / maxPageSize);
  const rest = await mapBounded(
    Array.from({ length: pages - 1 }, (_, index) => index + 2),
    LIST_CONCURRENCY,
    async (page) => (await list(page)).items,
  );
  const online = [...first.items, ...rest.flat()].filter((product) => product.status === "online").map((product) => product.id);
  const unique = [...new Set(online)];
  if (unique.length < count) throw new Error(`${shop.metadata.name} lists ${unique.length} online products, fewer than the ${count} wanted.`);
  return unique.slice(0, count);
}

/** Opens shops for planning with the platform's declared limits lifted: the sandbox's are lifted too while setting up. */
const unlimited: OpenShop = async (team, accountId) => {
  const shop = await openShop(team, accountId);
  const capabilities = { ...shop.metadata.capabilities, rateLimit: { perApp: 1_000, perAccount: 1_000 } };
  return { ...shop, metadata: { ...shop.metadata, capabilities } };
};

/** A job taking these products offline, planned and stored as the portal does it; returns its id. */
export async function offlineJob(actor: Actor, accountId: string, ids: string[]): Promise<string> {
  const { id, plan } = await createJob(actor, accountId, { selection: { ids }, target: "offline" }, { openShop: unlimited });
  if (plan.counts.change !== ids.length) throw new Error(`Of ${ids.length} online products, the plan would change ${plan.counts.change}.`);
  return id;
}
