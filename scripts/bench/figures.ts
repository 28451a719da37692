// A benchmark figure beside its goal: how it prints, and how it is written for --json.

/** The figure must be at most, under, or at least `value`. */
export type Goal = { sign: "≤" | "<" | "≥"; value: number };

export type Figure = {
  name: string;
  /** null when it could not be measured; `note` then says why. */
  value: number | null;
  unit: string;
  goal?: Goal;
  /** Per-platform or other detail printed under the figure. */
  details?: string[];
  note?: string;
};

export const atMost = (value: number): Goal => ({ sign: "≤", value });
export const under = (value: number): Goal => ({ sign: "<", value });
export const atLeast = (value: number): Goal => ({ sign: "≥", value });

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The nearest-rank percentile: the smallest sample that at least `p` percent of the samples do not exceed. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

const met = (value: number, goal: Goal) => (goal.sign === "≤" ? value <= goal.value : goal.sign === "<" ? value < goal.value : value >= goal.value);

export function printFigure(figure: Figure): void {
  const goal = figure.goal ? `goal ${figure.goal.sign} ${figure.goal.value} ${figure.unit}` : "";
  if (figure.value === null) {
    console.log(`  ${figure.name.padEnd(34)} ${(figure.note ?? "not measured").padEnd(28)} ${goal}`);
  } else {
    const verdict = figure.goal ? (met(figure.value, figure.goal) ? "met" : "MISSED") : "";
    console.log(`  ${figure.name.padEnd(34)} ${`${figure.value} ${figure.unit}`.padEnd(28)} ${goal.padEnd(22)} ${verdict}`);
  }
  for (const line of figure.details ?? []) console.log(`      ${line}`);
}

/** What --json writes: the measured figures only, as `{ name, value, unit }`. */
export const jsonFigures = (figures: readonly Figure[]) =>
  figures.flatMap((figure) => (figure.value === null ? [] : [{ name: figure.name, value: figure.value, unit: figure.unit }]));
