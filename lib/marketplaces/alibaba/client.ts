// Calls to ICBU's business APIs: `/rest{path}` on the IOP gateway, signed with the path, on behalf of one supplier
// (../iop/client.ts does the signing and reads the refusals).
import type { z } from "zod";
import { iopClient, type Params } from "../iop/client";
import type { AppConfig } from "../platform";

export type IcbuApi = <T extends z.ZodType>(apiPath: string, params: Params, schema: T, what: string) => Promise<z.infer<T>>;

/** `accessToken` is asked before every call, so a refresh is picked up. */
export function icbuApi(app: AppConfig, accessToken: () => Promise<string>): IcbuApi {
  const client = iopClient("alibaba", app);
  return async (apiPath, params, schema, what) => client.rest(apiPath, params, schema, what, await accessToken());
}
