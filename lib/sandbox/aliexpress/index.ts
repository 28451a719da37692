// AliExpress in the sandbox: the IOP gateway (../iop) with the token APIs on `/rest` and the seller APIs on
// `/sync?method=` (TOP protocol: `session` token, no path in the signature), as shared docs/marketplaces.md §3 describes.
import { iopAnswers } from "../iop/envelope";
import { iopRoutes } from "../iop/gateway";
import type { SandboxPlatform } from "../platform";
import { categoryTree } from "./categories";
import { productApis } from "./products";
import { CATALOG, RATE_LIMITS, SELLERS, TOKENS } from "./profile";
import { publishApi } from "./publish";
import { schemaGet } from "./schema";

export const aliexpress: SandboxPlatform = {
  id: "aliexpress",
  name: "AliExpress",
  sellers: SELLERS,
  catalog: CATALOG,
  tokens: TOKENS,
  rateLimits: RATE_LIMITS,
  answers: iopAnswers("sync"),
  routes: (context) =>
    iopRoutes(context, {
      platformName: "AliExpress",
      sync: {
        ...productApis(context),
        "aliexpress.solution.seller.category.tree.query": categoryTree,
        "aliexpress.solution.product.schema.get": schemaGet,
        "aliexpress.postproduct.redefining.onlineaeproduct": publishApi(context, "online"),
        "aliexpress.postproduct.redefining.offlineaeproduct": publishApi(context, "offline"),
      },
      // The token answer's fields (§3.1): lifetimes also as absolute times in milliseconds.
      tokenFields: (seller, tokens, issuedAt) => ({
        expire_time: issuedAt + tokens.accessExpiresIn * 1000,
        refresh_token_valid_time: issuedAt + tokens.refreshExpiresIn * 1000,
        user_id: seller.id,
        seller_id: seller.id,
        account: seller.login,
        account_platform: "seller_center",
        havana_id: seller.id,
        sp: "ae",
        locale: "en_US",
      }),
    }),
};
