import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/shops/status-badge";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { Capabilities, CategoryNode, ProductDetail } from "@/lib/marketplaces/types";
import { ProductImages } from "./product-images";
import { formatMoney, formatStock, ProductSkus } from "./product-skus";

type Props = {
  product: ProductDetail;
  capabilities: Capabilities;
  platformName: string;
  /** The shop's pages, `/t/<team>/shops/<account>`. */
  base: string;
};

/** One product as the platform describes it: the portal's normalized fields first, then the platform's own detail. */
export function ProductDetailView({ product, capabilities, platformName, base }: Props) {
  const { productDetail } = capabilities;
  return (
    <div className="space-y-4" data-testid="product-detail" data-product={product.id}>
      <div className="space-y-1">
        <h2 className="text-xl font-semibold text-slate-900" data-testid="product-title">
          {product.title}
        </h2>
        {product.altTitle ? (
          <p className="text-sm text-slate-500" data-testid="product-alt-title">
            {product.altTitle}
          </p>
        ) : null}
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
        <ProductImages images={product.images} title={product.title} />
        <Card title="Product">
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]" data-testid="product-fields">
            <Field label="Product id">
              <span className="font-mono">{product.id}</span>
            </Field>
            <Field label="Status">
              <StatusBadge status={product.status} native={product.native} />
            </Field>
            <Field label="Category">
              <CategoryPath path={product.categoryPath} categoryId={product.categoryId} linked={capabilities.categories} base={base} />
            </Field>
            <Field label="Price">{formatMoney(product.price)}</Field>
            <Field label="Stock">{formatStock(product.stock)}</Field>
            <Field label="Modified">
              <DateTime iso={product.modifiedAt ?? null} />
            </Field>
            {productDetail.quality ? (
              <Field label="Quality">
                {product.quality ? (
                  <span data-testid="product-quality" data-score={product.quality.score}>
                    <span className="font-medium tabular-nums">{product.quality.score}</span> <span className="text-slate-600">{product.quality.label}</span>
                  </span>
                ) : (
                  <span className="text-slate-500" data-testid="product-quality">
                    {platformName} gives this product no score.
                  </span>
                )}
              </Field>
            ) : null}
          </dl>
        </Card>
      </div>
      {productDetail.skus ? (
        <Card title="SKUs" description="Each variant's own price and stock.">
          <ProductSkus skus={product.skus} />
        </Card>
      ) : null}
      <Card title="Attributes" description={`As ${platformName} lists them.`}>
        {product.attributes.length ? (
          <dl className="grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[minmax(8rem,14rem)_minmax(0,1fr)]" data-testid="product-attributes">
            {product.attributes.map((attribute, index) => (
              <Field key={`${index}-${attribute.name}`} label={attribute.name}>
                <span className="break-words">{attribute.value}</span>
              </Field>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-slate-500" data-testid="product-attributes">
            No attributes.
          </p>
        )}
      </Card>
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </>
  );
}

/** Root to leaf; each step opens the categories page there when the platform's tree can be browsed. */
function CategoryPath({ path, categoryId, linked, base }: { path: CategoryNode[]; categoryId?: string; linked: boolean; base: string }) {
  if (!path.length) return categoryId ? <span className="font-mono">{categoryId}</span> : <span className="text-slate-400">—</span>;
  return (
    <ol className="flex flex-wrap items-center gap-x-1 gap-y-0.5" data-testid="product-category-path">
      {path.map((node, index) => (
        <li key={node.id} className="flex items-center gap-1">
          {index ? <span className="text-slate-400" aria-hidden>›</span> : null}
          {linked ? (
            <Link href={`${base}/categories?${new URLSearchParams({ category: node.id })}`} className="text-brand-700 hover:underline" title={node.altName} data-testid="product-category">
              {node.name}
            </Link>
          ) : (
            <span title={node.altName} data-testid="product-category">
              {node.name}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
