import type { ProductDetail } from "@/lib/marketplaces/types";

/** The product's pictures, the first one large. Plain, lazily loaded imgs: platform CDNs vary, and the CSP allows them. */
export function ProductImages({ images, title }: { images: ProductDetail["images"]; title: string }) {
  if (!images.length) {
    return (
      <div className="flex aspect-square items-center justify-center rounded-md bg-slate-100 text-sm text-slate-500" data-testid="product-images">
        No pictures
      </div>
    );
  }
  const [first, ...rest] = images;
  return (
    <div className="space-y-2" data-testid="product-images">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={first} alt={title} loading="lazy" className="aspect-square w-full rounded-md bg-slate-100 object-cover ring-1 ring-slate-200" />
      {rest.length ? (
        <ul className="grid grid-cols-4 gap-2">
          {rest.map((src, index) => (
            <li key={`${index}-${src}`}>
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={src} alt={`${title}, picture ${index + 2}`} loading="lazy" className="aspect-square w-full rounded-sm bg-slate-100 object-cover ring-1 ring-slate-200" />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
