// The sandbox's own endpoints under /_sandbox: health, runtime knobs, reset and seller-side revocation.
import { z } from "zod";
import { describeIssue, jsonReply, type Reply } from "./http";
import { imageRoute } from "./images";
import type { Knobs, KnobsPatch } from "./knobs";
import type { Route } from "./router";
import type { DemoSeller } from "./shops";

export type AdminControls = {
  startedAt: number;
  platforms: readonly { id: string; name: string; sellers: readonly DemoSeller[] }[];
  knobs(): Knobs;
  patchSchema: z.ZodType<KnobsPatch>;
  updateKnobs(patch: KnobsPatch): Knobs;
  /** Forgets every code, token, status change and command, and puts the knobs back as the sandbox started. */
  reset(): Promise<void>;
  /** Revokes a seller's tokens on a platform; null when there is no such platform. */
  revokeSeller(platform: string, sellerId: string): number | null;
};

const revokeSchema = z.strictObject({ platform: z.string(), sellerId: z.string() });

function parseJson<T>(schema: z.ZodType<T>, body: string): { ok: true; value: T } | { ok: false; reply: Reply } {
  let value: unknown;
  try {
    value = body ? JSON.parse(body) : {};
  } catch {
    return { ok: false, reply: jsonReply(400, { error: "the body is not valid JSON" }) };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reply: jsonReply(400, { error: "invalid request", issues: parsed.error.issues.map(describeIssue) }) };
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
    {
      method: "POST",
      path: "/_sandbox/revoke",
      handle: (request) => {
        const input = parseJson(revokeSchema, request.body);
        if (!input.ok) return input.reply;
        const revoked = controls.revokeSeller(input.value.platform, input.value.sellerId);
        return revoked === null ? jsonReply(404, { error: `no platform "${input.value.platform}"` }) : jsonReply(200, { revoked });
      },
    },
    imageRoute,
  ];
}
