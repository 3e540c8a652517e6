import type { Reader } from "./client";

/**
 * Independent reads, made together: all at once on the client (each may take a pooled connection
 * of its own), one after another inside a transaction. A transaction is one connection, and pg
 * deprecates sending it a query while another is running (pg 9 will refuse it); on SQLite every
 * statement waits its turn anyway (lib/db/sqlite-serial.ts). A transaction's client is the one
 * without `$connect` (Prisma 7 keeps `$transaction` on it, for nested transactions).
 */
export async function readTogether<T extends unknown[]>(
  db: Reader,
  ...reads: { [K in keyof T]: () => PromiseLike<T[K]> }
): Promise<T> {
  if (typeof (db as { $connect?: unknown }).$connect === "function")
    return (await Promise.all(reads.map((read) => read()))) as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as T;
}
