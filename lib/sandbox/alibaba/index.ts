// Alibaba.com's international seller platform (ICBU) in the sandbox: the IOP gateway (../iop) with the product,
// category, schema and display APIs on `/rest{path}` (GOP), as shared docs/marketplaces.md §1 describes them.
import { iopAnswers } from "../iop/envelope";
import { iopRoutes } from "../iop/gateway";
import type { SandboxPlatform } from "../platform";
import { getCategory } from "./categories";
import { displayApi } from "./display";
import { convertId } from "./ids";
import { productApis } from "./products";
import { CATALOG, RATE_LIMITS, SELLERS, TOKENS } from "./profile";
import { getSchema } from "./schema";

export const alibaba: SandboxPlatform = {
  id: "alibaba",
  name: "Alibaba.com",
  sellers: SELLERS,
  catalog: CATALOG,
  tokens: TOKENS,
  rateLimits: RATE_LIMITS,
  answers: iopAnswers("rest"),
  routes: (context) =>
    iopRoutes(context, {
      platformName: "Alibaba.com",
      rest: {
        ...productApis(context),
        "/icbu/product/category/get": getCategory,
        "/alibaba/icbu/product/schema/get": getSchema,
        "/icbu/product/update/display": displayApi(context),
        "/alibaba/icbu/product/id/encrypt": convertId,
      },
      // The token answer fields ronknight/alibaba-open-api reads (§1.1), plus the member id the portal keys a link on.
      tokenFields: (seller) => ({ account: seller.login, account_id: seller.id, account_platform: "icbu" }),
    }),
};
