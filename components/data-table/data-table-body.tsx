"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { use, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { formatCount } from "@/lib/format";
import { DataTablePagination } from "./data-table-pagination";
import {
  activeFilters,
  applyPageSelection,
  canSelectAllMatching,
  filterKey,
  isRowSelected,
  NO_SELECTION,
  pageCount,
  pagePatch,
  pageSizePatch,
  selectionCount,
  TABLE_PARAMS,
  type FilterDefinition,
  type SortCodec,
  type SortRule,
  type TableSelection,
} from "./search-params";
import type {} from "./types";
import type { useTableUrl } from "./use-table-url";

const SELECT_COLUMN_ID = "select";

/** One page of rows as the server loaded it. */
export type DataTablePage<TData> = {
  rows: TData[];
  /** Rows matching the filters, across all pages. */
  total: number;
  /** 1-based page and page size the rows are from (the server may have moved a page past the end to the last one). */
  page: number;
  pageSize: number;
  /** Shown above the rows: what the server changed about the request, say. */
  notice?: ReactNode;
};

/** What the table shows under its toolbar: a page of rows, or why there are none (a failed load) in their place. */
export type DataTableData<TData> = DataTablePage<TData> | { failure: ReactNode };

/** What the action-bar slot receives while rows are selected. */
export type DataTableActionContext = {
  selection: TableSelection;
  /** Rows selected: the ids' count, or the total in "all matching" mode. */
  count: number;
  /** The filter parameters in the URL: in "all matching" mode, the query the selection stands for. */
  filters: Record<string, string>;
  clear: () => void;
};

/** What the body shares with the toolbar above it: the URL, the columns and which of them show. */
export type DataTableBodyProps<TData> = {
  data: DataTableData<TData> | PromiseLike<DataTableData<TData>>;
  url: ReturnType<typeof useTableUrl>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own signature; columns differ in value type.
  columns: ColumnDef<TData, any>[];
  columnVisibility: VisibilityState;
  pageSizes: readonly number[];
  defaultPageSize: number;
  sorting: SortRule[];
  sortCodec: SortCodec;
  multiSort: boolean;
  filters: readonly FilterDefinition[];
  /** Whether the URL sets any filter, and how to clear them all: the toolbar's Reset does the same. */
  filtersActive: boolean;
  resetFilters: () => void;
  getRowId: (row: TData, index: number) => string;
  selectable: boolean;
  actionBar?: (context: DataTableActionContext) => ReactNode;
  emptyState?: ReactNode;
  caption: string;
  testId: string;
};

const isThenable = <T,>(value: T | PromiseLike<T>): value is PromiseLike<T> => typeof (value as PromiseLike<T>).then === "function";

function resolve<T>(updater: T | ((old: T) => T), old: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(old) : updater;
}

function Checkbox({ checked, indeterminate = false, label, onChange, testId }: { checked: boolean; indeterminate?: boolean; label: string; onChange: (checked: boolean) => void; testId: string }) {
  return (
    <input
      type="checkbox"
      className="size-4 cursor-pointer rounded border-slate-300 align-middle accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
      checked={checked}
      ref={(element) => {
        if (element) element.indeterminate = indeterminate;
      }}
      aria-label={label}
      data-testid={testId}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}

export function selectionColumn<TData>(testId: string, getRowLabel?: (row: TData) => string): ColumnDef<TData, unknown> {
  return {
    id: SELECT_COLUMN_ID,
    enableSorting: false,
    enableHiding: false,
    meta: { label: "Select", className: "w-10" },
    header: ({ table }) => (
      <Checkbox
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected()}
        label="Select all rows on this page"
        testId={`${testId}-select-page`}
        onChange={(checked) => table.toggleAllPageRowsSelected(checked)}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        checked={row.getIsSelected()}
        label={getRowLabel ? `Select ${getRowLabel(row.original)}` : `Select row ${row.index + 1}`}
        testId={`${testId}-select-row`}
        onChange={(checked) => row.toggleSelected(checked)}
      />
    ),
  };
}

function SortIndicator({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <span aria-hidden className={direction ? "text-slate-700" : "text-slate-300 group-hover:text-slate-400"}>
      {direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}
    </span>
  );
}

/**
 * The part of the table that waits for the server's rows. Given a promise, it suspends until the rows arrive; on a
 * later navigation the rows on screen stay (dimmed) until the new ones are there.
 */
export function DataTableBody<TData>({ data, ...props }: DataTableBodyProps<TData>) {
  const loaded = isThenable(data) ? use(data) : data;
  if ("failure" in loaded) return <div className="p-4">{loaded.failure}</div>;
  return <DataTableRows {...props} loaded={loaded} />;
}

