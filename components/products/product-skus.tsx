import { formatCount } from "@/lib/format";
import type { Money, Sku } from "@/lib/marketplaces/types";

const muted = <span className="text-slate-400">—</span>;

export const formatMoney = (money: Money | undefined) => (money ? <span className="tabular-nums">{`${money.amount} ${money.currency}`}</span> : muted);
export const formatStock = (stock: number | undefined) => (stock === undefined ? muted : <span className="tabular-nums">{formatCount(stock)}</span>);

/** The product's SKUs with their own price and stock, for platforms whose detail has them. */
export function ProductSkus({ skus }: { skus: Sku[] }) {
  if (!skus.length) return <p className="text-sm text-slate-500" data-testid="product-skus">This product has no SKUs.</p>;
  return (
    <div className="overflow-x-auto" data-testid="product-skus">
      <table className="w-full text-sm">
        <caption className="sr-only">SKUs</caption>
        <thead className="border-b border-slate-200 text-left text-xs text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-medium">SKU</th>
            <th className="py-2 pr-3 font-medium">Options</th>
            <th className="py-2 pr-3 text-right font-medium">Price</th>
            <th className="py-2 text-right font-medium">Stock</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {skus.map((sku) => (
            <tr key={sku.id} data-testid="product-sku" data-sku={sku.id}>
              <td className="py-2 pr-3">
                <div className="font-medium text-slate-900">{sku.name}</div>
                <div className="font-mono text-xs text-slate-500">{sku.id}</div>
              </td>
              <td className="py-2 pr-3 text-slate-700">
                {Object.entries(sku.attributes)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join(", ") || muted}
              </td>
              <td className="py-2 pr-3 text-right whitespace-nowrap">{formatMoney(sku.price)}</td>
              <td className="py-2 text-right">{formatStock(sku.stock)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
