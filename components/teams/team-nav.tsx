"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";

export type NavItem = { href: string; label: string };

export function TeamNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="flex gap-1 overflow-x-auto md:flex-col" aria-label="Team">
      {items.map((item) => {
        const active = item.href === pathname || (item.href !== items[0]?.href && pathname.startsWith(item.href));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

/** Sections every team has, by their first path segment. */
const TEAM_SECTIONS = ["accounts", "members", "audit", "jobs"];

/** Switching teams keeps the user on the same kind of page (members, audit, …) in the other team. */
export function TeamSwitcher({ current, teams }: { current: string; teams: { slug: string; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <label className="block">
      <span className="sr-only">Switch team</span>
      <select
        data-testid="team-switcher"
        className="w-full rounded-md border-0 bg-white py-2 pl-3 text-sm font-semibold ring-1 ring-slate-300"
        value={current}
        onChange={(event) => {
          if (event.target.value === "__teams") return router.push("/teams");
          // Shops and jobs belong to one team: the other team gets the same section's list (or its overview).
          const section = pathname.slice(`/t/${current}`.length).split("/")[1];
          const list = section && TEAM_SECTIONS.includes(section) ? `/${section}` : "";
          router.push(`/t/${event.target.value}${list}`);
        }}
      >
        {teams.map((team) => (
          <option key={team.slug} value={team.slug}>
            {team.name}
          </option>
        ))}
        <option value="__teams">All teams / new team…</option>
      </select>
    </label>
  );
}
