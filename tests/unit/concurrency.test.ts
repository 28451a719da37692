import { describe, expect, it } from "vitest";
import { mapBounded } from "@/lib/concurrency";

/** A task per item that finishes only when released, recording how many run at once. */
function gatedTasks() {
  const release = new Map<number, () => void>();
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const work = (item: number) =>
    new Promise<number>((resolve) => {
      running++;
      most = Math.max(most, running);
      started.push(item);
      release.set(item, () => {
        running--;
        resolve(item * 10);
      });
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { work, release, started, settle, most: () => most };
}

describe("mapBounded", () => {
  it("runs at most `limit` at once, starts the next as one ends, and keeps the items' order", async () => {
    const tasks = gatedTasks();
    const done = mapBounded([1, 2, 3, 4, 5], 2, tasks.work);
    await tasks.settle();
    expect(tasks.started).toEqual([1, 2]);
    tasks.release.get(2)!();
    await tasks.settle();
    expect(tasks.started).toEqual([1, 2, 3]);
    for (const item of [1, 3, 4, 5]) {
      await tasks.settle();
      tasks.release.get(item)!();
    }
    expect(await done).toEqual([10, 20, 30, 40, 50]);
    expect(tasks.most()).toBe(2);
  });

  it("throws the first failure", async () => {
    await expect(mapBounded([1, 2, 3], 3, async (item) => (item === 2 ? Promise.reject(new Error("two")) : item))).rejects.toThrow("two");
  });

  it("handles no items and a limit above their number", async () => {
    expect(await mapBounded([], 4, async (item: number) => item)).toEqual([]);
    expect(await mapBounded([1], 4, async (item) => item + 1)).toEqual([2]);
  });
});
