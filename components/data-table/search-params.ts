/**
 * The data table's state as it lives in the URL, without React: parsing and serialising page, page size,
 * sort, visible columns and filters, and the row-selection rules. Server pages and the client table use
 * the same functions, so a link built on one side reads the same on the other.
 *
 * Parameter names (fixed, so that links stay readable and the same across tables):
 *   page=3               1-based page; omitted for page 1
 *   pageSize=50          omitted when it equals the table's default size
 *   sort=createdAt.desc  see `columnSortCodec`; a table may encode its own names instead (`namedSortCodec`)
 *   cols=time,actor      visible columns; omitted when the defaults are shown (see `parseVisibleColumns`)
 *   <filter params>      each filter definition names its own parameter(s), e.g. action=…, from=…&to=…
 */

import { formatCount } from "@/lib/format";

export const TABLE_PARAMS = { page: "page", pageSize: "pageSize", sort: "sort", columns: "cols" } as const;

export const DEFAULT_PAGE_SIZES = [10, 25, 50, 100] as const;

// ---------------------------------------------------------------------------------------------------------
// Reading and patching query strings

/** What Next hands a page as `searchParams`, or anything URLSearchParams understands. */
export type SearchParamsInput = URLSearchParams | string | Record<string, string | string[] | undefined>;

export function toSearchParams(input: SearchParamsInput): URLSearchParams {
  if (input instanceof URLSearchParams) return new URLSearchParams(input);
  if (typeof input === "string") return new URLSearchParams(input);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  return params;
}

/** One value per key (the first), for schema parsing: `?page=2&page=3` reads as page 2. */
export function firstValues(input: SearchParamsInput): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of toSearchParams(input)) values[key] ??= value;
  return values;
}

/** `null`, `undefined` and "" remove a parameter; anything else sets it (replacing repeated keys). */
export type ParamPatch = Record<string, string | number | null | undefined>;

/**
 * Applies `patch` to a query string and returns the new one with its "?" (or "" when empty).
 * `resetPage` drops the page parameter (back to page 1), as any change of filter, sort or size must.
 */
export function patchSearch(current: SearchParamsInput, patch: ParamPatch, options: { resetPage?: boolean } = {}): string {
  const params = toSearchParams(current);
  if (options.resetPage) params.delete(TABLE_PARAMS.page);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === "") params.delete(key);
    else params.set(key, String(value));
  }
  // Commas need no escaping in a query string; keeping them makes `cols=time,actor` and `sort=a.asc,b.desc` readable.
  const search = params.toString().replace(/%2C/gi, ",");
  return search ? `?${search}` : "";
}

/** The patch that moves to `page` (page 1 is the bare URL). */
export function pagePatch(page: number): ParamPatch {
  return { [TABLE_PARAMS.page]: page > 1 ? page : null };
}

/** The patch that changes the page size, keeping the first row on screen visible, and omitting the default size. */
export function pageSizePatch(page: number, oldSize: number, newSize: number, defaultSize: number): ParamPatch {
  return { ...pagePatch(pageAfterResize(page, oldSize, newSize)), [TABLE_PARAMS.pageSize]: newSize === defaultSize ? null : newSize };
}

// ---------------------------------------------------------------------------------------------------------
// Pagination

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / Math.max(1, pageSize)));
}

/** The 1-based, inclusive row numbers a page shows; `{ from: 0, to: 0 }` when it shows none. */
export function pageRange(page: number, pageSize: number, total: number): { from: number; to: number } {
  const from = (page - 1) * pageSize + 1;
  if (total <= 0 || from > total) return { from: 0, to: 0 };
  return { from, to: Math.min(total, page * pageSize) };
}

/** "Showing 26–50 of 1,234"; "No results" for an empty table; a page past the end says so. */
export function rangeLabel(page: number, pageSize: number, total: number): string {
  if (total <= 0) return "No results";
  const { from, to } = pageRange(page, pageSize, total);
  if (from === 0) return `Page ${formatCount(page)} is past the end (${formatCount(total)} ${total === 1 ? "result" : "results"})`;
  return `Showing ${formatCount(from)}–${formatCount(to)} of ${formatCount(total)}`;
}

/** After a size change, the page that holds the row that was first on screen. */
export function pageAfterResize(page: number, oldSize: number, newSize: number): number {
  const firstRow = (Math.max(1, page) - 1) * oldSize;
  return Math.floor(firstRow / newSize) + 1;
}

// ---------------------------------------------------------------------------------------------------------
// Sorting

/** Structurally TanStack's `ColumnSort`, so the result feeds `SortingState` directly. */
export type SortRule = { id: string; desc: boolean };

