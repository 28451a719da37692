import { z } from "zod";
import { AppError, toErrorBody } from "@/lib/errors";
import { errorPage } from "@/lib/error-page";
import { resolveCaller, type Access, type Caller } from "./access";

// Next passes no params to routes without dynamic segments.
type RouteParams = { params?: Promise<Record<string, string | string[] | undefined>> };

type Spec<A extends Access, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  access: A;
  /** "html" for routes a browser navigates to (OAuth start and callback): errors render a readable page. */
  respond?: "json" | "html";
  params?: P;
  query?: Q;
  body?: B;
};

export type RouteContext<A extends Access, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = Caller<A> & {
  req: Request;
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
};

export type GuardedHandler = ((req: Request, context: RouteParams) => Promise<Response>) & { access: Access };

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function readJson(req: Request): Promise<unknown> {
  if (!req.headers.get("content-type")?.includes("application/json")) {
    throw new AppError("bad_request", "Send the request body as JSON (Content-Type: application/json).");
  }
  try {
    return await req.json();
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}

// Session cookies are SameSite=Lax already; refusing a foreign Origin on writes is defence in depth against CSRF.
function assertSameOrigin(req: Request) {
  const origin = req.headers.get("origin");
  if (!MUTATING.has(req.method) || !origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!URL.canParse(origin) || new URL(origin).host !== host) throw new AppError("forbidden", "Cross-site requests are not allowed.");
}

/**
 * The one wrapper for every route handler: resolves session, team and permission, parses params, query and
 * body with zod, and turns anything thrown into the portal's error shape. A handler returns data (sent as JSON)
 * or a Response.
 */
export function route<
  A extends Access,
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  Q extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodType<undefined>,
>(spec: Spec<A, P, Q, B>, handler: (context: RouteContext<A, P, Q, B>) => Promise<unknown>): GuardedHandler {
  const guarded = async (req: Request, { params }: RouteParams) => {
    try {
      assertSameOrigin(req);
      const rawParams = (await params) ?? {};
      const teamSlug = typeof rawParams.team === "string" ? rawParams.team : undefined;
      const caller = await resolveCaller(req.headers, spec.access, teamSlug);
      const context = {
        ...caller,
        req,
        params: spec.params ? spec.params.parse(rawParams) : rawParams,
        query: spec.query ? spec.query.parse(Object.fromEntries(new URL(req.url).searchParams)) : {},
        body: spec.body ? spec.body.parse(await readJson(req)) : undefined,
      } as RouteContext<A, P, Q, B>;
      const result = await handler(context);
      return result instanceof Response ? result : Response.json(result ?? { ok: true });
    } catch (error) {
      const { status, body } = toErrorBody(error);
      if (spec.respond === "html") return errorPage(status, body);
      const headers = body.error.retryAfterSeconds ? { "retry-after": String(body.error.retryAfterSeconds) } : undefined;
      return Response.json(body, { status, headers });
    }
  };
  return Object.assign(guarded, { access: spec.access });
}

export const created = (data: unknown) => Response.json(data, { status: 201 });
