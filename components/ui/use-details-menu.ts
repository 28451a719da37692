"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type SyntheticEvent } from "react";

/**
 * A `<details>` that behaves as a menu: a click outside it or Escape closes it (Escape gives focus back to its
 * summary). Escape inside a dialog within it is left to the dialog. Spread `props` on the `<details>`.
 */
export function useDetailsMenu() {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    function close(event: PointerEvent) {
      if (ref.current && !ref.current.contains(event.target as Node)) ref.current.open = false;
    }
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  const close = () => {
    if (ref.current) ref.current.open = false;
  };

  return {
    close,
    props: {
      ref,
      onToggle: (event: SyntheticEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open),
      onKeyDown: (event: KeyboardEvent<HTMLDetailsElement>) => {
        if (event.key !== "Escape" || !ref.current?.open || (event.target instanceof Element && event.target.closest("dialog"))) return;
        close();
        ref.current.querySelector("summary")?.focus();
      },
    },
  };
}
