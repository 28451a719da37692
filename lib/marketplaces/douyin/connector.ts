// Doudian's Connector: products through listV2 and detail, the shop's category tree and properties, and
// display status one product a call, finished within it.
import type { AccountSession, AppConfig } from "../platform";
import { synchronousConnector } from "../synchronous-connector";
import type { Connector } from "../types";
import { categoryBrowser, getAttributeSchema } from "./categories";
import { doudianApi } from "./client";
import { getProduct } from "./detail";
import { metadata } from "./metadata";
import { listProducts } from "./products";
import { changeStatus } from "./status";

export function connector(app: AppConfig, session: AccountSession): Connector {
  const api = doudianApi(app, () => session.accessToken());
  return synchronousConnector(metadata, { api, categories: categoryBrowser(api), listProducts, getProduct, getAttributeSchema, changeStatus });
}
