// Answers that seldom change (a category, its children) are asked once per connector. A failure is not kept: the
// next ask tries again.

/** `load` for each key once, as long as it succeeds. */
export function onceEach<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const known = new Map<string, Promise<T>>();
  return (key) => {
    let found = known.get(key);
    if (!found) {
      found = load(key).catch((error: unknown) => {
        known.delete(key);
        throw error;
      });
      known.set(key, found);
    }
    return found;
  };
}
