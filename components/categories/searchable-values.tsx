"use client";

import { useState } from "react";
import { ValueChips } from "./value-chips";

/** A long list of allowed values with a box that narrows it by name or id. */
export function SearchableValues({ attributeName, values }: { attributeName: string; values: readonly { id: string; name: string }[] }) {
  const [text, setText] = useState("");
  const wanted = text.trim().toLocaleLowerCase();
  const shown = wanted ? values.filter((value) => value.name.toLocaleLowerCase().includes(wanted) || value.id.toLocaleLowerCase().includes(wanted)) : values;
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Find a value"
          aria-label={`Find a value of ${attributeName}`}
          className="block w-full max-w-56 rounded-md border-0 bg-white px-2.5 py-1 text-xs text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500"
          data-testid="schema-value-search"
        />
        <span role="status" className="text-xs text-slate-500" data-testid="schema-value-count">
          {shown.length === values.length ? `${values.length} values` : `${shown.length} of ${values.length} values`}
        </span>
      </div>
      {shown.length ? <ValueChips values={shown} /> : <p className="text-xs text-slate-500">No value matches “{text.trim()}”.</p>}
    </div>
  );
}
