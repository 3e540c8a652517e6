import type { PrismaPg } from "@prisma/adapter-pg";
import { wrapConnections } from "./adapter-factory";
import { createLock, holding } from "./lock";

// A PostgreSQL transaction is one pooled connection, and Prisma hands its statements to the
// adapter as the transaction's callback makes them: reads in a `Promise.all` inside
// `db.$transaction`, or a select whose relations Prisma loads side by side, send a query while
// another is still running on that connection. pg queues it, but deprecates doing so ("Calling
// client.query() when the client is already executing a query"; pg 9 will refuse it). Here each
// transaction's statements take turns, in the order they were sent, and its end (which releases
// the connection to the pool) waits for the statements sent before it.

type Factory = Pick<PrismaPg, "provider" | "adapterName" | "connect">;
type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** Everything a transaction sends to its connection, or that ends it. */
const IN_TURN = new Set<PropertyKey>([
  "queryRaw",
  "executeRaw",
  "commit",
  "rollback",
  "createSavepoint",
  "rollbackToSavepoint",
  "releaseSavepoint",
]);

function inTurn(tx: Transaction): Transaction {
  const lock = createLock();
  return new Proxy(tx, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      return IN_TURN.has(prop) ? (...args: unknown[]) => holding(lock, async () => method(...args)) : method;
    },
  });
}

/** The same adapter factory, whose transactions send one statement at a time. */
export function oneStatementAtATime(factory: Factory): Factory {
  return wrapConnections(
    factory,
    (adapter) =>
      new Proxy(adapter, {
        get(target, prop) {
          const value: unknown = Reflect.get(target, prop, target);
          if (typeof value !== "function") return value;
          if (prop === "startTransaction")
            return async (...args: Parameters<Adapter["startTransaction"]>) =>
              inTurn(await target.startTransaction(...args));
          return (value as (...a: unknown[]) => unknown).bind(target);
        },
      }),
  );
}
