import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { attributeCountText, AttributeSchemaView } from "@/components/categories/attribute-schema";
import { CategoryBreadcrumbs } from "@/components/categories/category-breadcrumbs";
import { FetchedAt } from "@/components/ui/fetched-at";
import { categoriesApi, productsInCategoryHref, treeHref } from "@/components/categories/links";
import { SchemaChangesNotice } from "@/components/categories/schema-changes-notice";
import { AttributeSchemaSkeleton } from "@/components/categories/skeletons";
import { ShopProblemView } from "@/components/shops/shop-problem";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { leafSchema } from "@/lib/shops/catalog-cache";
import { shopPage } from "@/lib/shops/page";
import { attempt, type Shop } from "@/lib/shops/shop";

export const metadata: Metadata = { title: "Attribute schema" };

type Props = { params: Promise<{ team: string; account: string; category: string }> };

export default async function AttributeSchemaPage({ params }: Props) {
  const { team: slug, account: accountId, category } = await params;
  const { team, shop, base, reconnectHref } = await shopPage(slug, accountId);
  const { capabilities, name } = shop.metadata;
  if (!capabilities.categories || !capabilities.attributeSchema) {
    return (
      <Notice title="No attribute schemas" testId="schema-unavailable">
        {name} offers no {capabilities.categories ? "attribute schemas" : "category tree"} the portal can read.
      </Notice>
    );
  }
  return (
    <Suspense key={category} fallback={<AttributeSchemaSkeleton />}>
      <SchemaResult shop={shop} api={categoriesApi(team.slug, shop.account.id)} base={base} categoryId={category} reconnectHref={reconnectHref} />
    </Suspense>
  );
}

async function SchemaResult({ shop, api, base, categoryId, reconnectHref }: { shop: Shop; api: string; base: string; categoryId: string; reconnectHref: string | null }) {
  const result = await attempt(shop, () => leafSchema(shop, categoryId));
  if (!result.ok) return <ShopProblemView problem={result.problem} reconnectHref={reconnectHref} testId="schema-problem" />;
  const lookup = result.value;
  const { name } = shop.metadata;
  if (lookup.kind === "unknown") {
    return (
      <Notice tone="warning" title="Category not found" testId="schema-unknown-category">
        “{categoryId.length > 60 ? `${categoryId.slice(0, 59)}…` : categoryId}” is not a category of {shop.account.shopName} on {name}.{" "}
        <Link href={treeHref(base)} className="font-medium underline">
          Choose one in the tree
        </Link>
      </Notice>
    );
  }
  const leaf = lookup.path.at(-1)!;
  if (lookup.kind === "not_leaf") {
    return (
      <div className="space-y-3">
        <CategoryBreadcrumbs path={lookup.path} base={base} linkLast />
        <Notice tone="warning" title={`${leaf.name} has subcategories`} testId="schema-not-leaf">
          Only leaf categories have an attribute schema on {name}.{" "}
          <Link href={treeHref(base, leaf.id)} className="font-medium underline">
            Open {leaf.name} in the tree
          </Link>{" "}
          to choose one.
        </Notice>
      </div>
    );
  }
  const { attributes } = lookup.schema;
  return (
    <div className="space-y-3">
      <CategoryBreadcrumbs path={lookup.path} base={base} linkLast />
      <SchemaChangesNotice
        changes={lookup.changes}
        platformName={name}
        productsHref={shop.metadata.capabilities.products.categoryFilter ? productsInCategoryHref(base, leaf.id) : undefined}
      />
      <Card
        title={`Attributes of ${leaf.name}`}
        description={`${attributeCountText(attributes)}, as ${name} describes them.`}
        actions={<FetchedAt fetchedAt={lookup.fetchedAt} refreshPath={`${api}/${encodeURIComponent(leaf.id)}/schema/refresh`} testId="schema" />}
      >
        <AttributeSchemaView attributes={attributes} platformName={name} />
      </Card>
    </div>
  );
}
