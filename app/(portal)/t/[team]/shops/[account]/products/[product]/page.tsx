import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ProductDetailView } from "@/components/products/product-detail";
import { ProductDetailSkeleton } from "@/components/products/product-detail-skeleton";
import { backToProductsHref } from "@/components/products/product-links";
import { ShopProblemView } from "@/components/shops/shop-problem";
import { Notice } from "@/components/ui/notice";
import { shopPage } from "@/lib/shops/page";
import { attempt, type Shop } from "@/lib/shops/shop";

export const metadata: Metadata = { title: "Product" };

type Props = {
  params: Promise<{ team: string; account: string; product: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Every platform's product ids are letters, digits and a few separators; anything else is a hand-edited address. */
const PRODUCT_ID = /^[\w.:-]{1,64}$/;

/** The id as typed: the route hands the segment over still percent-encoded. */
function decodedId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default async function ProductPage({ params, searchParams }: Props) {
  const [{ team: slug, account: accountId, product }, search] = await Promise.all([params, searchParams]);
  const productId = decodedId(product);
  const { shop, base, reconnectHref } = await shopPage(slug, accountId);
  return (
    <div className="space-y-4">
      <Link href={backToProductsHref(`${base}/products`, search.from)} className="inline-block text-sm font-medium text-brand-700 hover:underline" data-testid="back-to-products">
        ← Back to products
      </Link>
      {PRODUCT_ID.test(productId) ? (
        <Suspense key={productId} fallback={<ProductDetailSkeleton />}>
          <ProductResult shop={shop} base={base} productId={productId} reconnectHref={reconnectHref} />
        </Suspense>
      ) : (
        <Notice tone="error" title="This is not a product id" testId="product-invalid-id">
          “{productId.length > 60 ? `${productId.slice(0, 59)}…` : productId}” is not a product id on {shop.metadata.name}. Open the product from the products table.
        </Notice>
      )}
    </div>
  );
}

async function ProductResult({ shop, base, productId, reconnectHref }: { shop: Shop; base: string; productId: string; reconnectHref: string | null }) {
  const result = await attempt(shop, () => shop.connector.getProduct(productId));
  if (!result.ok) return <ShopProblemView problem={result.problem} reconnectHref={reconnectHref} testId="product-problem" />;
  return <ProductDetailView product={result.value} capabilities={shop.metadata.capabilities} platformName={shop.metadata.name} base={base} />;
}
