// AliExpress's Connector: products, the category tree, the publishing schema of a category, and products put on or
// off sale within the call.
import type { AccountSession, AppConfig } from "../platform";
import { synchronousConnector } from "../synchronous-connector";
import type { Connector } from "../types";
import { getAttributeSchema } from "./attributes";
import { categoryBrowser } from "./categories";
import { aeApi } from "./client";
import { changeStatus } from "./display-status";
import { metadata } from "./metadata";
import { getProduct, listProducts } from "./products";

export function connector(app: AppConfig, session: AccountSession): Connector {
  const api = aeApi(app, () => session.accessToken());
  return synchronousConnector(metadata, { api, categories: categoryBrowser(api), listProducts, getProduct, getAttributeSchema, changeStatus });
}
