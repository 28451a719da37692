"use client";

import { useId } from "react";
import { buttonClass } from "@/components/ui/button";
import { formatCount } from "@/lib/format";
import { pageCount, rangeLabel } from "./search-params";

/** "Showing 26–50 of 1,234", first/previous/next/last, and the page-size select. */
export function DataTablePagination({
  page,
  pageSize,
  total,
  pageSizes,
  onPage,
  onPageSize,
  testId,
}: {
  page: number;
  pageSize: number;
  total: number;
  pageSizes: readonly number[];
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
  testId: string;
}) {
  const sizeId = useId();
  const pages = pageCount(total, pageSize);
  const sizes = pageSizes.includes(pageSize) ? pageSizes : [...pageSizes, pageSize].sort((a, b) => a - b);
  const atStart = page <= 1;
  const atEnd = page >= pages;
  const buttons = [
    { key: "first", label: "First page", glyph: "«", target: 1, disabled: atStart },
    { key: "prev", label: "Previous page", glyph: "‹", target: Math.min(page - 1, pages), disabled: atStart },
    { key: "next", label: "Next page", glyph: "›", target: page + 1, disabled: atEnd },
    { key: "last", label: "Last page", glyph: "»", target: pages, disabled: atEnd },
  ];

  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-600">
      <p aria-live="polite" data-testid={`${testId}-summary`}>
        {rangeLabel(page, pageSize, total)}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId} className="whitespace-nowrap">
            Rows per page
          </label>
          <select
            id={sizeId}
            className="rounded-md border-0 bg-white py-1 pr-7 pl-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus-visible:outline-none"
            value={pageSize}
            data-testid={`${testId}-page-size`}
            onChange={(event) => onPageSize(Number(event.target.value))}
          >
            {sizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <span className="whitespace-nowrap" data-testid={`${testId}-page`}>
          Page {formatCount(page)} of {formatCount(pages)}
        </span>
        <div className="flex items-center gap-1">
          {buttons.map((button) => (
            <button
              key={button.key}
              type="button"
              className={`${buttonClass("secondary", "sm")} min-w-8 text-base leading-none`}
              aria-label={button.label}
              title={button.label}
              disabled={button.disabled}
              data-testid={`${testId}-${button.key}`}
              onClick={() => onPage(Math.max(1, button.target))}
            >
              <span aria-hidden>{button.glyph}</span>
            </button>
          ))}
        </div>
      </div>
    </nav>
  );
}
