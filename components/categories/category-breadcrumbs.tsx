import Link from "next/link";
import type { CategoryNode } from "@/lib/marketplaces/types";
import { treeHref } from "./links";

/** From the whole tree down to the category; each step opens the tree there, the last is where the reader is. */
export function CategoryBreadcrumbs({ path, base, linkLast = false }: { path: CategoryNode[]; base: string; linkLast?: boolean }) {
  return (
    <nav aria-label="Category path" data-testid="category-breadcrumbs">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-sm">
        <li>
          <Link href={treeHref(base)} className="text-brand-700 hover:underline">
            All categories
          </Link>
        </li>
        {path.map((node, index) => {
          const last = index === path.length - 1;
          return (
            <li key={node.id} className="flex items-center gap-1.5" data-category-id={node.id}>
              <span aria-hidden className="text-slate-400">
                ›
              </span>
              {last && !linkLast ? (
                <span aria-current="page" className="font-medium text-slate-900" title={node.altName}>
                  {node.name}
                </span>
              ) : (
                <Link href={treeHref(base, node.id)} className="text-brand-700 hover:underline" title={node.altName}>
                  {node.name}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
