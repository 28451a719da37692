// The sandbox's own endpoints under /_sandbox: health, runtime knobs, reset, seller-side revocation, access tokens
// ended early, and a count of a seller's tokens.
import { z } from "zod";
import { describeIssue, jsonReply, type Reply } from "./http";
import { imageRoute } from "./images";
import type { Knobs, KnobsPatch } from "./knobs";
import type { Route } from "./router";
import type { DemoSeller } from "./shops";
import type { RevokedTokens, SellerTokenCounts } from "./tokens";

export type AdminControls = {
  startedAt: number;
  platforms: readonly { id: string; name: string; sellers: readonly DemoSeller[] }[];
  knobs(): Knobs;
  patchSchema: z.ZodType<KnobsPatch>;
  updateKnobs(patch: KnobsPatch): Knobs;
  /** Forgets every code, token, status change and command, and puts the knobs back as the sandbox started. */
  reset(): Promise<void>;
  /** Revokes a seller's tokens on a platform; null when there is no such platform. */
  revokeSeller(platform: string, sellerId: string, which: RevokedTokens): number | null;
  /** Ends a seller's access tokens' lifetime now; null when there is no such platform. */
  expireAccessTokens(platform: string, sellerId: string): number | null;
  /** How many tokens a seller holds on a platform; null when there is no such platform. */
  sellerTokens(platform: string, sellerId: string): SellerTokenCounts | null;
};

const sellerSchema = z.strictObject({ platform: z.string(), sellerId: z.string() });
const revokeSchema = sellerSchema.extend({ tokens: z.enum(["all", "access"]).default("all") });

const noPlatform = (platform: string) => jsonReply(404, { error: `no platform "${platform}"` });

type Parsed<T> = { ok: true; value: T } | { ok: false; reply: Reply };

function check<T>(schema: z.ZodType<T>, value: unknown): Parsed<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reply: jsonReply(400, { error: "invalid request", issues: parsed.error.issues.map(describeIssue) }) };
}

function parseJson<T>(schema: z.ZodType<T>, body: string): Parsed<T> {
  let value: unknown;
  try {
    value = body ? JSON.parse(body) : {};
  } catch {
    return { ok: false, reply: jsonReply(400, { error: "the body is not valid JSON" }) };
  }
  return check(schema, value);
}

/**
 * A route about one seller on one platform, read from the JSON body (POST) or the query (GET); `act` answers null
 * when there is no such platform.
 */
function sellerRoute<T extends z.infer<typeof sellerSchema>>(method: "GET" | "POST", path: string, schema: z.ZodType<T>, act: (input: T) => object | null): Route {
  return {
    method,
    path,
    handle: (request) => {
      const input = method === "GET" ? check(schema, request.query) : parseJson(schema, request.body);
      if (!input.ok) return input.reply;
      const answer = act(input.value);
      return answer === null ? noPlatform(input.value.platform) : jsonReply(200, answer);
    },
  };
}

export function adminRoutes(controls: AdminControls): Route[] {
  return [
    {
      method: "GET",
      path: "/_sandbox/health",
      handle: (request) =>
        jsonReply(200, {
          status: "ok",
          uptimeSeconds: Math.round((Date.now() - controls.startedAt) / 1000),
          platforms: controls.platforms.map((platform) => ({
            id: platform.id,
            name: platform.name,
            baseUrl: `${request.origin}/${platform.id}`,
            sellers: platform.sellers.map(({ id, login, shopName }) => ({ id, login, shopName })),
          })),
        }),
    },
    { method: "GET", path: "/_sandbox/config", handle: () => jsonReply(200, controls.knobs()) },
    {
      method: "PUT",
      path: "/_sandbox/config",
      handle: (request) => {
        const patch = parseJson(controls.patchSchema, request.body);
        return patch.ok ? jsonReply(200, controls.updateKnobs(patch.value)) : patch.reply;
      },
    },
    {
      method: "POST",
      path: "/_sandbox/reset",
      handle: async () => {
        await controls.reset();
        return jsonReply(200, { status: "reset" });
      },
    },
    sellerRoute("POST", "/_sandbox/revoke", revokeSchema, ({ platform, sellerId, tokens }) => {
      const revoked = controls.revokeSeller(platform, sellerId, tokens);
      return revoked === null ? null : { revoked };
    }),
    sellerRoute("POST", "/_sandbox/expire", sellerSchema, ({ platform, sellerId }) => {
      const expired = controls.expireAccessTokens(platform, sellerId);
      return expired === null ? null : { expired };
    }),
    sellerRoute("GET", "/_sandbox/tokens", sellerSchema, ({ platform, sellerId }) => controls.sellerTokens(platform, sellerId)),
    imageRoute,
  ];
}
