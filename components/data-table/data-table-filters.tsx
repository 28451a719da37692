"use client";

import { useEffect, useId, useRef, useState } from "react";
import { isCommittableDate, selectValue, type FilterDefinition, type ParamPatch } from "./search-params";

export const TEXT_DEBOUNCE_MS = 300;

const control =
  "block h-9 w-full rounded-md border-0 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 focus-visible:outline-none";
const labelClass = "block text-xs font-medium text-slate-600";

type Commit = (patch: ParamPatch) => void;

/**
 * An input whose value is committed to the URL after a pause in typing (or at once on Enter). It follows the URL when
 * the URL changes from elsewhere (back/forward, "Reset"), but not when the change is its own commit arriving while
 * the user kept typing, so no keystroke is lost.
 */
function useDebouncedValue(urlValue: string, commit: (value: string) => void, options: { delay?: number; accept?: (value: string) => boolean } = {}) {
  const { delay = TEXT_DEBOUNCE_MS, accept = () => true } = options;
  const [state, setState] = useState({ draft: urlValue, seen: urlValue, committed: null as string | null });
  let draft = state.draft;
  if (urlValue !== state.seen) {
    draft = urlValue === state.committed ? state.draft : urlValue;
    setState({ draft, seen: urlValue, committed: null });
  }

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function flush(value: string) {
    clearTimeout(timer.current);
    const normalized = value.trim();
    if (!accept(normalized)) return;
    setState((current) => ({ ...current, committed: normalized }));
    commit(normalized);
  }

  function change(value: string) {
    setState((current) => ({ ...current, draft: value }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => flush(value), delay);
  }

  return { draft, change, flush };
}

function TextFilter({ filter, value, commit, testId }: { filter: Extract<FilterDefinition, { kind: "text" }>; value: string; commit: Commit; testId: string }) {
  const id = useId();
  const { draft, change, flush } = useDebouncedValue(value, (next) => commit({ [filter.param]: next || null }));
  return (
    <div className="w-full space-y-1 sm:w-48">
      <label htmlFor={id} className={labelClass}>
        {filter.label}
      </label>
      <input
        id={id}
        type="search"
        className={control}
        value={draft}
        placeholder={filter.placeholder}
        autoComplete="off"
        spellCheck={false}
        data-testid={`${testId}-filter-${filter.param}`}
        onChange={(event) => change(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            flush(event.currentTarget.value);
          }
        }}
        onBlur={(event) => {
          if (event.currentTarget.value.trim() !== value) flush(event.currentTarget.value);
        }}
      />
    </div>
  );
}

function SelectFilter({ filter, value, commit, testId }: { filter: Extract<FilterDefinition, { kind: "select" }>; value: string; commit: Commit; testId: string }) {
  const id = useId();
  return (
    <div className="w-full space-y-1 sm:w-48">
      <label htmlFor={id} className={labelClass}>
        {filter.label}
      </label>
      <select
        id={id}
        className={control}
        value={selectValue(value, filter.options)}
        data-testid={`${testId}-filter-${filter.param}`}
        onChange={(event) => commit({ [filter.param]: event.target.value || null })}
      >
        <option value="">{filter.allLabel ?? "All"}</option>
        {filter.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateInput({ label, param, value, min, max, commit, testId }: { label: string; param: string; value: string; min?: string; max?: string; commit: Commit; testId: string }) {
  const id = useId();
  const { draft, change, flush } = useDebouncedValue(value, (next) => commit({ [param]: next || null }), { accept: isCommittableDate });
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type="date"
        className={control}
        value={draft}
        min={min || undefined}
        max={max || undefined}
        data-testid={`${testId}-filter-${param}`}
        onChange={(event) => change(event.target.value)}
        onBlur={(event) => {
          if (event.currentTarget.value !== value) flush(event.currentTarget.value);
        }}
      />
    </div>
  );
}

function DateRangeFilter({ filter, from, to, commit, testId }: { filter: Extract<FilterDefinition, { kind: "date-range" }>; from: string; to: string; commit: Commit; testId: string }) {
  return (
    <fieldset className="w-full sm:w-auto">
      <legend className="sr-only">{filter.label}</legend>
      <div className="grid grid-cols-2 gap-2">
        <DateInput label={filter.fromLabel ?? `${filter.label} from`} param={filter.fromParam} value={from} max={to} commit={commit} testId={testId} />
        <DateInput label={filter.toLabel ?? `${filter.label} to`} param={filter.toParam} value={to} min={from} commit={commit} testId={testId} />
      </div>
    </fieldset>
  );
}

/** A hand-edited date the input cannot show reads as empty (the server ignored it too). */
function dateValue(value: string | null): string {
  return value && isCommittableDate(value) ? value : "";
}

/** The toolbar's filter controls, each bound to its own URL parameter(s). */
export function DataTableFilters({
  filters,
  searchParams,
  commit,
  testId,
}: {
  filters: readonly FilterDefinition[];
  searchParams: URLSearchParams;
  /** Applies a filter patch (the caller resets the page). */
  commit: Commit;
  testId: string;
}) {
  return (
    <>
      {filters.map((filter) => {
        if (filter.kind === "text") {
          return <TextFilter key={filter.param} filter={filter} value={searchParams.get(filter.param) ?? ""} commit={commit} testId={testId} />;
        }
        if (filter.kind === "select") {
          return <SelectFilter key={filter.param} filter={filter} value={searchParams.get(filter.param) ?? ""} commit={commit} testId={testId} />;
        }
        return (
          <DateRangeFilter
            key={`${filter.fromParam}:${filter.toParam}`}
            filter={filter}
            from={dateValue(searchParams.get(filter.fromParam))}
            to={dateValue(searchParams.get(filter.toParam))}
            commit={commit}
            testId={testId}
          />
        );
      })}
    </>
  );
}
