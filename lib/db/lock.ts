/** A function that is called once the holder is done with the lock. */
export type Release = () => void;

/**
 * A FIFO lock: `await lock()` waits for every earlier holder to release, then hands back this
 * holder's release. No timeouts: a holder that never releases stops everyone behind it.
 */
export function createLock(): () => Promise<Release> {
  let tail: Promise<void> = Promise.resolve();
  return () => {
    let release!: Release;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = tail.then(() => release);
    tail = tail.then(() => held);
    return turn;
  };
}

/** Runs `fn` holding `lock`, releasing it however `fn` ends. */
export async function holding<T>(lock: () => Promise<Release>, fn: () => Promise<T>): Promise<T> {
  const release = await lock();
  try {
    return await fn();
  } finally {
    release();
  }
}
