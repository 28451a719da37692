"use client";

import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";

/** A column the user may hide, as the chooser lists it. */
export type ChooserColumn = { id: string; label: string; visible: boolean };

/** A disclosure with one checkbox per hideable column. Escape or a click outside closes it. */
export function DataTableColumnChooser({
  columns,
  onToggle,
  testId,
}: {
  columns: ChooserColumn[];
  onToggle: (columnId: string, visible: boolean) => void;
  testId: string;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const visibleCount = columns.filter((column) => column.visible).length;

  useEffect(() => {
    if (!open) return;
    function close(event: PointerEvent) {
      if (details.current && !details.current.contains(event.target as Node)) details.current.open = false;
    }
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  if (columns.length === 0) return null;
  return (
    <details
      ref={details}
      className="relative"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={(event) => {
        if (event.key === "Escape" && details.current?.open) {
          details.current.open = false;
          details.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className={`${buttonClass("secondary", "md")} h-9 cursor-pointer list-none [&::-webkit-details-marker]:hidden`} data-testid={`${testId}-columns`}>
        Columns
        <span aria-hidden className="text-slate-400">
          ▾
        </span>
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-56 space-y-1 rounded-md bg-white p-2 shadow-lg ring-1 ring-slate-200">
        <legend className="sr-only">Visible columns</legend>
        {columns.map(({ id, label, visible }) => {
          const last = visible && visibleCount === 1;
          return (
            <label key={id} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-50 has-disabled:cursor-not-allowed has-disabled:text-slate-400">
              <input
                type="checkbox"
                className="size-4 rounded border-slate-300 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
                checked={visible}
                disabled={last}
                title={last ? "At least one column stays visible." : undefined}
                data-testid={`${testId}-column-${id}`}
                onChange={(event) => onToggle(id, event.target.checked)}
              />
              {label}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
