// AliExpress's Connector: products, the category tree, the publishing schema of a category, and products put on or
// off sale within the call.
import type { AccountSession, AppConfig } from "../platform";
import type { Connector } from "../types";
import { noTicket } from "../iop/listing";
import { attributeDefinitions } from "./attributes";
import { categoryBrowser } from "./categories";
import { aeApi } from "./client";
import { changeStatus } from "./display-status";
import { getProduct, listProducts } from "./products";
import { schemaAnswerSchema } from "./schemas";

export function connector(app: AppConfig, session: AccountSession): Connector {
  const api = aeApi(app, () => session.accessToken());
  const categories = categoryBrowser(api);
  return {
    listProducts: (query) => listProducts(api, query),
    getProduct: (id) => getProduct(api, categories, id),
    listCategories: (parentId) => categories.children(parentId),
    getCategory: (id) => categories.get(id),
    async getAttributeSchema(categoryId) {
      const { result } = await api("aliexpress.solution.product.schema.get", { aliexpress_category_id: categoryId }, schemaAnswerSchema, "the category schema");
      return { categoryId, attributes: attributeDefinitions(result.schema) };
    },
    changeStatus: (ids, target) => changeStatus(api, ids, target),
    checkStatusChange: () => noTicket("aliexpress"),
  };
}
