import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 flex items-center gap-2 text-lg font-semibold text-slate-900">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src="/favicon.svg" alt="" className="size-7" />
        Stallkeeper
      </Link>
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200">{children}</div>
    </main>
  );
}
