import type { RowData } from "@tanstack/react-table";

declare module "@tanstack/react-table" {
  // Extra, optional column settings read by DataTable. The type parameters must match TanStack's declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** A plain-text name for the column chooser and screen readers, when `header` is not a string. */
    label?: string;
    /** Hidden until the user turns it on in the column chooser. */
    defaultHidden?: boolean;
    /** Extra classes for the `<th>` and each `<td>` of this column (width, alignment, wrapping). */
    className?: string;
  }
}

export {};
