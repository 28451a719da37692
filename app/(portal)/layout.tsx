import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { pageCaller } from "@/lib/auth/page";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const { user } = await pageCaller("user");
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between px-4">
          <Link href="/teams" className="flex items-center gap-2 font-semibold text-slate-900">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src="/favicon.svg" alt="" className="size-6" />
            Stallkeeper
          </Link>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <span data-testid="current-user" title={user.email}>
              {user.name}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      {children}
    </div>
  );
}
