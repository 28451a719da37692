"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useSearchParams } from "next/navigation";
import { useMemo, type ReactNode } from "react";
import { DataTable, type DataTableData } from "@/components/data-table/data-table";
import { columnSortCodec, type FilterDefinition, type SortRule } from "@/components/data-table/search-params";
import { BulkStatusActions, type BulkStatusOptions } from "@/components/jobs/bulk-status-actions";
import { productHref } from "@/components/products/product-links";
import { DateTime } from "@/components/ui/date-time";
import { ListLink } from "@/components/ui/list-link";
import { formatCount } from "@/lib/format";
import { unlistedFields, type ProductListField, type ProductSummary } from "@/lib/marketplaces/types";
import { StatusBadge } from "./status-badge";

const muted = <span className="text-slate-400">—</span>;

/** Every column has an id: the URL's column choice, the sorts and the platform's list fields name them by it. */
type ProductColumn = ColumnDef<ProductSummary, unknown> & { id: string };

function columns(productHref: (id: string) => string): ProductColumn[] {
  return [
    {
      id: "image",
      header: "Image",
      meta: { label: "Image" },
      cell: ({ row }) =>
        row.original.imageUrl ? (
          // Platform CDNs vary and images are thumbnails: a plain img keeps them off the portal's image optimizer.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={row.original.imageUrl} alt="" loading="lazy" className="size-10 rounded-sm bg-slate-100 object-cover ring-1 ring-slate-200" />
        ) : (
          <span className="block size-10 rounded-sm bg-slate-100" />
        ),
    },
    {
      id: "title",
      accessorKey: "title",
      header: "Title",
      enableSorting: true,
      enableHiding: false,
      meta: { label: "Title", className: "min-w-52" },
      cell: ({ row }) => (
        <div>
          <ListLink href={productHref(row.original.id)} className="font-medium text-slate-900 hover:text-brand-700 hover:underline" data-testid="product-link">
            {row.original.title}
          </ListLink>
          {row.original.altTitle ? <div className="text-xs text-slate-500">{row.original.altTitle}</div> : null}
        </div>
      ),
    },
    { id: "id", header: "Product id", meta: { label: "Product id" }, cell: ({ row }) => <span className="font-mono text-xs text-slate-600">{row.original.id}</span> },
    { id: "status", header: "Status", meta: { label: "Status", className: "min-w-36" }, cell: ({ row }) => <StatusBadge status={row.original.status} native={row.original.native} /> },
    {
      id: "category",
      header: "Category",
      meta: { label: "Category", defaultHidden: true },
      cell: ({ row }) => (row.original.categoryId ? <span className="font-mono text-xs text-slate-600">{row.original.categoryId}</span> : muted),
    },
    {
      id: "price",
      header: "Price",
      meta: { label: "Price", className: "text-right whitespace-nowrap" },
      cell: ({ row }) => (row.original.price ? <span className="tabular-nums">{`${row.original.price.amount} ${row.original.price.currency}`}</span> : muted),
    },
    {
      id: "stock",
      header: "Stock",
      meta: { label: "Stock", className: "text-right" },
      cell: ({ row }) => (row.original.stock !== undefined ? <span className="tabular-nums">{row.original.stock}</span> : muted),
    },
    {
      id: "modified",
      accessorKey: "modifiedAt",
      header: "Modified",
      enableSorting: true,
      sortDescFirst: true,
      meta: { label: "Modified", className: "whitespace-nowrap" },
      cell: ({ row }) => (row.original.modifiedAt ? <DateTime iso={row.original.modifiedAt} format="dateTime" /> : muted),
    },
  ];
}

export type ProductsTableProps = {
  /** The page of products, or the problem in its place; the toolbar shows while it loads. */
  data: PromiseLike<DataTableData<ProductSummary>>;
  pageSizes: readonly number[];
  defaultPageSize: number;
  sorting: SortRule[];
  /** Columns the platform's list sorts both ways; the others do not offer sorting. */
  sortable: string[];
  /** The fields the platform's list carries: a column it always leaves empty is not offered. */
  listFields: readonly ProductListField[];
  filters: FilterDefinition[];
  /** Where a product's detail page is: `${productBase}/${id}`, with `?from=` the table's query. */
  productBase: string;
  toolbarActions?: ReactNode;
  emptyState?: ReactNode;
  /** Bulk display-status buttons for the selection. */
  bulk?: BulkStatusOptions;
};

export function ProductsTable({ data, pageSizes, defaultPageSize, sorting, sortable, listFields, filters, productBase, toolbarActions, emptyState, bulk }: ProductsTableProps) {
  const sortCodec = useMemo(() => columnSortCodec({ sortable }), [sortable]);
  // The detail page's "Back to products" returns to this very page of the table.
  const tableQuery = useSearchParams().toString();
  const tableColumns = useMemo(
    () => {
      // A column for a field the list leaves out would show nothing but dashes.
      const unlisted: readonly string[] = unlistedFields(listFields);
      return columns((id) => productHref(productBase, id, tableQuery))
        .filter((column) => !unlisted.includes(column.id))
        .map((column) => (column.enableSorting && !sortable.includes(column.id) ? { ...column, enableSorting: false } : column));
    },
    [productBase, sortable, listFields, tableQuery],
  );
  return (
    <DataTable
      caption="Products"
      testId="products"
      columns={tableColumns}
      data={data}
      pageSizes={pageSizes}
      defaultPageSize={defaultPageSize}
      sorting={sorting}
      sortCodec={sortCodec}
      filters={filters}
      columnChooser
      selectable
      getRowLabel={(row) => row.title}
      toolbarActions={toolbarActions}
      emptyState={emptyState}
      actionBar={({ count, selection }) => (
        <>
          <span className="text-sm text-slate-700" data-testid="products-action-bar">
            {selection.mode === "all-matching" ? `All ${formatCount(count)} matching products are selected.` : `${formatCount(count)} selected.`}
          </span>
          {bulk ? <BulkStatusActions options={bulk} selection={selection} count={count} /> : null}
        </>
      )}
    />
  );
}
