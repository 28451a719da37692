// The shapes every IOP answer shares (shared docs/marketplaces.md §1.5, §3.4): the two failure envelopes and the
// token answer of `/auth/token/create` and `/auth/token/refresh`. Ids come as numbers or strings and leave as strings.
import { z } from "zod";

export const id = z.union([z.string().min(1), z.number()]).transform(String);

/** A count the platforms write as a number or, in some answers, as a string of digits. */
export const count = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]);

/** `/rest` (GOP): `{type, code, message, request_id}`, where a code other than "0" is a refusal. */
export const restFailureSchema = z.object({
  code: z.union([z.string(), z.number()]).transform(String).refine((code) => code !== "0"),
  type: z.string().nullish(),
  message: z.string().nullish(),
  request_id: z.string().nullish(),
});

/** `/sync` (TOP): `{error_response: {code, msg, sub_code, sub_msg, request_id}}`. */
export const syncFailureSchema = z.object({
  error_response: z.object({
    code: z.union([z.string(), z.number()]).transform(String),
    type: z.string().nullish(),
    msg: z.string().nullish(),
    sub_code: z.string().nullish(),
    sub_msg: z.string().nullish(),
    request_id: z.string().nullish(),
  }),
});

export const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  /** Seconds. */
  expires_in: count,
  refresh_expires_in: count,
  account: z.string().nullish(),
  account_id: id.nullish(),
  user_id: id.nullish(),
  seller_id: id.nullish(),
});

export type TokenAnswer = z.infer<typeof tokenAnswerSchema>;
