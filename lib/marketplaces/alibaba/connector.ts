// Alibaba.com (ICBU)'s Connector: products, the category tree, the publish-rule schema of a category, and display
// status changed in one synchronous call.
import type { AccountSession, AppConfig } from "../platform";
import type { Connector } from "../types";
import { noTicket, requestRefused } from "../iop/listing";
import { attributeDefinitions } from "./attributes";
import { categoryBrowser } from "./categories";
import { icbuApi } from "./client";
import { changeDisplay } from "./display";
import { getProduct, listProducts } from "./products";
import { schemaAnswerSchema } from "./schemas";

export function connector(app: AppConfig, session: AccountSession): Connector {
  const api = icbuApi(app, () => session.accessToken());
  const categories = categoryBrowser(api);
  return {
    listProducts: (query) => listProducts(api, query),
    getProduct: (id) => getProduct(api, categories, id),
    listCategories: (parentId) => categories.children(parentId),
    getCategory: (id) => categories.get(id),
    async getAttributeSchema(categoryId) {
      const { result } = await api("/alibaba/icbu/product/schema/get", { cat_id: categoryId, language: "en_US" }, schemaAnswerSchema, "the category schema");
      if (!result.biz_success || !result.data) throw requestRefused("alibaba", result.msg_code || "SCHEMA_REFUSED", result.message || "the platform gave no schema for this category");
      return { categoryId, attributes: attributeDefinitions(result.data) };
    },
    changeStatus: (ids, target) => changeDisplay(api, ids, target),
    checkStatusChange: () => noTicket("alibaba"),
  };
}
