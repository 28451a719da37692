// Allegro's Connector: offers, categories and their parameters, and display status by publication commands, which
// hand back a ticket to follow; within the limits its metadata declares.
import { withDeclaredLimits } from "../declared-limits";
import type { AccountSession, AppConfig } from "../platform";
import type { Connector } from "../types";
import { categoryBrowser } from "./categories";
import { allegroApi } from "./client";
import { metadata } from "./metadata";
import { getOffer, listOffers } from "./offers";
import { attributeDefinition } from "./parameters";
import { commandProgress, startCommand } from "./publication";

export function connector(app: AppConfig, session: AccountSession): Connector {
  const api = allegroApi(app, () => session.accessToken());
  const categories = categoryBrowser(api);
  return withDeclaredLimits(metadata, {
    listProducts: (query) => listOffers(api, query),
    getProduct: (id) => getOffer(api, categories, id),
    listCategories: (parentId) => categories.children(parentId),
    getCategory: (id) => categories.get(id),
    getAttributeSchema: async (categoryId) => ({ categoryId, attributes: (await categories.parameters(categoryId)).map(attributeDefinition) }),
    changeStatus: (ids, target) => startCommand(api, ids, target),
    checkStatusChange: (ticket) => commandProgress(api, ticket),
  });
}
