import { describe, expect, it } from "vitest";
import {
  activeFilters,
  applyPageSelection,
  canSelectAllMatching,
  clearFiltersPatch,
  columnSortCodec,
  filterKey,
  firstValues,
  isCommittableDate,
  namedSortCodec,
  NO_SELECTION,
  pageAfterResize,
  pageCount,
  pageRange,
  pageSelectionState,
  pageSizePatch,
  parseVisibleColumns,
  patchSearch,
  rangeLabel,
  selectionCount,
  selectValue,
  serializeVisibleColumns,
  setRowsSelected,
  toSearchParams,
  type FilterDefinition,
  type TableSelection,
} from "./search-params";

const filters: FilterDefinition[] = [
  { kind: "select", param: "action", label: "Action", options: [{ value: "member.removed", label: "Removed a member" }] },
  { kind: "text", param: "actor", label: "Actor" },
  { kind: "date-range", label: "Date", fromParam: "from", toParam: "to" },
];

describe("query strings", () => {
  it("reads Next's searchParams record, repeated keys included", () => {
    expect(toSearchParams({ a: "1", b: ["2", "3"], c: undefined }).toString()).toBe("a=1&b=2&b=3");
    expect(firstValues({ page: ["2", "3"], actor: "ann" })).toEqual({ page: "2", actor: "ann" });
    expect(firstValues("?page=4&page=5")).toEqual({ page: "4" });
  });

  it("patches: sets, replaces repeated keys, and removes empty values", () => {
    expect(patchSearch("?a=1&b=2&b=3", { b: "4", c: 5 })).toBe("?a=1&b=4&c=5");
    expect(patchSearch("?a=1&b=2", { a: null, b: "" })).toBe("");
    expect(patchSearch("", { q: "a b&c" })).toBe("?q=a+b%26c");
    expect(patchSearch("", { cols: "time,actor", q: "x,y" })).toBe("?cols=time,actor&q=x,y");
    expect(toSearchParams(patchSearch("", { q: "x,y=z" })).get("q")).toBe("x,y=z");
  });

  it("returns to page 1 when asked (filter, sort and size changes)", () => {
    expect(patchSearch("?page=3&actor=ann", { actor: "bob" }, { resetPage: true })).toBe("?actor=bob");
    expect(patchSearch("?page=3&actor=ann", { actor: "bob" })).toBe("?page=3&actor=bob");
  });

  it("leaves the default page size out and keeps the first visible row on screen", () => {
    expect(pageSizePatch(3, 25, 50, 25)).toEqual({ page: 2, pageSize: 50 });
    expect(pageSizePatch(2, 50, 25, 25)).toEqual({ page: 3, pageSize: null });
    expect(pageSizePatch(1, 25, 100, 25)).toEqual({ page: null, pageSize: 100 });
    expect(patchSearch("?page=3&pageSize=10", pageSizePatch(3, 10, 25, 25))).toBe("");
  });
});

describe("pagination", () => {
  it("counts pages, with at least one", () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
    expect(pageCount(1234, 25)).toBe(50);
  });

  it("numbers the rows a page shows", () => {
    expect(pageRange(2, 25, 1234)).toEqual({ from: 26, to: 50 });
    expect(pageRange(50, 25, 1234)).toEqual({ from: 1226, to: 1234 });
    expect(pageRange(1, 25, 0)).toEqual({ from: 0, to: 0 });
    expect(pageRange(9, 25, 100)).toEqual({ from: 0, to: 0 });
  });

  it("describes the range for people", () => {
    expect(rangeLabel(2, 25, 1234)).toBe("Showing 26–50 of 1,234");
    expect(rangeLabel(1, 10, 3)).toBe("Showing 1–3 of 3");
    expect(rangeLabel(1, 25, 0)).toBe("No results");
    expect(rangeLabel(7, 25, 30)).toBe("Page 7 is past the end (30 results)");
  });

  it("finds the page after a size change", () => {
    expect(pageAfterResize(1, 25, 10)).toBe(1);
    expect(pageAfterResize(4, 25, 100)).toBe(1);
    expect(pageAfterResize(5, 25, 100)).toBe(2);
    expect(pageAfterResize(2, 100, 10)).toBe(11);
  });
});

