"use client";

import { useRef, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ListLink } from "@/components/ui/list-link";
import { callApi } from "@/lib/client/api";
import type { CategoryMatch } from "@/lib/shops/catalog-cache";
import { treeHref } from "./links";

type Search =
  | { state: "idle" }
  | { state: "searching"; query: string }
  | { state: "done"; query: string; results: CategoryMatch[]; total: number }
  | { state: "failed"; query: string; message: string };

/** Search by name over the whole tree; each result shows its path and opens the tree at it. */
export function CategorySearch({ api, base }: { api: string; base: string }) {
  const [text, setText] = useState("");
  const [search, setSearch] = useState<Search>({ state: "idle" });
  // Only the latest search may show its answer, however the answers arrive.
  const latest = useRef(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const query = text.trim();
    const ticket = ++latest.current;
    if (!query) return setSearch({ state: "idle" });
    setSearch({ state: "searching", query });
    const result = await callApi<{ results: CategoryMatch[]; total: number }>(`${api}?${new URLSearchParams({ q: query })}`);
    if (ticket !== latest.current) return;
    setSearch(result.ok ? { state: "done", query, ...result.data } : { state: "failed", query, message: result.error.message });
  }

  function clear() {
    latest.current++;
    setText("");
    setSearch({ state: "idle" });
  }

  return (
    <div className="space-y-3">
      <form role="search" onSubmit={submit} className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={100}
          placeholder="Category name"
          aria-label="Search categories by name"
          className="block w-full max-w-xs rounded-md border-0 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500"
          data-testid="category-search"
        />
        <Button type="submit" variant="secondary" size="sm" pending={search.state === "searching"} data-testid="category-search-submit">
          Search
        </Button>
        {search.state !== "idle" ? (
          <Button type="button" variant="ghost" size="sm" onClick={clear} data-testid="category-search-clear">
            Clear
          </Button>
        ) : null}
      </form>
      <SearchResults search={search} base={base} />
    </div>
  );
}

function SearchResults({ search, base }: { search: Search; base: string }) {
  if (search.state === "idle") return null;
  if (search.state === "searching") {
    return (
      <p role="status" className="text-xs text-slate-500" data-testid="category-search-pending">
        Searching every level of the tree for “{search.query}”… The first search of a shop loads the levels not opened yet.
      </p>
    );
  }
  if (search.state === "failed") {
    return (
      <p role="status" className="text-sm text-red-700" data-testid="category-search-error">
        {search.message}
      </p>
    );
  }
  if (!search.results.length) {
    return (
      <p role="status" className="text-sm text-slate-600" data-testid="category-search-empty">
        No category name contains “{search.query}”.
      </p>
    );
  }
  return (
    <div className="space-y-1" role="status">
      <p className="text-xs text-slate-500">
        {search.total > search.results.length ? `The first ${search.results.length} of ${search.total} categories` : `${search.total} ${search.total === 1 ? "category" : "categories"}`} whose
        name contains “{search.query}”:
      </p>
      <ul className="space-y-1 text-sm" data-testid="category-search-results">
        {search.results.map(({ category, path }) => (
          <li key={category.id} className="flex flex-wrap items-center gap-2" data-testid="category-search-result" data-category-id={category.id} data-leaf={category.leaf}>
            <ListLink href={treeHref(base, category.id)} className="hover:underline">
              {path.slice(0, -1).map((node) => (
                <span key={node.id} className="text-slate-500">
                  {node.name} ›{" "}
                </span>
              ))}
              <span className="font-medium text-brand-700">{category.name}</span>
            </ListLink>
            {category.leaf ? <Badge tone="green">Leaf</Badge> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
