/** The detail page's shape while the platform answers. */
export function ProductDetailSkeleton() {
  const bar = "animate-pulse rounded bg-slate-200";
  return (
    <div className="space-y-4" aria-busy="true" data-testid="product-detail-skeleton">
      <p role="status" className="sr-only">
        Loading the product…
      </p>
      <div className="space-y-2" aria-hidden>
        <div className={`${bar} h-6 w-96 max-w-full`} />
        <div className={`${bar} h-4 w-64 max-w-full bg-slate-100`} />
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]" aria-hidden>
        <div className={`${bar} aspect-square w-full bg-slate-100`} />
        <div className="space-y-3 rounded-lg bg-white px-5 py-4 shadow-xs ring-1 ring-slate-200">
          {["w-40", "w-24", "w-72", "w-20", "w-16", "w-32"].map((width, index) => (
            <div key={index} className="flex gap-4">
              <div className={`${bar} h-4 w-28 bg-slate-100`} />
              <div className={`${bar} h-4 ${width}`} />
            </div>
          ))}
        </div>
      </div>
      <div className={`${bar} h-40 w-full bg-slate-100`} aria-hidden />
    </div>
  );
}
