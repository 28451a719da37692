"use client";

import type { ColumnDef, VisibilityState } from "@tanstack/react-table";
import { Suspense, useMemo, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { DataTableBody, selectionColumn, type DataTableActionContext, type DataTableData } from "./data-table-body";
import { DataTableColumnChooser } from "./data-table-column-chooser";
import { DataTableFilters } from "./data-table-filters";
import { DataTableBodySkeleton } from "./data-table-skeleton";
import {
  activeFilters,
  clearFiltersPatch,
  columnSortCodec,
  DEFAULT_PAGE_SIZES,
  defaultVisibility,
  parseVisibleColumns,
  serializeVisibleColumns,
  TABLE_PARAMS,
  type ColumnVisibilityOptions,
  type FilterDefinition,
  type SortCodec,
  type SortRule,
} from "./search-params";
import type {} from "./types";
import { useTableUrl } from "./use-table-url";

export type { DataTableActionContext, DataTableData } from "./data-table-body";

export type DataTableProps<TData> = {
  /** TanStack column definitions. Sorting is opt-in per column (`enableSorting: true`): the server decides what sorts. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own signature; columns differ in value type.
  columns: ColumnDef<TData, any>[];
  /**
   * The page of rows, or a promise of it: then the toolbar shows at once and only the rows wait (a server page
   * passes the promise of its query, so filters stay usable and keep focus while rows load).
   */
  data: DataTableData<TData> | PromiseLike<DataTableData<TData>>;
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

/** The name a column goes by in the chooser: its `meta.label`, a string header, or its id. */
function columnLabel<TData>(column: ColumnDef<TData, unknown>, id: string): string {
  return column.meta?.label ?? (typeof column.header === "string" ? column.header : id);
}

function columnDefId<TData>(column: ColumnDef<TData, unknown>): string | undefined {
  if (column.id) return column.id;
  return "accessorKey" in column && column.accessorKey !== undefined ? String(column.accessorKey) : undefined;
}

/**
 * A server-driven table: the URL query string holds page, page size, sort, filters and visible columns; every control
 * pushes a new URL and the server page renders the rows for it. See README.md in this folder.
 */
export function DataTable<TData>({
  columns,
  data,
  pageSizes = DEFAULT_PAGE_SIZES,
  defaultPageSize = pageSizes.includes(25) ? 25 : (pageSizes[0] ?? 25),
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
  const url = useTableUrl();
  const { searchParams, replaceView } = url;

  const allColumns = useMemo(() => (selectable ? [selectionColumn(testId, getRowLabel), ...columns] : columns), [columns, getRowLabel, selectable, testId]);

  // What the URL's `cols=` is read against, and the columns the chooser offers.
  const { visibilityOptions, hideable } = useMemo(() => {
    const ids: string[] = [];
    const defaultHidden: string[] = [];
    const alwaysVisible: string[] = [];
    const hideable: { id: string; label: string }[] = [];
    for (const column of allColumns) {
      const id = columnDefId(column);
      if (!id) continue;
      ids.push(id);
      if (column.meta?.defaultHidden) defaultHidden.push(id);
      if (column.enableHiding === false) alwaysVisible.push(id);
      else hideable.push({ id, label: columnLabel(column, id) });
    }
    const visibilityOptions: ColumnVisibilityOptions = { columns: ids, defaultHidden, alwaysVisible };
    return { visibilityOptions, hideable };
  }, [allColumns]);

  const colsParam = searchParams.get(TABLE_PARAMS.columns);
  // The router applies a history.replaceState a moment later: show the toggle at once, until the URL moves.
  const [pendingVisibility, setPendingVisibility] = useState<{ base: string | null; visibility: VisibilityState } | null>(null);
  const columnVisibility: VisibilityState = !columnChooser
    ? defaultVisibility(visibilityOptions)
    : pendingVisibility && pendingVisibility.base === colsParam
      ? pendingVisibility.visibility
      : parseVisibleColumns(colsParam, visibilityOptions);
  const toggleColumn = (id: string, visible: boolean) => {
    const next = { ...columnVisibility, [id]: visible };
    setPendingVisibility({ base: colsParam, visibility: next });
    replaceView({ [TABLE_PARAMS.columns]: serializeVisibleColumns(next, visibilityOptions) });
  };
  const chooserColumns = hideable.map((column) => ({ ...column, visible: columnVisibility[column.id] !== false }));

  const filtersActive = Object.keys(activeFilters(searchParams, filters)).length > 0;
  const commitFilter = (patch: Parameters<typeof url.navigate>[0]) => url.navigate(patch, { resetPage: true });
  const resetFilters = () => commitFilter(clearFiltersPatch(filters));

  return (
    <div className="rounded-lg bg-white shadow-xs ring-1 ring-slate-200" data-testid={`${testId}-root`}>
      {filters.length || columnChooser || toolbarActions ? (
        <div role="search" aria-label={`Filter ${caption}`} className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-4 py-3" data-testid={`${testId}-toolbar`}>
          <DataTableFilters filters={filters} searchParams={searchParams} commit={commitFilter} testId={testId} />
          {filtersActive ? (
            <button type="button" className={`${buttonClass("ghost")} h-9`} data-testid={`${testId}-reset`} onClick={resetFilters}>
              Reset filters
            </button>
          ) : null}
          <div className="ml-auto flex items-end gap-2">
            {toolbarActions}
            {columnChooser ? <DataTableColumnChooser columns={chooserColumns} onToggle={toggleColumn} testId={testId} /> : null}
          </div>
        </div>
      ) : null}
      <Suspense fallback={<DataTableBodySkeleton columnCount={Object.values(columnVisibility).filter(Boolean).length} label={`Loading ${caption.toLowerCase()}…`} testId={`${testId}-skeleton`} />}>
        <DataTableBody
          data={data}
          url={url}
          columns={allColumns}
          columnVisibility={columnVisibility}
          pageSizes={pageSizes}
          defaultPageSize={defaultPageSize}
          sorting={sorting}
          sortCodec={sortCodec}
          multiSort={multiSort}
          filters={filters}
          filtersActive={filtersActive}
          resetFilters={resetFilters}
          getRowId={getRowId}
          selectable={selectable}
          actionBar={actionBar}
          emptyState={emptyState}
          caption={caption}
          testId={testId}
        />
      </Suspense>
    </div>
  );
}
