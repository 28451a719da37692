// A minimal router: method + path pattern (`/sale/offers/:offerId`) to a handler.
import type { Reply, SandboxRequest } from "./http";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export type Route = {
  method: Method;
  path: string;
  handle(request: SandboxRequest): Reply | Promise<Reply>;
  /** Pages a person clicks through (consent) are exempt from injected faults; gateway calls are not. */
  faults?: boolean;
};

export type RouteMatch = { route: Route; params: Record<string, string> };

type CompiledRoute = { route: Route; pattern: RegExp; names: string[] };

export type Router = {
  /** The matching route, "method" when the path exists under another method only, or null. */
  match(method: string, path: string): RouteMatch | "method" | null;
};

export function createRouter(routes: readonly Route[]): Router {
  const compiled = routes.map(compile);
  return {
    match(method, path) {
      let pathMatched = false;
      for (const { route, pattern, names } of compiled) {
        const found = pattern.exec(path);
        if (!found) continue;
        if (route.method !== method) {
          pathMatched = true;
          continue;
        }
        const params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1]!)]));
        return { route, params };
      }
      return pathMatched ? "method" : null;
    },
  };
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(segment.slice(1));
      return "([^/]+)";
    })
    .join("/");
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}
