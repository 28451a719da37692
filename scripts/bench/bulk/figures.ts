// The bulk part's four figures, from what main.ts measured, each with a line per platform saying how it came about.
import { platform } from "../../../lib/marketplaces/registry";
import type { PlatformId } from "../../../lib/marketplaces/types";
import { atLeast, atMost, round, under, type Figure } from "../figures";
import type { WorkerMemory } from "./memory";
import type { JobTime } from "./timing";

export type PlatformRun = {
  id: PlatformId;
  items: number;
  /** The engine's own job on one account, alone. */
  alone: JobTime;
  /** The same size of job on another account, run beside the other platforms'. */
  together: JobTime;
  /** One call per product, awaited one after the other: milliseconds a product, over `sampled` products. */
  oneByOne: { msPerProduct: number; sampled: number };
};

const seconds = (ms: number) => `${round(ms / 1000, 1)} s`;
const count = (value: number) => value.toLocaleString("en-US");

function pace(id: PlatformId) {
  const { displayStatus, rateLimit } = platform(id).metadata.capabilities;
  return { batch: displayStatus!.maxBatchSize, rate: rateLimit.perAccount, asynchronous: displayStatus!.asynchronous };
}

/** items / (batch size × allowed rate), in ms: no engine can do better within the declared limits. */
export function boundMs(id: PlatformId, items: number): number {
  const { batch, rate } = pace(id);
  return (items / (batch * rate)) * 1000;
}

const outcome = (time: JobTime) => `${count(time.done)} done, ${count(time.failed)} refused`;

function oneAccount(runs: readonly PlatformRun[], fullSize: number): Figure {
  const details = runs.map((run) => {
    const { batch, rate, asynchronous } = pace(run.id);
    const bound = boundMs(run.id, run.items);
    const why = asynchronous
      ? "; not in the figure: its commands all go out within the bound, and the time is the platform's processing of them and the polls of their reports"
      : run.items < fullSize
        ? `; ${count(run.items)} items, as ${count(fullSize)} would take ${seconds(boundMs(run.id, fullSize))} at this bound`
        : "";
    return `${run.id}: ${count(run.items)} items in ${seconds(run.alone.ms)} (${outcome(run.alone)}), bound ${count(run.items)} / (${batch} × ${rate}/s) = ${seconds(bound)}, ratio ${round(run.alone.ms / bound)}${why}`;
  });
  const counted = runs.filter((run) => !pace(run.id).asynchronous);
  const worst = Math.max(...counted.map((run) => run.alone.ms / boundMs(run.id, run.items)));
  return { name: "bulk.one_account_vs_bound_ratio", value: round(worst), unit: "x", goal: atMost(1.15), details: [...details, `the figure is the worst of ${counted.map((run) => run.id).join(", ")}`] };
}

function speedup(runs: readonly PlatformRun[]): Figure {
  const ratio = (run: PlatformRun) => (run.oneByOne.msPerProduct * run.items) / run.alone.ms;
  const details = runs.map((run) => {
    const { batch, rate } = pace(run.id);
    // No engine can beat batch × rate × one call's time: that many products go in the time one call takes alone.
    const ceiling = (batch * rate * run.oneByOne.msPerProduct) / 1000;
    const why = batch === 1 ? `; not in the figure: one product a call, so the engine makes the same calls, at the declared ${rate}/s` : `; the declared limits allow at most ${batch} × ${rate}/s × ${round(run.oneByOne.msPerProduct / 1000, 3)} s = ${round(ceiling, 1)}`;
    const naive = run.oneByOne.msPerProduct * run.items;
    return `${run.id}: ${round(run.oneByOne.msPerProduct, 1)} ms a product one by one (${run.oneByOne.sampled} of the job's products, scaled to ${count(run.items)}: ${seconds(naive)}) / engine ${seconds(run.alone.ms)} = ${round(ratio(run), 1)}${why}`;
  });
  const counted = runs.filter((run) => pace(run.id).batch > 1);
  const worst = Math.min(...counted.map(ratio));
  return {
    name: "bulk.vs_one_call_per_product_speedup",
    value: round(worst, 1),
    unit: "x",
    goal: atLeast(20),
    details: [...details, `the figure is the worst of ${counted.map((run) => run.id).join(", ")}`],
  };
}

function together(runs: readonly PlatformRun[]): Figure {
  const slowest = runs.reduce((worst, run) => (run.alone.ms > worst.alone.ms ? run : worst));
  const wall = Math.max(...runs.map((run) => run.together.ms));
  const details = runs.map((run) => `${run.id}: ${count(run.items)} items, alone ${seconds(run.alone.ms)}, beside the others ${seconds(run.together.ms)} (${outcome(run.together)})`);
  return {
    name: "bulk.five_accounts_vs_slowest_ratio",
    value: round(wall / slowest.alone.ms),
    unit: "x",
    goal: atMost(1.2),
    details: [...details, `all five at once ${seconds(wall)} over the slowest alone (${slowest.id}) ${seconds(slowest.alone.ms)}`],
  };
}

function memory(measured: WorkerMemory | { missing: string }): Figure {
  const figure = { name: "bulk.worker_memory_growth_mb_100k", unit: "MB", goal: under(100) };
  if ("missing" in measured) return { ...figure, value: null, note: "not measured", details: [measured.missing] };
  const { rss, heap } = measured;
  return {
    ...figure,
    value: round(rss.peak - rss.warm, 1),
    details: [
      `${count(measured.items)} items worked by one worker in ${round(measured.seconds)} s; ${measured.samples} samples after warm-up (the first 5% of the items)`,
      `RSS ${round(rss.warm, 1)} MB after warm-up, peak ${round(rss.peak, 1)} MB; heap used ${round(heap.warm, 1)} MB, peak ${round(heap.peak, 1)} MB`,
    ],
  };
}

export function bulkFigures(runs: readonly PlatformRun[], fullSize: number, worker: WorkerMemory | { missing: string }): Figure[] {
  return [oneAccount(runs, fullSize), speedup(runs), together(runs), memory(worker)];
}
