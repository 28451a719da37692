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
import { useMemo, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { formatCount } from "@/lib/format";
import { DataTableColumnChooser } from "./data-table-column-chooser";
import { DataTableFilters } from "./data-table-filters";
import { DataTablePagination } from "./data-table-pagination";
import {
  activeFilters,
  applyPageSelection,
  canSelectAllMatching,
  clearFiltersPatch,
  columnSortCodec,
  DEFAULT_PAGE_SIZES,
  defaultVisibility,
  filterKey,
  isRowSelected,
  NO_SELECTION,
  pageCount,
  pagePatch,
  pageSizePatch,
  parseVisibleColumns,
  selectionCount,
  serializeVisibleColumns,
  TABLE_PARAMS,
  type ColumnVisibilityOptions,
  type FilterDefinition,
  type SortCodec,
  type SortRule,
  type TableSelection,
} from "./search-params";
import type {} from "./types";
import { useTableUrl } from "./use-table-url";

export const SELECT_COLUMN_ID = "select";

/** What the action-bar slot receives while rows are selected. */
export type DataTableActionContext = {
  selection: TableSelection;
  /** Rows selected: the ids' count, or the total in "all matching" mode. */
  count: number;
  /** The filter parameters in the URL: in "all matching" mode, the query the selection stands for. */
  filters: Record<string, string>;
  clear: () => void;
};

export type DataTableProps<TData> = {
  /** TanStack column definitions. Sorting is opt-in per column (`enableSorting: true`): the server decides what sorts. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own signature; columns differ in value type.
  columns: ColumnDef<TData, any>[];
  /** The current page's rows, as the server page loaded them. */
  rows: TData[];
  /** Rows matching the filters, across all pages. */
  total: number;
  /** 1-based page and page size, parsed from the URL by the server page. */
  page: number;
  pageSize: number;
  /** Sizes offered in the footer (default 10/25/50/100). */
  pageSizes?: readonly number[];
  /** The size the server uses without `pageSize=`; that size is left out of the URL. Default: 25, or the first size. */
  defaultPageSize?: number;
  /** The sort in effect, parsed from the URL by the server page (with the same codec). */
  sorting?: SortRule[];
  /** How `sort=` is written. Default: `columnSortCodec` without a default (`sort=id.asc,id2.desc`). */
  sortCodec?: SortCodec;
  /** Allow shift-click to sort by several columns. */
  multiSort?: boolean;
  /** Filter controls in the toolbar; each owns its URL parameter(s). */
  filters?: readonly FilterDefinition[];
  /** Show the column chooser; visible columns are kept in `cols=` (view-only, no server round trip). */
  columnChooser?: boolean;
  /** A stable id per row, required for selection. Default: the row's `id` property, else its index. */
  getRowId?: (row: TData, index: number) => string;
  /** Adds a checkbox column, the "select all N matching" banner and the action bar. */
  selectable?: boolean;
  /** Names a row for its checkbox ("Select {label}"). */
  getRowLabel?: (row: TData) => string;
  /** Bulk actions for the current selection, shown above the table while rows are selected. */
  actionBar?: (context: DataTableActionContext) => ReactNode;
  /** Buttons at the end of the toolbar (export, create, …). */
  toolbarActions?: ReactNode;
  /** Shown when no rows exist at all; a "no matches" message with a reset button is shown when filters are set. */
  emptyState?: ReactNode;
  /** The table's accessible name (a visually hidden caption). */
  caption: string;
  /** Prefix of every data-testid (default "data-table"). */
  testId?: string;
};

const defaultSortCodec = columnSortCodec({ sortable: [] });

function defaultRowId(row: unknown, index: number): string {
  const id = typeof row === "object" && row !== null ? (row as { id?: unknown }).id : undefined;
  return typeof id === "string" || typeof id === "number" ? String(id) : String(index);
}

function columnDefId<TData>(column: ColumnDef<TData, unknown>): string | undefined {
  if (column.id) return column.id;
  return "accessorKey" in column && column.accessorKey !== undefined ? String(column.accessorKey) : undefined;
}

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

function selectionColumn<TData>(testId: string, getRowLabel?: (row: TData) => string): ColumnDef<TData, unknown> {
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
 * A server-driven table: the URL query string holds page, page size, sort, filters and visible columns; every control
 * pushes a new URL and the server page renders the rows for it. See README.md in this folder.
 */
export function DataTable<TData>({
  columns,
  rows,
  total,
  page,
  pageSize,
  pageSizes = DEFAULT_PAGE_SIZES,
  defaultPageSize = pageSizes.includes(25) ? 25 : (pageSizes[0] ?? pageSize),
  sorting = [],
  sortCodec = defaultSortCodec,
  multiSort = false,
  filters = [],
  columnChooser = false,
  getRowId = defaultRowId,
  selectable = false,
  getRowLabel,
  actionBar,
  toolbarActions,
  emptyState,
  caption,
  testId = "data-table",
}: DataTableProps<TData>) {
  const { searchParams, navigate, replaceView, isPending } = useTableUrl();

  const allColumns = useMemo(() => (selectable ? [selectionColumn(testId, getRowLabel), ...columns] : columns), [columns, getRowLabel, selectable, testId]);

  const visibilityOptions = useMemo<ColumnVisibilityOptions>(() => {
    const ids: string[] = [];
    const defaultHidden: string[] = [];
    const alwaysVisible: string[] = [];
    for (const column of allColumns) {
      const id = columnDefId(column);
      if (!id) continue;
      ids.push(id);
      if (column.meta?.defaultHidden) defaultHidden.push(id);
      if (column.enableHiding === false) alwaysVisible.push(id);
    }
    return { columns: ids, defaultHidden, alwaysVisible };
  }, [allColumns]);

  const colsParam = searchParams.get(TABLE_PARAMS.columns);
  // The router applies a history.replaceState a moment later: show the toggle at once, until the URL moves.
  const [pendingVisibility, setPendingVisibility] = useState<{ base: string | null; visibility: VisibilityState } | null>(null);
  const columnVisibility: VisibilityState = !columnChooser
    ? defaultVisibility(visibilityOptions)
    : pendingVisibility && pendingVisibility.base === colsParam
      ? pendingVisibility.visibility
      : parseVisibleColumns(colsParam, visibilityOptions);

  // Selection belongs to one set of filters: a filter change starts over, a page or sort change keeps it.
  const currentFilterKey = filterKey(searchParams, filters);
  const [selectionState, setSelectionState] = useState<{ key: string; selection: TableSelection }>({ key: currentFilterKey, selection: NO_SELECTION });
  const stored = selectionState.key === currentFilterKey ? selectionState.selection : NO_SELECTION;
  const selection: TableSelection = stored.mode === "all-matching" ? { mode: "all-matching", total } : stored;
  const setSelection = (next: TableSelection) => setSelectionState({ key: currentFilterKey, selection: next });
  const clearSelection = () => setSelection(NO_SELECTION);

  const pageIds = rows.map((row, index) => getRowId(row, index));
  const rowSelection: RowSelectionState = Object.fromEntries(pageIds.filter((id) => isRowSelected(selection, id)).map((id) => [id, true]));
  const filtersActive = Object.keys(activeFilters(searchParams, filters)).length > 0;

  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    navigate({ [TABLE_PARAMS.sort]: sortCodec.serialize(resolve(updater, sorting)) }, { resetPage: true });
  };
  const onColumnVisibilityChange: OnChangeFn<VisibilityState> = (updater) => {
    const next = resolve(updater, columnVisibility);
    setPendingVisibility({ base: colsParam, visibility: next });
    replaceView({ [TABLE_PARAMS.columns]: serializeVisibleColumns(next, visibilityOptions) });
  };
  const onRowSelectionChange: OnChangeFn<RowSelectionState> = (updater) => {
    const next = resolve(updater, rowSelection);
    setSelection(applyPageSelection(selection, pageIds, pageIds.filter((id) => next[id])));
  };

  // TanStack returns a mutable table object; this project does not run the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: allColumns,
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
    onColumnVisibilityChange,
    onRowSelectionChange,
  });

  const count = selectionCount(selection);
  const visibleColumnCount = table.getVisibleLeafColumns().length;
  const commitFilter = (patch: Parameters<typeof navigate>[0]) => navigate(patch, { resetPage: true });

  return (
    <div className="rounded-lg bg-white shadow-xs ring-1 ring-slate-200" data-testid={`${testId}-root`}>
      {filters.length || columnChooser || toolbarActions ? (
        <div role="search" aria-label={`Filter ${caption}`} className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-4 py-3" data-testid={`${testId}-toolbar`}>
          <DataTableFilters filters={filters} searchParams={searchParams} commit={commitFilter} testId={testId} />
          {filtersActive ? (
            <button type="button" className={`${buttonClass("ghost")} h-9`} data-testid={`${testId}-reset`} onClick={() => commitFilter(clearFiltersPatch(filters))}>
              Reset filters
            </button>
          ) : null}
          <div className="ml-auto flex items-end gap-2">
            {toolbarActions}
            {columnChooser ? <DataTableColumnChooser columns={table.getAllLeafColumns()} onToggle={(id, visible) => table.getColumn(id)?.toggleVisibility(visible)} testId={testId} /> : null}
          </div>
        </div>
      ) : null}

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
                      <button type="button" className={buttonClass("secondary", "sm")} onClick={() => commitFilter(clearFiltersPatch(filters))}>
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
    </div>
  );
}