describe("sorting", () => {
  const codec = columnSortCodec({ sortable: ["price", "name", "stock.level"], defaultSort: [{ id: "name", desc: false }] });

  it("parses columns with directions and falls back to the default on anything unknown", () => {
    expect(codec.parse("price.desc,name.asc")).toEqual([
      { id: "price", desc: true },
      { id: "name", desc: false },
    ]);
    expect(codec.parse("stock.level.desc")).toEqual([{ id: "stock.level", desc: true }]);
    expect(codec.parse("price")).toEqual([{ id: "price", desc: false }]);
    expect(codec.parse("price.desc,price.asc")).toEqual([{ id: "price", desc: true }]);
    expect(codec.parse("secret.desc")).toEqual([{ id: "name", desc: false }]);
    expect(codec.parse("price.sideways")).toEqual([{ id: "name", desc: false }]);
    expect(codec.parse(null)).toEqual([{ id: "name", desc: false }]);
  });

  it("serialises, leaving the default and an empty sort out of the URL", () => {
    expect(codec.serialize([{ id: "price", desc: true }])).toBe("price.desc");
    expect(codec.serialize([{ id: "name", desc: false }])).toBeNull();
    expect(codec.serialize([])).toBeNull();
    const parsed = codec.parse("price.desc,name.desc");
    expect(codec.parse(codec.serialize(parsed))).toEqual(parsed);
  });

  it("maps named sorts both ways", () => {
    const named = namedSortCodec({ newest: [{ id: "createdAt", desc: true }], oldest: [{ id: "createdAt", desc: false }] }, "newest");
    expect(named.parse("oldest")).toEqual([{ id: "createdAt", desc: false }]);
    expect(named.parse("bogus")).toEqual([{ id: "createdAt", desc: true }]);
    expect(named.serialize([{ id: "createdAt", desc: false }])).toBe("oldest");
    expect(named.serialize([{ id: "createdAt", desc: true }])).toBeNull();
    expect(named.serialize([{ id: "actor", desc: true }])).toBeNull();
    expect(named.nameOf([{ id: "createdAt", desc: false }])).toBe("oldest");
  });
});

describe("visible columns", () => {
  const options = { columns: ["select", "time", "actor", "ip", "userAgent"], defaultHidden: ["userAgent"], alwaysVisible: ["select"] };

  it("uses the defaults without cols=, or when it names nothing known", () => {
    const defaults = { select: true, time: true, actor: true, ip: true, userAgent: false };
    expect(parseVisibleColumns(null, options)).toEqual(defaults);
    expect(parseVisibleColumns("nope,,", options)).toEqual(defaults);
  });

  it("shows the listed columns plus those that cannot be hidden", () => {
    expect(parseVisibleColumns("time,userAgent,unknown", options)).toEqual({ select: true, time: true, actor: false, ip: false, userAgent: true });
  });

  it("round-trips, and omits the parameter for the defaults", () => {
    const visibility = { select: true, time: true, actor: false, ip: true, userAgent: true };
    expect(serializeVisibleColumns(visibility, options)).toBe("time,ip,userAgent");
    expect(parseVisibleColumns(serializeVisibleColumns(visibility, options), options)).toEqual(visibility);
    expect(serializeVisibleColumns({ userAgent: false }, options)).toBeNull();
  });

  it("keeps a table whose hideable columns are all hidden distinct from the defaults", () => {
    const visibility = { select: true, time: false, actor: false, ip: false, userAgent: false };
    expect(serializeVisibleColumns(visibility, options)).toBe("select");
    expect(parseVisibleColumns("select", options)).toEqual(visibility);
  });
});

