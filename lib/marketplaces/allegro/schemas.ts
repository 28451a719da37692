// The shapes of Allegro's answers the portal reads (allegro-openapi.yaml), and nothing more: unknown fields
// are dropped, optional ones may be absent or null. Ids are strings in the spec, but any id is accepted as a
// string or a number and normalized to a string.
import { z } from "zod";

const id = z.union([z.string().min(1), z.number()]).transform(String);
const optionalText = z.string().nullish();

/** `{error, error_description}`: the OAuth server, and 401 answers of the API. */
export const authErrorSchema = z.object({ error: z.string(), error_description: optionalText });

/** `{errors: [...]}`: every other API refusal. */
const errorSchema = z.object({ code: z.string(), message: optionalText, userMessage: optionalText });
export const errorsHolderSchema = z.object({ errors: z.array(errorSchema).min(1) });
export type AllegroError = z.infer<typeof errorSchema>;

export const tokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().min(0),
  scope: z.string().optional(),
});

export const meSchema = z.object({ id, login: z.string() });

const price = z.object({ amount: z.union([z.string(), z.number()]).transform(String), currency: z.string() });

const listedOfferSchema = z.object({
  id,
  name: z.string(),
  category: z.object({ id }).nullish(),
  primaryImage: z.object({ url: z.string() }).nullish(),
  sellingMode: z.object({ price: price.nullish() }).nullish(),
  stock: z.object({ available: z.number().nullish() }).nullish(),
  // A string, not the four documented values: a status added later is shown as it comes.
  publication: z.object({ status: z.string() }),
});
export type ListedOffer = z.infer<typeof listedOfferSchema>;

export const offersPageSchema = z.object({ offers: z.array(listedOfferSchema), totalCount: z.number().int().min(0) });

const offerParameterSchema = z.object({
  id,
  values: z.array(z.string()).nullish(),
  valuesIds: z.array(z.string()).nullish(),
  rangeValue: z.object({ from: z.string(), to: z.string() }).nullish(),
});
export type OfferParameter = z.infer<typeof offerParameterSchema>;

export const offerSchema = z.object({
  ...listedOfferSchema.omit({ primaryImage: true }).shape,
  category: z.object({ id }),
  images: z.array(z.object({ url: z.string() })).nullish(),
  parameters: z.array(offerParameterSchema).nullish(),
  updatedAt: optionalText,
});
export type Offer = z.infer<typeof offerSchema>;

export const categorySchema = z.object({ id, name: z.string(), leaf: z.boolean(), parent: z.object({ id }).nullish() });
export type AllegroCategory = z.infer<typeof categorySchema>;

export const categoriesSchema = z.object({ categories: z.array(categorySchema) });

const valueIds = z.array(z.string()).nullish();

const categoryParameterSchema = z.object({
  id,
  name: z.string(),
  type: z.string(),
  required: z.boolean().nullish(),
  unit: optionalText,
  options: z
    .object({ dependsOnParameterId: id.nullish(), requiredDependsOnValueIds: valueIds, displayDependsOnValueIds: valueIds })
    .nullish(),
  restrictions: z.object({ multipleChoices: z.boolean().nullish(), range: z.boolean().nullish() }).nullish(),
  dictionary: z.array(z.object({ id, value: z.string() })).nullish(),
});
export type CategoryParameter = z.infer<typeof categoryParameterSchema>;

export const categoryParametersSchema = z.object({ parameters: z.array(categoryParameterSchema) });

export const commandReportSchema = z.object({ id });

const taskSchema = z.object({
  offer: z.object({ id }),
  status: z.string(),
  message: optionalText,
  errors: z.array(errorSchema).nullish(),
});
export type CommandTask = z.infer<typeof taskSchema>;

export const taskReportSchema = z.object({ tasks: z.array(taskSchema) });
