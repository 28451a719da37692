// The alliance (精选联盟) side uses the Douyin Open Platform's OAuth, not Doudian's signature: an app-level
// client token from `POST /oauth/client_token/` (client_key, client_secret, grant_type=client_credential, as
// a form or JSON), two hours long, answered in that platform's `{data: {error_code, description, …},
// message}` envelope (shared docs §4.5).
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { formObject, jsonReply, type Reply, type SandboxRequest } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";

const CLIENT_TOKEN_TTL_SECONDS = 2 * 60 * 60;

const schema = z.object({ client_key: z.string().min(1), client_secret: z.string().min(1), grant_type: z.literal("client_credential") });

// 10013 is the code clients see for a wrong client_key or secret; the parameter code is the platform's
// generic one for a malformed request.
const failure = (errorCode: number, description: string) => jsonReply(200, { data: { error_code: errorCode, description }, message: "error" });

function body(request: SandboxRequest): unknown {
  if (String(request.headers["content-type"] ?? "").includes("json")) {
    try {
      return JSON.parse(request.body);
    } catch {
      return null;
    }
  }
  return formObject(request.body);
}

function clientToken(context: PlatformContext, request: SandboxRequest): Reply {
  const input = schema.safeParse(body(request));
  if (!input.success) return failure(10002, "参数错误");
  if (input.data.client_key !== context.app.appKey || input.data.client_secret !== context.app.appSecret) return failure(10013, "client_key 或 client_secret 错误");
  const expiresIn = Math.max(1, Math.round(CLIENT_TOKEN_TTL_SECONDS * context.knobs().tokenTtlScale));
  return jsonReply(200, { data: { access_token: `clt.${randomBytes(24).toString("hex")}`, description: "", error_code: 0, expires_in: expiresIn }, message: "success" });
}

export function allianceRoutes(context: PlatformContext): Route[] {
  return [{ method: "POST", path: "/oauth/client_token", handle: (request) => clientToken(context, request) }];
}
