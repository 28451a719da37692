// Calls to AliExpress's seller APIs: `/sync?method=` on the IOP gateway (TOP protocol: the access token as `session`,
// the signature over the parameters alone), on behalf of one store (../iop/client.ts signs and reads refusals).
import type { z } from "zod";
import { iopClient, type Params } from "../iop/client";
import type { AppConfig } from "../platform";

export type AeApi = <T extends z.ZodType>(method: string, params: Params, schema: T, what: string) => Promise<z.infer<T>>;

/** `accessToken` is asked before every call, so a refresh is picked up. */
export function aeApi(app: AppConfig, accessToken: () => Promise<string>): AeApi {
  const client = iopClient("aliexpress", app);
  return async (method, params, schema, what) => client.sync(method, params, schema, what, await accessToken());
}
