/** An attribute's allowed values as chips; the value's own id is in its title. */
export function ValueChips({ values }: { values: readonly { id: string; name: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-1" data-testid="schema-values">
      {values.map((value) => (
        <li key={value.id} title={`Value id ${value.id}`} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700" data-testid="schema-value">
          {value.name}
        </li>
      ))}
    </ul>
  );
}
