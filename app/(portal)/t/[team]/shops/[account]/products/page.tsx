import type { Metadata } from "next";
import type { DataTableData } from "@/components/data-table/data-table";
import { QueryProblems } from "@/components/data-table/query-problems";
import { patchSearch, type FilterDefinition } from "@/components/data-table/search-params";
import { parseTableQuery, type QueryProblem } from "@/components/data-table/url-query";
import { bulkStatusOptions } from "@/components/jobs/bulk-options";
import { ProductsTable } from "@/components/shops/products-table";
import { SavedViewsMenu } from "@/components/shops/saved-views-menu";
import { ShopProblemView } from "@/components/shops/shop-problem";
import { STATUS_LABELS } from "@/components/shops/status-badge";
import { can } from "@/lib/auth/permissions";
import { formatAndList, formatOrList } from "@/lib/format";
import { DISPLAY_STATUSES, unlistedFields, type PlatformMetadata, type ProductListField, type ProductSummary } from "@/lib/marketplaces/types";
import { pageShop, shopPage } from "@/lib/shops/page";
import { DEFAULT_PRODUCT_PAGE_SIZE, planProductQuery, PRODUCT_PAGE_SIZES, productUrlQuery, sortableColumns } from "@/lib/shops/product-query";
import { loadProductPage, type LoadedProductPage } from "@/lib/shops/products";
import { listViews } from "@/lib/shops/saved-views";
import { attempt, type Attempt } from "@/lib/shops/shop";

export const metadata: Metadata = { title: "Products" };

type SearchInput = Record<string, string | string[] | undefined>;

type Props = {
  params: Promise<{ team: string; account: string }>;
  searchParams: Promise<SearchInput>;
};

/** The filters this platform's list can apply; the others are named under the toolbar instead of offered. */
function filtersFor(metadata: PlatformMetadata): { filters: FilterDefinition[]; unavailable: string[] } {
  const { products } = metadata.capabilities;
  const filters: FilterDefinition[] = [{ kind: "text", param: "q", label: "Search", placeholder: products.searchById ? "Title or product id" : "Title" }];
  const unavailable: string[] = [];
  if (products.statusFilter) {
    filters.push({ kind: "select", param: "status", label: "Status", allLabel: "Any status", options: DISPLAY_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })) });
  } else unavailable.push("display status");
  if (products.categoryFilter) filters.push({ kind: "text", param: "category", label: "Category", placeholder: "Category id" });
  else unavailable.push("category");
  if (products.modifiedFilter) filters.push({ kind: "date-range", label: "Modified", fromParam: "from", toParam: "to", fromLabel: "Modified from", toLabel: "Modified to" });
  else unavailable.push("modification date");
  return { filters, unavailable };
}

const FIELD_NAMES: Record<ProductListField, string> = { image: "images", category: "categories", price: "prices", stock: "stock", modified: "modification dates" };

/** Above the table: the filters this platform's list cannot apply and the fields it does not carry (a product's own page shows those). */
function ListLimits({ name, unavailableFilters, leftOut }: { name: string; unavailableFilters: string[]; leftOut: string[] }) {
  if (!unavailableFilters.length && !leftOut.length) return null;
  return (
    <p className="text-xs text-slate-500">
      {unavailableFilters.length ? (
        <span data-testid="products-unavailable-filters">
          {name}&apos;s product list cannot be filtered by {formatOrList(unavailableFilters)}.{" "}
        </span>
      ) : null}
      {leftOut.length ? (
        <span data-testid="products-unlisted-fields">
          {unavailableFilters.length ? "It" : `${name}'s product list`} leaves out {formatAndList(leftOut)}: open a product to see them.
        </span>
      ) : null}
    </p>
  );
}

export default async function ProductsPage({ params, searchParams }: Props) {
  const [{ team: slug, account: accountId }, search] = await Promise.all([params, searchParams]);
  const shop = await pageShop(slug, accountId);
  const parsed = parseTableQuery(productUrlQuery, search);
  const { query, problems: planned } = planProductQuery(parsed.query, shop.metadata);
  // A page beyond the platform's window is reported with the rows: the list may turn out shorter than that too.
  const windowProblem = planned.find((problem) => problem.param === "page");
  // The marketplace call starts as soon as the shop is open, so the caller's teams and views are read while it is
  // under way; the table's toolbar is sent before the rows, which follow when the call returns.
  const loading = attempt(shop, () => loadProductPage(shop, query, windowProblem));
  const { user, team, base, reconnectHref } = await shopPage(slug, accountId);
  const views = await listViews({ userId: user.id, team });
  const { filters, unavailable } = filtersFor(shop.metadata);
  const known = [...parsed.problems, ...planned.filter((problem) => problem !== windowProblem)];
  const productsPath = `${base}/products`;
  const data = loading.then((result) => productRows(result, { reconnectHref, cleanHref: (problems) => cleanHref(productsPath, search, [...known, ...problems]) }));
  const [column, direction] = query.sort ? (parsed.query.sort ?? "").split(".") : [];
  const filtered = Boolean(query.search || query.status || query.categoryId || query.modifiedFrom || query.modifiedTo);
  return (
    <div className="space-y-4">
      <ListLimits name={shop.metadata.name} unavailableFilters={unavailable} leftOut={unlistedFields(shop.metadata.capabilities.products.listFields).map((field) => FIELD_NAMES[field])} />
      <QueryProblems problems={known} cleanHref={cleanHref(productsPath, search, known)} testId="products" />
      <ProductsTable
        data={data}
        pageSizes={PRODUCT_PAGE_SIZES}
        defaultPageSize={DEFAULT_PRODUCT_PAGE_SIZE}
        sorting={column ? [{ id: column, desc: direction === "desc" }] : []}
        sortable={sortableColumns(shop.metadata.capabilities.products.sorts)}
        listFields={shop.metadata.capabilities.products.listFields}
        filters={filters}
        productBase={productsPath}
        toolbarActions={<SavedViewsMenu team={team.slug} productsPath={productsPath} canShareWithTeam={can(team.role, "views.team.write")} views={views} />}
        bulk={bulkStatusOptions(team, shop, query)}
        emptyState={
          <p data-testid="products-empty">{filtered ? "No products match these filters." : `${shop.account.shopName} has no products on ${shop.metadata.name} yet.`}</p>
        }
      />
    </div>
  );
}

/** The address without the parameters the page could not use. */
const cleanHref = (path: string, search: SearchInput, problems: readonly QueryProblem[]) =>
  `${path}${patchSearch(search, Object.fromEntries(problems.map((problem) => [problem.param, null])))}`;

/** The table's rows once the platform answered, or the problem to show in their place. */
function productRows(
  result: Attempt<LoadedProductPage>,
  { reconnectHref, cleanHref }: { reconnectHref: string | null; cleanHref: (problems: QueryProblem[]) => string },
): DataTableData<ProductSummary> {
  if (!result.ok) return { failure: <ShopProblemView problem={result.problem} reconnectHref={reconnectHref} testId="products-problem" /> };
  const { page, query, problems } = result.value;
  return {
    rows: page.items,
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    notice: problems.length ? <QueryProblems title="The page asked for cannot be shown:" problems={problems} cleanHref={cleanHref(problems)} testId="products-page" /> : undefined,
  };
}