describe("filters", () => {
  it("lists the active filter values and ignores other parameters", () => {
    expect(activeFilters("?page=2&actor=ann&from=2026-01-01&sort=oldest&action=", filters)).toEqual({ actor: "ann", from: "2026-01-01" });
  });

  it("keys the filter set, independent of order, page and sort", () => {
    expect(filterKey("?actor=ann&from=2026-01-01&page=3", filters)).toBe(filterKey("?sort=oldest&from=2026-01-01&actor=ann", filters));
    expect(filterKey("?actor=ann", filters)).not.toBe(filterKey("?actor=bob", filters));
  });

  it("clears every filter parameter", () => {
    expect(patchSearch("?action=member.removed&actor=a&from=2026-01-01&to=2026-02-01&sort=oldest&page=4", clearFiltersPatch(filters), { resetPage: true })).toBe("?sort=oldest");
  });

  it("shows 'all' for a select value the filter does not offer", () => {
    const select = filters[0];
    if (select?.kind !== "select") throw new Error("fixture");
    expect(selectValue("member.removed", select.options)).toBe("member.removed");
    expect(selectValue("drop table", select.options)).toBe("");
    expect(selectValue(null, select.options)).toBe("");
  });

  it("commits only whole dates", () => {
    expect(isCommittableDate("")).toBe(true);
    expect(isCommittableDate("2026-01-31")).toBe(true);
    expect(isCommittableDate("0002-01-31")).toBe(false);
    expect(isCommittableDate("2026-1-31")).toBe(false);
    expect(isCommittableDate("2026-13-45")).toBe(false);
  });
});

describe("row selection", () => {
  const page = ["a", "b", "c"];

  it("selects and deselects rows, keeping other pages' rows", () => {
    let selection: TableSelection = { mode: "rows", ids: ["z"] };
    selection = setRowsSelected(selection, ["a", "b"], true, page);
    expect(selection).toEqual({ mode: "rows", ids: ["z", "a", "b"] });
    expect(pageSelectionState(selection, page)).toBe("some");
    selection = setRowsSelected(selection, ["a"], false, page);
    expect(selection).toEqual({ mode: "rows", ids: ["z", "b"] });
  });

  it("reports the header checkbox state", () => {
    expect(pageSelectionState(NO_SELECTION, page)).toBe("none");
    expect(pageSelectionState({ mode: "rows", ids: page }, page)).toBe("all");
    expect(pageSelectionState({ mode: "all-matching", total: 40 }, page)).toBe("all");
    expect(pageSelectionState({ mode: "all-matching", total: 0 }, [])).toBe("none");
  });

  it("offers all matching rows once the page is selected and more rows exist", () => {
    expect(canSelectAllMatching({ mode: "rows", ids: page }, page, 40)).toBe(true);
    expect(canSelectAllMatching({ mode: "rows", ids: ["a", "b"] }, page, 40)).toBe(false);
    expect(canSelectAllMatching({ mode: "rows", ids: page }, page, 3)).toBe(false);
    expect(canSelectAllMatching({ mode: "all-matching", total: 40 }, page, 40)).toBe(false);
  });

  it("leaves all-matching mode for the rest of the page when a row is deselected", () => {
    const all: TableSelection = { mode: "all-matching", total: 40 };
    expect(selectionCount(all)).toBe(40);
    expect(setRowsSelected(all, ["b"], true, page)).toBe(all);
    expect(setRowsSelected(all, ["b"], false, page)).toEqual({ mode: "rows", ids: ["a", "c"] });
  });

  it("applies TanStack's per-page selection", () => {
    expect(applyPageSelection({ mode: "rows", ids: ["z", "a"] }, page, ["b", "c"])).toEqual({ mode: "rows", ids: ["z", "b", "c"] });
    expect(applyPageSelection({ mode: "all-matching", total: 40 }, page, page)).toEqual({ mode: "all-matching", total: 40 });
    expect(applyPageSelection({ mode: "all-matching", total: 40 }, page, ["a"])).toEqual({ mode: "rows", ids: ["a"] });
    expect(applyPageSelection({ mode: "rows", ids: ["z", "a"] }, page, [])).toEqual({ mode: "rows", ids: ["z"] });
  });
});
