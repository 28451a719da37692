// Alibaba.com (ICBU)'s Connector: products, the category tree, the publish-rule schema of a category, and display
// status changed in one synchronous call.
import type { AccountSession, AppConfig } from "../platform";
import { synchronousConnector } from "../synchronous-connector";
import type { Connector } from "../types";
import { getAttributeSchema } from "./attributes";
import { categoryBrowser } from "./categories";
import { icbuApi } from "./client";
import { changeDisplay } from "./display";
import { metadata } from "./metadata";
import { getProduct, listProducts } from "./products";

export function connector(app: AppConfig, session: AccountSession): Connector {
  const api = icbuApi(app, () => session.accessToken());
  return synchronousConnector(metadata, { api, categories: categoryBrowser(api), listProducts, getProduct, getAttributeSchema, changeStatus: changeDisplay });
}
