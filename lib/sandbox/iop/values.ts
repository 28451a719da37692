// How both IOP platforms write values on the wire: times as `yyyy-MM-dd HH:mm:ss`, complex parameters as a JSON
// string in one form field, numeric value ids, and one refusal for a parameter that does not parse.
import { z } from "zod";
import type { Catalog, Product } from "../catalog";
import { describeIssue } from "../http";
import { refuse, type IopResult } from "./envelope";

// The platforms write local time without a zone; the sandbox takes China Standard Time (UTC+8), where both are run [INFER].
const UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

export function chinaTime(ms: number): string {
  return new Date(ms + UTC_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** A `yyyy-MM-dd HH:mm:ss` parameter, read as milliseconds since the epoch. */
export const chinaTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, "must be written yyyy-MM-dd HH:mm:ss")
  .transform((text) => Date.parse(`${text.replace(" ", "T")}Z`) - UTC_OFFSET_MS)
  .refine((ms) => !Number.isNaN(ms), "is not a date");

/**
 * Whether a modification time lies between two `yyyy-MM-dd HH:mm:ss` bounds, both included. The platforms keep times
 * to the second, as they write them: a product shown as modified at 12:00:07 is within a bound of 12:00:07.
 */
export function modifiedWithin(modifiedAt: number, from: number | undefined, to: number | undefined): boolean {
  const second = Math.floor(modifiedAt / 1000) * 1000;
  return (from === undefined || second >= from) && (to === undefined || second <= to);
}

/** A form field holding JSON, e.g. `product_get_request={"productId":"…"}`, checked against `schema`. */
export function jsonParam<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "is not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** The catalog's enum value ids (`<attribute id>_<n>`) as the platforms number them: one number. */
export function numericValueId(valueId: string): string {
  const [attributeId, n = "0"] = valueId.split("_");
  return `${attributeId}${n.padStart(2, "0")}`;
}

/** A product's values one by one, each with its attribute and, for an enum, the option chosen. */
export function productValues(catalog: Catalog, product: Product) {
  return (catalog.attributes.get(product.categoryId) ?? []).flatMap((attribute) =>
    (product.values[attribute.id] ?? []).map((value) => ({ attribute, value, option: attribute.values?.find((candidate) => candidate.id === value) })),
  );
}

/** The gateway's answer to a parameter that does not parse or is out of range [INFER: the code is the sandbox's choice]. */
export function invalidParameter(error: z.ZodError): IopResult {
  const { path, message } = describeIssue(error.issues[0]!);
  const text = path ? `${path} ${message}` : message;
  return refuse("InvalidParameter", `The parameter is invalid: ${text}`, { subCode: "isv.invalid-parameter", subMessage: text });
}
