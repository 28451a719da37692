// GET /sale/categories (roots, or children of `parent.id`), one category, and its parameters.
import { z } from "zod";
import type { Category } from "../catalog";
import { jsonReply } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import { apiErrors, validationErrors } from "./errors";
import { categoryParameter } from "./parameters";
import { MEDIA_TYPE } from "./profile";
import { forUser } from "./session";

const listQuerySchema = z.object({ "parent.id": z.string().min(1).optional() });

function categoryAnswer(category: Category) {
  return {
    id: category.id,
    name: category.name.en,
    leaf: category.leaf,
    // A root has no parent; the description admits no null, so the field is left out.
    parent: category.parentId ? { id: category.parentId } : undefined,
    options: {
      advertisement: false,
      advertisementPriceOptional: false,
      variantsByColorPatternAllowed: true,
      offersWithProductPublicationEnabled: false,
      productCreationEnabled: false,
      customParametersEnabled: true,
    },
  };
}

const notFound = (id: string) => apiErrors(404, { code: "NotFoundException", message: `Category ${id} not found`, userMessage: "The category does not exist." });

export function categoryRoutes(context: PlatformContext): Route[] {
  return [
    {
      method: "GET",
      path: "/sale/categories",
      handle: forUser(context, null, (request, { catalog }) => {
        const query = listQuerySchema.safeParse(request.query);
        if (!query.success) return validationErrors(400, query.error);
        const parentId = query.data["parent.id"];
        if (!parentId) return jsonReply(200, { categories: catalog.roots.map(categoryAnswer) }, MEDIA_TYPE);
        const parent = catalog.categories.get(parentId);
        if (!parent) return notFound(parentId);
        return jsonReply(200, { categories: parent.childIds.map((id) => categoryAnswer(catalog.categories.get(id)!)) }, MEDIA_TYPE);
      }),
    },
    {
      method: "GET",
      path: "/sale/categories/:categoryId",
      handle: forUser(context, null, (request, { catalog }) => {
        const category = catalog.categories.get(request.params.categoryId!);
        return category ? jsonReply(200, categoryAnswer(category), MEDIA_TYPE) : notFound(request.params.categoryId!);
      }),
    },
    {
      method: "GET",
      path: "/sale/categories/:categoryId/parameters",
      handle: forUser(context, null, (request, { catalog }) => {
        const category = catalog.categories.get(request.params.categoryId!);
        if (!category) return notFound(request.params.categoryId!);
        return jsonReply(200, { parameters: (catalog.attributes.get(category.id) ?? []).map(categoryParameter) }, MEDIA_TYPE);
      }),
    },
  ];
}
