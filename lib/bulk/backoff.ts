// Waiting between tries: exponential with jitter, so that workers that failed together do not retry together.

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The wait before try `failures + 1`: doubling from `baseMs` up to `maxMs`, drawn from its upper half. */
export function backoffMs(failures: number, baseMs = 250, maxMs = 15_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
