// Doudian's Connector: products through listV2 and detail, the shop's category tree and properties, and
// display status one product a call.
import type { AccountSession, AppConfig } from "../platform";
import type { Connector } from "../types";
import { attributeDefinition, categoryBrowser } from "./categories";
import { doudianApi, refuse } from "./client";
import { getProduct } from "./detail";
import { listProducts } from "./products";
import { changeStatus } from "./status";

export function connector(app: AppConfig, session: AccountSession): Connector {
  const api = doudianApi(app, () => session.accessToken());
  const categories = categoryBrowser(api);
  return {
    listProducts: (query) => listProducts(api, query),
    getProduct: (id) => getProduct(api, categories, id),
    listCategories: (parentId) => categories.children(parentId),
    getCategory: (id) => categories.get(id),
    getAttributeSchema: async (categoryId) => ({ categoryId, attributes: (await categories.properties(categoryId)).map(attributeDefinition) }),
    changeStatus: (ids, target) => changeStatus(api, ids, target),
    checkStatusChange: async (ticket) => {
      throw refuse("no_ticket", `Doudian changes status within the call; there is no change "${ticket}" to follow`);
    },
  };
}
