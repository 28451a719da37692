// Display status, done in the call: alibaba.product.expire takes products offline; back online, an expired
// product is reposted (alibaba.product.repost) and one never listed is republished (alibaba.product.republish,
// 400 listings a member a day). Each product's status is looked up first (list.get by productIds) to choose
// the call; products already where they should be are not sent, and the rest go to the call that fits their
// status best, so that 1688 itself says why one cannot move.
import type { ItemResult, StatusChangeOutcome, StatusTarget } from "../types";
import type { AopApi } from "./client";
import { productPage } from "./products";
import { statusChangeAnswerSchema, type StatusChangeAnswer } from "./schemas";

type Route = "alibaba.product.expire" | "alibaba.product.repost" | "alibaba.product.republish";

/** Where each native status goes for a target: `null` when it is there already. */
function routeFor(target: StatusTarget, status: string | undefined): Route | null {
  if (target === "offline") return status === "expired" || status === "auto expired" ? null : "alibaba.product.expire";
  if (status === "published") return null;
  return status === "new" ? "alibaba.product.republish" : "alibaba.product.repost";
}

async function currentStatuses(api: AopApi, ids: readonly string[]): Promise<Map<string, string>> {
  const { items } = await productPage(api, { productIds: `[${ids.join(",")}]` }, 1);
  return new Map(items.map((product) => [product.productID, product.status]));
}

/**
 * A call's per-product outcomes, from its operate results; a product refused in errorMessage's map but absent
 * from the list is refused too, and one 1688 says nothing about is reported as such rather than taken for done.
 */
function results(ids: readonly string[], answer: StatusChangeAnswer): ItemResult[] {
  const reported = new Map((answer.result ?? []).map((entry) => [entry.productId, entry]));
  const reasons = typeof answer.errorMessage === "object" && answer.errorMessage ? answer.errorMessage : {};
  return ids.map((id): ItemResult => {
    const entry = reported.get(id);
    if (entry?.result) return { id, ok: true };
    const message = entry?.desc || reasons[id];
    if (!entry && !message) return { id, ok: false, code: "no_result", message: `1688 did not report on product ${id}` };
    return { id, ok: false, code: entry?.code || answer.errorCode || "refused", message: message || `1688 refused product ${id}` };
  });
}

async function send(api: AopApi, route: Route, ids: readonly string[]): Promise<ItemResult[]> {
  const params = { productIds: `[${ids.join(",")}]`, webSite: route === "alibaba.product.republish" ? undefined : "1688" };
  const answer = await api.call(route, params, statusChangeAnswerSchema, "the status change", (found) =>
    // No result list and no reasons by product: the call was refused as a whole (a wrong parameter), not a product.
    !found.result?.length && typeof found.errorMessage !== "object" && found.errorCode ? { code: found.errorCode, message: found.errorMessage || "1688 refused the call" } : null,
  );
  return results(ids, answer);
}

const notAnId = (id: string): ItemResult => ({ id, ok: false, code: "invalid_product_id", message: `"${id}" is not a 1688 product id` });

/** `ids` are at most the metadata's batch size of 20, so that their statuses come in one page of the list. */
export async function changeStatus(api: AopApi, ids: readonly string[], target: StatusTarget): Promise<StatusChangeOutcome> {
  // productIds is a JSON array of Longs: anything else would break the whole call.
  const valid = ids.filter((id) => /^\d{1,18}$/.test(id));
  const statuses = valid.length ? await currentStatuses(api, valid) : new Map<string, string>();
  const routes = new Map<Route, string[]>();
  const outcome = new Map<string, ItemResult>();
  for (const id of ids) {
    if (!valid.includes(id)) {
      outcome.set(id, notAnId(id));
      continue;
    }
    const route = routeFor(target, statuses.get(id));
    if (route) routes.set(route, [...(routes.get(route) ?? []), id]);
    else outcome.set(id, { id, ok: true });
  }
  for (const [route, routed] of routes) for (const result of await send(api, route, routed)) outcome.set(result.id, result);
  return { kind: "done", results: ids.map((id) => outcome.get(id)!) };
}