/** How a table writes its sort into `sort=`. `serialize` returns null for "leave the parameter out" (the default). */
export type SortCodec = {
  parse(value: string | null | undefined): SortRule[];
  serialize(sorting: readonly SortRule[]): string | null;
};

function sameSort(a: readonly SortRule[], b: readonly SortRule[]): boolean {
  return a.length === b.length && a.every((rule, index) => rule.id === b[index]?.id && rule.desc === b[index]?.desc);
}

/**
 * `sort=price.desc,name.asc`: column ids with a direction, comma-separated, most significant first.
 * `parse` keeps only `sortable` columns (once each) and falls back to `defaultSort`; `serialize` omits the default.
 */
export function columnSortCodec(options: { sortable: readonly string[]; defaultSort?: readonly SortRule[] }): SortCodec {
  const fallback = [...(options.defaultSort ?? [])];
  return {
    parse(value) {
      if (!value) return [...fallback];
      const rules: SortRule[] = [];
      for (const part of value.split(",")) {
        const dot = part.lastIndexOf(".");
        const id = dot === -1 ? part : part.slice(0, dot);
        const direction = dot === -1 ? "asc" : part.slice(dot + 1);
        if (!options.sortable.includes(id) || (direction !== "asc" && direction !== "desc")) return [...fallback];
        if (rules.some((rule) => rule.id === id)) continue;
        rules.push({ id, desc: direction === "desc" });
      }
      return rules.length ? rules : [...fallback];
    },
    serialize(sorting) {
      if (sorting.length === 0 || sameSort(sorting, fallback)) return null;
      return sorting.map((rule) => `${rule.id}.${rule.desc ? "desc" : "asc"}`).join(",");
    },
  };
}

/**
 * A sort parameter with a few named values, e.g. `sort=newest|oldest`, for tables whose server query takes
 * a name rather than a column. Sorting the table in a way no name describes falls back to the default.
 */
