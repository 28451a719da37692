"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The shop's sections; the first (the overview) is active only on its own path, the others on their subpaths. */
export function ShopTabs({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav className="flex gap-1 border-b border-slate-200" aria-label="Shop">
      {items.map((item, index) => {
        const active = index === 0 ? pathname === item.href : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
