import type { Metadata } from "next";
import { Suspense } from "react";
import { CategoryBreadcrumbs } from "@/components/categories/category-breadcrumbs";
import { CategorySearch } from "@/components/categories/category-search";
import { CategoryTree } from "@/components/categories/category-tree";
import { FetchedAt } from "@/components/ui/fetched-at";
import { categoriesApi, treeHref } from "@/components/categories/links";
import { CategoryTreeSkeleton } from "@/components/categories/skeletons";
import { ShopProblemView } from "@/components/shops/shop-problem";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { categoryChildren, categoryPath } from "@/lib/shops/catalog-cache";
import { shopPage } from "@/lib/shops/page";
import { attempt, type Shop } from "@/lib/shops/shop";

export const metadata: Metadata = { title: "Categories" };

type Props = {
  params: Promise<{ team: string; account: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CategoriesPage({ params, searchParams }: Props) {
  const [{ team: slug, account: accountId }, search] = await Promise.all([params, searchParams]);
  const { team, shop, base, reconnectHref } = await shopPage(slug, accountId);
  if (!shop.metadata.capabilities.categories) {
    return (
      <Notice title="No category tree" testId="categories-unavailable">
        {shop.metadata.name} offers no category tree the portal can read.
      </Notice>
    );
  }
  const chosen = typeof search.category === "string" && search.category ? search.category : null;
  return (
    <Suspense key={chosen ?? ""} fallback={<CategoryTreeSkeleton />}>
      <CategoryBrowser shop={shop} api={categoriesApi(team.slug, shop.account.id)} base={base} reconnectHref={reconnectHref} chosen={chosen} />
    </Suspense>
  );
}

/** The roots from the cache (fetched on a first visit), opened down to the chosen category when there is one. */
async function readTree(shop: Shop, chosen: string | null) {
  const path = chosen ? await categoryPath(shop, chosen) : null;
  const openAt = (path ?? []).filter((node) => !node.leaf).map((node) => node.id);
  const [roots, ...levels] = await Promise.all([null, ...openAt].map((parentId) => categoryChildren(shop, parentId)));
  return { path, roots: roots!, opened: Object.fromEntries(levels.map((level) => [level.parentId!, level.children])) };
}

async function CategoryBrowser({ shop, api, base, reconnectHref, chosen }: { shop: Shop; api: string; base: string; reconnectHref: string | null; chosen: string | null }) {
  const result = await attempt(shop, () => readTree(shop, chosen));
  if (!result.ok) return <ShopProblemView problem={result.problem} reconnectHref={reconnectHref} testId="categories-problem" />;
  const { path, roots, opened } = result.value;
  const { capabilities, name } = shop.metadata;
  return (
    <Card
      title="Category tree"
      description={`${name}'s categories for ${shop.account.shopName}, kept by the portal until refreshed.`}
      actions={<FetchedAt fetchedAt={roots.fetchedAt} refreshPath={`${api}/refresh`} testId="category" />}
    >
      <div className="space-y-4">
        <CategorySearch api={api} base={base} />
        {chosen && !path ? (
          <Notice tone="warning" title="Category not found" testId="categories-unknown">
            “{chosen.length > 60 ? `${chosen.slice(0, 59)}…` : chosen}” is not a category of {shop.account.shopName} on {name}.{" "}
            <a href={treeHref(base)} className="font-medium underline">
              Show the whole tree
            </a>
          </Notice>
        ) : null}
        {path ? <CategoryBreadcrumbs path={path} base={base} /> : null}
        {roots.children.length ? (
          <CategoryTree
            key={roots.fetchedAt}
            api={api}
            base={base}
            roots={roots.children}
            opened={opened}
            chosenId={path ? chosen : null}
            links={{ schema: capabilities.attributeSchema, products: capabilities.products.categoryFilter }}
          />
        ) : (
          <p className="text-sm text-slate-600" data-testid="categories-empty">
            {name} lists no categories for {shop.account.shopName}.
          </p>
        )}
      </div>
    </Card>
  );
}
