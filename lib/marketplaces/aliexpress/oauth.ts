// Linking a store on AliExpress: the IOP authorization (../iop/oauth.ts) on api-sg. The token answer names the
// seller (`seller_id`, also `user_id`) and its login `account`; no store name comes with it.
import { MarketplaceError } from "../errors";
import { iopOAuth } from "../iop/oauth";

export const oauth = iopOAuth("aliexpress", (answer) => {
  const sellerId = answer.seller_id ?? answer.user_id;
  if (!sellerId) throw new MarketplaceError({ platform: "aliexpress", kind: "invalid_response", code: "no_seller", message: "the token answer names no seller" });
  return { sellerId, shopName: answer.account ?? sellerId };
});
