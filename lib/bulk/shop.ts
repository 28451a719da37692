// A linked shop as bulk work uses it: the connector, what its platform can do, and every call counted against the
// platform's limits first.
import { appConfig } from "@/lib/marketplaces/config";
import type { Connector, PlatformMetadata } from "@/lib/marketplaces/types";
import { openShop as openLinkedShop, type Shop } from "@/lib/shops/shop";
import { callLimits, type CallLimits } from "./limits";

/** How a process opens a team's shop; tests wrap the connector to watch what is sent. */
export type OpenShop = (team: { id: string }, accountId: string) => Promise<Shop>;

export type BulkShop = {
  accountId: string;
  metadata: PlatformMetadata;
  limits: CallLimits;
  /** The connector itself: each call must take its turn from `limits` first. */
  connector: Connector;
  /** One connector call, once the limits allow it. */
  call<T>(work: (connector: Connector) => Promise<T>): Promise<T>;
};

export async function openBulkShop(teamId: string, accountId: string, open: OpenShop = openLinkedShop): Promise<BulkShop> {
  const { connector, metadata } = await open({ id: teamId }, accountId);
  const appKey = appConfig(metadata.id)?.appKey ?? "";
  const limits = callLimits(metadata.capabilities.rateLimit, { app: `${metadata.id}:${appKey}`, account: accountId });
  return {
    accountId,
    metadata,
    limits,
    connector,
    async call(work) {
      await limits.take();
      return work(connector);
    },
  };
}