function DataTableRows<TData>({
  loaded: { rows, total, page, pageSize, notice },
  url: { searchParams, navigate, isPending },
  columns,
  columnVisibility,
  pageSizes,
  defaultPageSize,
  sorting,
  sortCodec,
  multiSort,
  filters,
  filtersActive,
  resetFilters,
  getRowId,
  selectable,
  actionBar,
  emptyState,
  caption,
  testId,
}: Omit<DataTableBodyProps<TData>, "data"> & { loaded: DataTablePage<TData> }) {
  // Selection belongs to one set of filters: a filter change starts over, a page or sort change keeps it.
  const currentFilterKey = filterKey(searchParams, filters);
  const [selectionState, setSelectionState] = useState<{ key: string; selection: TableSelection }>({ key: currentFilterKey, selection: NO_SELECTION });
  const stored = selectionState.key === currentFilterKey ? selectionState.selection : NO_SELECTION;
  const selection: TableSelection = stored.mode === "all-matching" ? { mode: "all-matching", total } : stored;
  const setSelection = (next: TableSelection) => setSelectionState({ key: currentFilterKey, selection: next });
  const clearSelection = () => setSelection(NO_SELECTION);

  const pageIds = rows.map((row, index) => getRowId(row, index));
  const rowSelection: RowSelectionState = Object.fromEntries(pageIds.filter((id) => isRowSelected(selection, id)).map((id) => [id, true]));

  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    navigate({ [TABLE_PARAMS.sort]: sortCodec.serialize(resolve(updater, sorting)) }, { resetPage: true });
  };
  const onRowSelectionChange: OnChangeFn<RowSelectionState> = (updater) => {
    const next = resolve(updater, rowSelection);
    setSelection(applyPageSelection(selection, pageIds, pageIds.filter((id) => next[id])));
  };

  // TanStack returns a mutable table object; this project does not run the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    rowCount: total,
    pageCount: pageCount(total, pageSize),
    defaultColumn: { enableSorting: false },
    enableMultiSort: multiSort,
    enableRowSelection: selectable,
    state: { sorting, columnVisibility, rowSelection, pagination: { pageIndex: page - 1, pageSize } },
    onSortingChange,
    onRowSelectionChange,
  });

  const count = selectionCount(selection);
  const visibleColumnCount = table.getVisibleLeafColumns().length;

  return (
    <>
      {notice ? <div className="border-b border-slate-100 px-4 py-3">{notice}</div> : null}
      {selectable && count > 0 ? (
        <div
          role="region"
          aria-label="Selected rows"
          className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-brand-100 bg-brand-50 px-4 py-2 text-sm text-brand-700"
          data-testid={`${testId}-selection`}
        >
          <p aria-live="polite">
            {selection.mode === "all-matching" ? (
              <>All {formatCount(total)} matching rows are selected.</>
            ) : (
              <>
                {formatCount(count)} {count === 1 ? "row" : "rows"} selected
                {canSelectAllMatching(selection, pageIds, total) ? (
                  <>
                    {" "}
                    (this page).{" "}
                    <button
                      type="button"
                      className="rounded font-medium underline underline-offset-2 hover:text-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
                      data-testid={`${testId}-select-all-matching`}
                      onClick={() => setSelection({ mode: "all-matching", total })}
                    >
                      Select all {formatCount(total)} matching
                    </button>
                  </>
                ) : (
                  "."
                )}
              </>
            )}
          </p>
          <div className="ml-auto flex flex-wrap items-center gap-2">
            {actionBar?.({ selection, count, filters: activeFilters(searchParams, filters), clear: clearSelection })}
            <button type="button" className={buttonClass("ghost", "sm")} data-testid={`${testId}-clear-selection`} onClick={clearSelection}>
              Clear selection
            </button>
          </div>
        </div>
      ) : null}

      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-busy={isPending || undefined} data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const canSort = header.column.getCanSort();
                  const direction = header.column.getIsSorted();
                  const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan}
                      aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : canSort ? "none" : undefined}
                      className={`px-3 py-2.5 font-medium whitespace-nowrap ${header.column.columnDef.meta?.className ?? ""}`}
                      data-testid={`${testId}-header-${header.column.id}`}
                    >
                      {canSort ? (
                        <button
                          type="button"
                          className="group -mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {content}
                          <SortIndicator direction={direction} />
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={`divide-y divide-slate-100 transition-opacity ${isPending ? "opacity-60" : ""}`}>
            {rows.length ? (
              table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  className={row.getIsSelected() ? "bg-brand-50/60" : "hover:bg-slate-50"}
                  data-state={row.getIsSelected() ? "selected" : undefined}
                  data-row-id={row.id}
                  data-testid={`${testId}-row`}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={`px-3 py-3 align-top ${cell.column.columnDef.meta?.className ?? ""}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            ) : (
              <tr>
                <td colSpan={visibleColumnCount} className="px-4 py-12 text-center text-sm text-slate-500" data-testid={`${testId}-empty`}>
                  {total > 0 ? (
                    <div className="space-y-3">
                      <p>This page is past the end of the results.</p>
                      <button type="button" className={buttonClass("secondary", "sm")} onClick={() => navigate(pagePatch(pageCount(total, pageSize)))}>
                        Go to the last page
                      </button>
                    </div>
                  ) : filtersActive ? (
                    <div className="space-y-3">
                      <p>No rows match these filters.</p>
                      <button type="button" className={buttonClass("secondary", "sm")} onClick={resetFilters}>
                        Reset filters
                      </button>
                    </div>
                  ) : (
                    (emptyState ?? <p>Nothing here yet.</p>)
                  )}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <DataTablePagination
        page={page}
        pageSize={pageSize}
        total={total}
        pageSizes={pageSizes}
        testId={testId}
        onPage={(target) => navigate(pagePatch(target))}
        onPageSize={(size) => navigate(pageSizePatch(page, pageSize, size, defaultPageSize))}
      />
    </>
  );
}
