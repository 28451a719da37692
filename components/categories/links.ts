// Where the category pages point, from the shop's base path (`/t/<team>/shops/<account>`).

/** The tree, opened at a category when one is given. */
export const treeHref = (base: string, categoryId?: string) => `${base}/categories${categoryId ? `?${new URLSearchParams({ category: categoryId })}` : ""}`;

export const schemaHref = (base: string, categoryId: string) => `${base}/categories/${encodeURIComponent(categoryId)}`;

export const productsInCategoryHref = (base: string, categoryId: string) => `${base}/products?${new URLSearchParams({ category: categoryId })}`;

/** The categories routes of one shop. */
export const categoriesApi = (team: string, accountId: string) => `/api/teams/${team}/shops/${encodeURIComponent(accountId)}/categories`;
