// Linking a supplier on Alibaba.com: the IOP authorization (../iop/oauth.ts). The token answer names the account
// (`account`, the supplier's login) and, in the sandbox, its member id `account_id`; ICBU documents no other id.
import { MarketplaceError } from "../errors";
import { iopOAuth } from "../iop/oauth";

export const oauth = iopOAuth("alibaba", (answer) => {
  const sellerId = answer.account_id ?? answer.user_id ?? answer.account;
  if (!sellerId) throw new MarketplaceError({ platform: "alibaba", kind: "invalid_response", code: "no_account", message: "the token answer names no account" });
  return { sellerId, shopName: answer.account ?? sellerId };
});
