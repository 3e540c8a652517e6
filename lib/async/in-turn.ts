/**
 * Runs `work` after every earlier call with the same `key` in this process has settled: one at a
 * time per key, in order of arrival. For work that the database would serialise anyway (a row
 * lock), so that waiters queue here instead of each holding a pooled connection while they wait.
 */
export async function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  try {
    await previous;
    return await work();
  } finally {
    done();
    if (tails.get(key) === tail) tails.delete(key);
  }
}

const tails = new Map<string, Promise<void>>();
