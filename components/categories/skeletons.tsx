// Placeholders with the pages' shapes, for `<Suspense fallback>` while the tree or a schema is read. Server-safe.

const bar = "animate-pulse rounded bg-slate-200";
// Fixed, varied widths, so the rows do not look identical (and render the same on every request).
const WIDTHS = ["w-40", "w-28", "w-52", "w-36", "w-24", "w-44", "w-32"];

function Placeholder({ label, testId, rows, children }: { label: string; testId: string; rows: number; children?: React.ReactNode }) {
  return (
    <div className="space-y-4 rounded-lg bg-white px-5 py-4 shadow-xs ring-1 ring-slate-200" aria-busy="true" data-testid={testId}>
      <p role="status" className="sr-only">
        {label}
      </p>
      {children}
      <div className="space-y-3" aria-hidden>
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="flex items-center gap-3">
            <div className={`${bar} size-4`} />
            <div className={`${bar} h-4 ${WIDTHS[index % WIDTHS.length]}`} />
          </div>
        ))}
      </div>
    </div>
  );
}

export function CategoryTreeSkeleton() {
  return (
    <Placeholder label="Loading categories…" testId="categories-skeleton" rows={7}>
      <div className={`${bar} h-8 w-72 bg-slate-100`} aria-hidden />
    </Placeholder>
  );
}

export function AttributeSchemaSkeleton() {
  return (
    <Placeholder label="Loading the attribute schema…" testId="schema-skeleton" rows={6}>
      <div className={`${bar} h-4 w-64`} aria-hidden />
    </Placeholder>
  );
}
