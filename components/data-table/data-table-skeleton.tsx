const bar = "animate-pulse rounded bg-slate-200";
// Fixed, varied widths so the rows do not look like a grid of identical bars (and render the same on every request).
const widths = ["w-24", "w-32", "w-20", "w-40", "w-28", "w-16"];

/** A placeholder with the table's shape, for `<Suspense fallback>` while the first page loads. Server-safe. */
export function DataTableSkeleton({
  columnCount = 5,
  rowCount = 10,
  filterCount = 2,
  label = "Loading table…",
  testId = "data-table",
}: {
  columnCount?: number;
  rowCount?: number;
  /** Placeholder controls in the toolbar; 0 hides the toolbar. */
  filterCount?: number;
  /** Announced to screen readers while loading. */
  label?: string;
  testId?: string;
}) {
  return (
    <div className="rounded-lg bg-white shadow-xs ring-1 ring-slate-200" aria-busy="true" data-testid={`${testId}-skeleton`}>
      <p role="status" className="sr-only">
        {label}
      </p>
      {filterCount > 0 ? (
        <div className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-4 py-3" aria-hidden>
          {Array.from({ length: filterCount }, (_, index) => (
            <div key={index} className="w-full space-y-1.5 sm:w-48">
              <div className={`${bar} h-3 w-16`} />
              <div className={`${bar} h-9 w-full bg-slate-100`} />
            </div>
          ))}
        </div>
      ) : null}
      <DataTableBodySkeleton columnCount={columnCount} rowCount={rowCount} />
    </div>
  );
}

/**
 * The rows and footer of the placeholder: what a DataTable shows under its toolbar while its rows load. With a
 * label it announces the loading itself (the whole skeleton announces it otherwise).
 */
export function DataTableBodySkeleton({ columnCount, rowCount = 10, label, testId }: { columnCount: number; rowCount?: number; label?: string; testId?: string }) {
  return (
    <div aria-busy={label ? true : undefined} data-testid={testId}>
      {label ? (
        <p role="status" className="sr-only">
          {label}
        </p>
      ) : null}
      <div className="overflow-hidden" aria-hidden>
        <table className="w-full text-sm">
          <thead className="border-b border-slate-200">
            <tr>
              {Array.from({ length: columnCount }, (_, index) => (
                <th key={index} className="px-3 py-3">
                  <div className={`${bar} h-3 w-16`} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {Array.from({ length: rowCount }, (_, row) => (
              <tr key={row}>
                {Array.from({ length: columnCount }, (_, column) => (
                  <td key={column} className="px-3 py-3.5">
                    <div className={`${bar} h-4 bg-slate-100 ${widths[(row + column * 2) % widths.length]}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-between border-t border-slate-100 px-4 py-3" aria-hidden>
        <div className={`${bar} h-4 w-40`} />
        <div className="flex gap-1">
          {Array.from({ length: 4 }, (_, index) => (
            <div key={index} className={`${bar} size-7`} />
          ))}
        </div>
      </div>
    </div>
  );
}
