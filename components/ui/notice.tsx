import type { ReactNode } from "react";

const TONES = {
  error: "bg-red-50 text-red-800 ring-red-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  info: "bg-brand-50 text-brand-700 ring-brand-100",
} as const;

/** A message box. `role="status"` rather than "alert": Next's route announcer already owns the alert role. */
export function Notice({ tone = "info", title, children, testId }: { tone?: keyof typeof TONES; title?: string; children?: ReactNode; testId?: string }) {
  return (
    <div role="status" data-testid={testId} className={`rounded-md px-4 py-3 text-sm ring-1 ring-inset ${TONES[tone]}`}>
      {title ? <p className="font-medium">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
    </div>
  );
}
