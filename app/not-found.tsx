import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center" data-testid="not-found">
      <h1 className="text-2xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">This address leads nowhere: it may be mistyped, or what it named was removed or belongs to a team you are not in.</p>
      <Link href="/teams" className={`${buttonClass("primary")} mt-6`}>
        Go to your teams
      </Link>
    </main>
  );
}
