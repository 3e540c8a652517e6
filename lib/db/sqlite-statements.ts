import type { Database, Statement } from "better-sqlite3";
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { wrapConnections } from "./adapter-factory";

// Prisma's better-sqlite3 adapter prepares every statement again on every call
// (`client.prepare(sql).bind(args)`): SQLite parses and plans the SQL each time. For the status
// route's two statements that was a third of their cost (issue 11, a server profile at 64
// connections: `prepare` 0.3 ms of ~0.8 ms of SQLite per request). Here the connection keeps its
// prepared statements by SQL text and hands the adapter a fresh binding each call. A statement
// keeps no state between calls: better-sqlite3's run/all are synchronous and take their
// parameters per call, and the adapter asks for raw rows on every read.

/** How many distinct statements one connection keeps prepared (the least recently used go). */
export const STATEMENT_CACHE_SIZE = 500;

/** The part of a bound statement Prisma's adapter uses. */
type Bound = {
  readonly reader: boolean;
  run(): ReturnType<Statement["run"]>;
  columns(): ReturnType<Statement["columns"]>;
  raw(): { all(): unknown[] };
};
type Prepared = Bound & { bind(args: unknown[]): Bound };

function bound(statement: Statement, args: unknown[]): Bound {
  return {
    reader: statement.reader,
    run: () => statement.run(args),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(args) as unknown[] }),
  };
}

/** Makes `client.prepare` answer from a cache of prepared statements; returns the cache. */
export function cacheStatements(client: Database, size = STATEMENT_CACHE_SIZE): Map<string, Statement> {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Statement>();
  const cached = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (statement) cache.delete(sql);
    else {
      statement = prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return statement;
  };
  (client as unknown as { prepare: (sql: string) => Prepared }).prepare = (sql) => {
    const statement = cached(sql);
    return { ...bound(statement, []), bind: (args) => bound(statement, args) };
  };
  return cache;
}

type Factory = Pick<PrismaBetterSqlite3, "provider" | "adapterName" | "connect">;

/** The same adapter factory, whose connections keep their prepared statements. */
export function cachingStatements(factory: Factory): Factory {
  return wrapConnections(factory, (adapter) => {
    cacheStatements((adapter as unknown as { client: Database }).client);
    return adapter;
  });
}
