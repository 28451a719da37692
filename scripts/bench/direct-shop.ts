// The benchmark's own way to a shop, for calling its connector without the portal: it consents to a seller's shop
// on the sandbox (the first one unless told) and holds the tokens in memory, so its calls can run beside the
// portal's (which owns the embedded database) under the same load.
import { randomBytes } from "node:crypto";
import { appConfig } from "../../lib/marketplaces/config";
import { platform } from "../../lib/marketplaces/registry";
import { pkceChallenge } from "../../lib/marketplaces/signing";
import type { PlatformId } from "../../lib/marketplaces/types";
import { approveConsent } from "../../lib/sandbox/approve";
import type { Shop } from "../../lib/shops/shop";

/** Walks the sandbox's consent page for `sellerId` (the first demo seller by default) and exchanges the code. */
export async function consent(id: PlatformId, sellerId?: string) {
  const adapter = platform(id);
  const app = appConfig(id);
  if (!app) throw new Error(`${adapter.metadata.name} is not configured.`);
  const state = randomBytes(16).toString("base64url");
  const codeVerifier = adapter.metadata.pkce ? randomBytes(48).toString("base64url") : undefined;
  const back = await approveConsent(adapter.oauth.authorizeUrl(app, { state, codeChallenge: codeVerifier && pkceChallenge(codeVerifier) }), sellerId);
  const code = back.searchParams.get("code");
  if (!code) throw new Error(`${adapter.metadata.name}'s consent page sent no code back.`);
  return { adapter, app, ...(await adapter.oauth.exchangeCode(app, { code, codeVerifier })) };
}

/** A Shop as openShop gives it, for the first demo shop on `id`; the process's env must point at the sandbox. */
export async function directShop(id: PlatformId): Promise<Shop> {
  const { adapter, app, tokens, seller } = await consent(id);
  const account = {
    id: `bench-${id}`,
    platform: id,
    sellerId: seller.sellerId,
    shopName: seller.shopName,
    health: "active" as const,
    expiresAt: null,
    accessTokenExpiresAt: null,
    lastError: null,
    linkedAt: new Date().toISOString(),
  };
  return { account, metadata: adapter.metadata, connector: adapter.connector(app, { sellerId: seller.sellerId, accessToken: async () => tokens.accessToken }) };
}
