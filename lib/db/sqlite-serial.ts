import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { wrapConnections } from "./adapter-factory";
import { createLock, holding, type Release } from "./lock";

// better-sqlite3 is one connection. Prisma's adapter queues interactive transactions behind each
// other, but a query outside a transaction runs at once on that same connection — inside
// whatever transaction another request has open. If that transaction then rolls back (a budget
// refusal, a unique-key race), the unrelated write is rolled back with it, silently: found when a
// submit's "create_sent" event vanished while five duplicate submits rolled back. Here every
// statement outside a transaction waits its turn behind open transactions, and vice versa.
// (Never use `db` inside a `db.$transaction` callback: use its `tx`, or it waits for itself.)

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter["startTransaction"]>>;
type SqlDriverAdapterFactory = Pick<PrismaBetterSqlite3, "provider" | "adapterName" | "connect">;

/** Calls `release` once the transaction ends (COMMIT or ROLLBACK has run). */
function releasingOnEnd(tx: Transaction, release: Release): Transaction {
  let ended = false;
  const end = () => {
    if (!ended) {
      ended = true;
      release();
    }
  };
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === "commit" || prop === "rollback") {
        return async () => {
          try {
            return await target[prop]();
          } finally {
            end();
          }
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function serialised(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = createLock();
  return new Proxy(adapter, {
    get(target, prop) {
      if (prop === "queryRaw" || prop === "executeRaw") {
        return (query: Parameters<SqlDriverAdapter["queryRaw"]>[0]) =>
          holding<unknown>(lock, () => target[prop](query));
      }
      if (prop === "startTransaction") {
        return async (isolationLevel?: Parameters<SqlDriverAdapter["startTransaction"]>[0]) => {
          const release = await lock();
          try {
            return releasingOnEnd(await target.startTransaction(isolationLevel), release);
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The same adapter factory, whose adapters never mix a statement into another's transaction. */
export function serialisedSqlite(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return wrapConnections(factory, serialised);
}
