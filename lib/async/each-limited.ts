/**
 * Runs `run` over `items` with at most `limit` calls in flight, in order of the list; resolves when
 * every call has settled. A call that throws does not stop the others: `run` handles its own errors
 * (a rejection is logged with `label` and counted in the answer).
 */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
  label = "eachLimited",
): Promise<{ failed: number }> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await run(item);
      } catch (error) {
        failed++;
        console.error(`[${label}]`, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return { failed };
}
