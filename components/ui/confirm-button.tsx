"use client";

import { useRef, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";

/** A button that asks first, in a native modal dialog (focus trapping and Escape come with it). */
export function ConfirmButton({
  label,
  title,
  body,
  confirmLabel,
  onConfirm,
  variant = "danger",
  pending,
  testId,
}: {
  label: ReactNode;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  variant?: ButtonVariant;
  pending?: boolean;
  testId?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button variant={variant} size="sm" pending={pending} onClick={() => dialog.current?.showModal()} data-testid={testId}>
        {label}
      </Button>
      <dialog ref={dialog} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form method="dialog" className="space-y-4 p-5">
          <h2 className="text-base font-semibold">{title}</h2>
          <div className="text-sm text-slate-600">{body}</div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" value="cancel">
              Cancel
            </Button>
            <Button variant={variant === "danger" ? "danger" : "primary"} value="confirm" onClick={onConfirm} data-testid={testId ? `${testId}-confirm` : undefined}>
              {confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
