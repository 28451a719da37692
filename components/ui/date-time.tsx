"use client";

// Made once: making a formatter costs far more than formatting with it, and a table has a date on every row.
const FORMATTERS = {
  date: new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }),
  dateTime: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }),
};

/**
 * A moment in the reader's own locale and time zone. The server renders it in its own zone and the browser
 * re-renders it in the reader's, so the text may differ between the two on purpose; the exact instant is in the
 * title and `dateTime` attribute.
 */
export function DateTime({ iso, format = "dateTime", fallback = "—" }: { iso: string | null; format?: keyof typeof FORMATTERS; fallback?: string }) {
  if (!iso) return <>{fallback}</>;
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {FORMATTERS[format].format(new Date(iso))}
    </time>
  );
}