export function namedSortCodec<Name extends string>(names: Record<Name, readonly SortRule[]>, defaultName: NoInfer<Name>): SortCodec & { nameOf(sorting: readonly SortRule[]): Name } {
  const entries = Object.entries(names) as [Name, readonly SortRule[]][];
  const nameOf = (sorting: readonly SortRule[]): Name => entries.find(([, rules]) => sameSort(rules, sorting))?.[0] ?? defaultName;
  return {
    nameOf,
    parse(value) {
      const match = entries.find(([name]) => name === value);
      return [...(match ? match[1] : names[defaultName])];
    },
    serialize(sorting) {
      const name = nameOf(sorting);
      return name === defaultName ? null : name;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Column visibility (`cols=`)

export type ColumnVisibilityOptions = {
  /** Every column id the table can show, in display order. */
  columns: readonly string[];
  /** Columns hidden until the user asks for them. */
  defaultHidden?: readonly string[];
  /** Columns that cannot be hidden (the selection checkbox, a name column). */
  alwaysVisible?: readonly string[];
};

export type VisibilityMap = Record<string, boolean>;

export function defaultVisibility(options: ColumnVisibilityOptions): VisibilityMap {
  return Object.fromEntries(options.columns.map((id) => [id, options.alwaysVisible?.includes(id) || !options.defaultHidden?.includes(id)]));
}

/**
 * `cols=` lists the visible columns; absent means the defaults. Unknown ids are ignored and columns that cannot
 * be hidden are always shown, so an old or hand-edited link still renders a sensible table.
 */
export function parseVisibleColumns(value: string | null | undefined, options: ColumnVisibilityOptions): VisibilityMap {
  if (value === null || value === undefined) return defaultVisibility(options);
  const listed = new Set(value.split(",").filter(Boolean));
  if (![...listed].some((id) => options.columns.includes(id))) return defaultVisibility(options);
  return Object.fromEntries(options.columns.map((id) => [id, listed.has(id) || Boolean(options.alwaysVisible?.includes(id))]));
}

/** The `cols=` value for a visibility map, or null when it equals the defaults (leave the parameter out). */
export function serializeVisibleColumns(visibility: VisibilityMap, options: ColumnVisibilityOptions): string | null {
  const defaults = defaultVisibility(options);
  const visible = options.columns.filter((id) => visibility[id] ?? defaults[id]);
  const same = options.columns.every((id) => (visibility[id] ?? defaults[id]) === defaults[id]);
  if (same) return null;
  const listed = visible.filter((id) => !options.alwaysVisible?.includes(id));
  // Every hideable column hidden: name the fixed ones so the parameter does not read as "defaults".
  return (listed.length ? listed : visible).join(",") || null;
}

// ---------------------------------------------------------------------------------------------------------
// Filters

export type SelectOption = { value: string; label: string };

/** Declarative filters; each is rendered as a labelled control in the toolbar and owns the named parameter(s). */
export type FilterDefinition =
  | { kind: "text"; param: string; label: string; placeholder?: string }
  | { kind: "select"; param: string; label: string; options: readonly SelectOption[]; allLabel?: string }
  | { kind: "date-range"; label: string; fromParam: string; toParam: string; fromLabel?: string; toLabel?: string };

export function filterParams(filters: readonly FilterDefinition[]): string[] {
  return filters.flatMap((filter) => (filter.kind === "date-range" ? [filter.fromParam, filter.toParam] : [filter.param]));
}

/** The filter values present in the URL (first value of each), e.g. to hand to a bulk action in "all matching" mode. */
export function activeFilters(current: SearchParamsInput, filters: readonly FilterDefinition[]): Record<string, string> {
  const params = toSearchParams(current);
  const values: Record<string, string> = {};
  for (const name of filterParams(filters)) {
    const value = params.get(name);
    if (value) values[name] = value;
  }
  return values;
}

/** A stable key for "which rows match": changes when a filter changes, not when page, size, sort or columns do. */
export function filterKey(current: SearchParamsInput, filters: readonly FilterDefinition[]): string {
  return new URLSearchParams(Object.entries(activeFilters(current, filters)).sort(([a], [b]) => a.localeCompare(b))).toString();
}

/** The patch that clears every filter. */
export function clearFiltersPatch(filters: readonly FilterDefinition[]): ParamPatch {
  return Object.fromEntries(filterParams(filters).map((name) => [name, null]));
}

/** A select filter shows "all" for a URL value it does not offer, rather than a value the server ignored. */
export function selectValue(value: string | null | undefined, options: readonly SelectOption[]): string {
  return value && options.some((option) => option.value === value) ? value : "";
}

/**
 * Whether a date input's value is worth sending: empty (cleared) or a full date with a four-digit year. Chrome
 * fires `change` while the year is typed ("0002-…"), which must not become a query.
 */
export function isCommittableDate(value: string): boolean {
  if (value === "") return true;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return Boolean(match && Number(match[1]) >= 1900 && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
}

// ---------------------------------------------------------------------------------------------------------
// Row selection

/** What the action bar receives: some rows by id, or every row matching the current filters. */
export type TableSelection = { mode: "rows"; ids: string[] } | { mode: "all-matching"; total: number };

export const NO_SELECTION: TableSelection = { mode: "rows", ids: [] };

export function selectionCount(selection: TableSelection): number {
  return selection.mode === "rows" ? selection.ids.length : selection.total;
}

export function isRowSelected(selection: TableSelection, id: string): boolean {
  return selection.mode === "all-matching" || selection.ids.includes(id);
}

/** The header checkbox: all rows of this page selected, some, or none. */
export function pageSelectionState(selection: TableSelection, pageIds: readonly string[]): "all" | "some" | "none" {
  if (pageIds.length === 0) return "none";
  const selected = pageIds.filter((id) => isRowSelected(selection, id)).length;
  return selected === 0 ? "none" : selected === pageIds.length ? "all" : "some";
}

/**
 * Selects or deselects `ids`. Deselecting from "all matching" leaves the rest of this page selected (the rows the
 * user can see), since the other pages' rows cannot be listed.
 */
export function setRowsSelected(selection: TableSelection, ids: readonly string[], selected: boolean, pageIds: readonly string[]): TableSelection {
  if (selection.mode === "all-matching") {
    return selected ? selection : { mode: "rows", ids: pageIds.filter((id) => !ids.includes(id)) };
  }
  const next = new Set(selection.ids);
  for (const id of ids) {
    if (selected) next.add(id);
    else next.delete(id);
  }
  return { mode: "rows", ids: [...next] };
}

/** TanStack reports the page's selection as a whole; rows selected on other pages are kept. */
export function applyPageSelection(selection: TableSelection, pageIds: readonly string[], selectedOnPage: readonly string[]): TableSelection {
  if (selection.mode === "all-matching" && pageIds.every((id) => selectedOnPage.includes(id))) return selection;
  const others = selection.mode === "rows" ? selection.ids.filter((id) => !pageIds.includes(id)) : [];
  return { mode: "rows", ids: [...others, ...pageIds.filter((id) => selectedOnPage.includes(id))] };
}

/** Offer "Select all N matching" once the whole page is selected and more rows match than are selected. */
export function canSelectAllMatching(selection: TableSelection, pageIds: readonly string[], total: number): boolean {
  return selection.mode === "rows" && pageSelectionState(selection, pageIds) === "all" && total > selection.ids.length;
}
