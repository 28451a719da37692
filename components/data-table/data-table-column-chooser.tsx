"use client";

import type { Column } from "@tanstack/react-table";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";

/** The name a column goes by in the chooser: its `meta.label`, a string header, or its id. */
export function columnLabel<TData>(column: Column<TData, unknown>): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === "string" ? header : column.id);
}

/** A disclosure with one checkbox per hideable column. Escape or a click outside closes it. */
export function DataTableColumnChooser<TData>({
  columns,
  onToggle,
  testId,
}: {
  columns: Column<TData, unknown>[];
  onToggle: (columnId: string, visible: boolean) => void;
  testId: string;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const hideable = columns.filter((column) => column.getCanHide());
  const visibleCount = hideable.filter((column) => column.getIsVisible()).length;

  useEffect(() => {
    if (!open) return;
    function close(event: PointerEvent) {
      if (details.current && !details.current.contains(event.target as Node)) details.current.open = false;
    }
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  if (hideable.length === 0) return null;
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
        {hideable.map((column) => {
          const visible = column.getIsVisible();
          const last = visible && visibleCount === 1;
          return (
            <label key={column.id} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-50 has-disabled:cursor-not-allowed has-disabled:text-slate-400">
              <input
                type="checkbox"
                className="size-4 rounded border-slate-300 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
                checked={visible}
                disabled={last}
                title={last ? "At least one column stays visible." : undefined}
                data-testid={`${testId}-column-${column.id}`}
                onChange={(event) => onToggle(column.id, event.target.checked)}
              />
              {columnLabel(column)}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
