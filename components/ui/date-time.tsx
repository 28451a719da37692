"use client";

const FORMATS = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A moment in the reader's own locale and time zone. The server renders it in its own zone and the browser
 * re-renders it in the reader's, so the text may differ between the two on purpose; the exact instant is in the
 * title and `dateTime` attribute.
 */
export function DateTime({ iso, format = "dateTime", fallback = "—" }: { iso: string | null; format?: keyof typeof FORMATS; fallback?: string }) {
  if (!iso) return <>{fallback}</>;
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {new Intl.DateTimeFormat(undefined, FORMATS[format]).format(new Date(iso))}
    </time>
  );
}
