// 1688's Connector: products, the category tree and its attributes, and display status changed in the call.
import { MarketplaceError } from "../errors";
import type { AccountSession, AppConfig } from "../platform";
import type { Connector } from "../types";
import { categoryBrowser } from "./categories";
import { aopApi } from "./client";
import { changeStatus } from "./display-status";
import { getProduct, listProducts } from "./products";

export function connector(app: AppConfig, session: AccountSession): Connector {
  const api = aopApi(app, () => session.accessToken());
  const categories = categoryBrowser(api);
  return {
    listProducts: (query) => listProducts(api, query),
    getProduct: (id) => getProduct(api, categories, id),
    listCategories: (parentId) => categories.children(parentId),
    getCategory: (id) => categories.get(id),
    getAttributeSchema: (categoryId) => categories.attributes(categoryId),
    changeStatus: (ids, target) => changeStatus(api, ids, target),
    // Every change is final when changeStatus answers, so there is never a ticket to follow.
    checkStatusChange: async (ticket) => {
      throw new MarketplaceError({ platform: "1688", kind: "request", code: "no_such_ticket", message: `1688 changes status at once; there is no change "${ticket}" to follow` });
    },
  };
}
