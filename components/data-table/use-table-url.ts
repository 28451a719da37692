"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useTransition } from "react";
import { patchSearch, type ParamPatch } from "./search-params";

/**
 * The table's state is the query string. `navigate` pushes a new URL (a history entry, so back/forward work) in a
 * transition: the server page re-reads the URL and renders new rows while the old ones stay on screen (`isPending`).
 * `replaceView` changes the URL without a server round trip, for view-only state such as visible columns.
 */
export function useTableUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  // The URL only changes when a navigation commits; a second change made meanwhile must build on the first.
  const pendingSearch = useRef<string | null>(null);

  useEffect(() => {
    pendingSearch.current = null;
  }, [searchParams]);

  const currentSearch = useCallback(() => pendingSearch.current ?? window.location.search, []);

  const navigate = useCallback(
    (patch: ParamPatch, options: { resetPage?: boolean } = {}) => {
      const current = currentSearch();
      const search = patchSearch(current, patch, options);
      if (search === patchSearch(current, {})) return;
      pendingSearch.current = search;
      startTransition(() => router.push(`${pathname}${search}`, { scroll: false }));
    },
    [currentSearch, pathname, router],
  );

  const replaceView = useCallback(
    (patch: ParamPatch) => {
      const search = patchSearch(currentSearch(), patch);
      window.history.replaceState(null, "", `${pathname}${search}`);
    },
    [currentSearch, pathname],
  );

  return { searchParams, navigate, replaceView, isPending };
}
