import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/prisma-sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-postgresql/client";
import { sqlitePath } from "./migrate";
import { preparedStatementName } from "./pg-statements";
import { oneStatementAtATime } from "./pg-transactions";
import { serialisedSqlite } from "./sqlite-serial";
import { cachingStatements } from "./sqlite-statements";

// Both generated clients share one models file, so their APIs are the same; the SQLite one
// serves as the type (docs/decisions/002-two-databases.md).
export type Db = SqliteClient;
/** The client handed to a `db.$transaction(async (tx) => …)` callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Either the client or a transaction: for reads that may run inside or outside one. */
export type Reader = Tx | Db;

type DriverAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;

/**
 * Wraps the driver adapter's factory (after the statement cache, inside SQLite's serialisation):
 * the query-plan tests' recorder sees every statement the app's own client sends.
 */
export type WrapAdapter = <F extends { connect(): Promise<DriverAdapter> }>(factory: F) => F;

export function createDb(databaseUrl: string, wrap: WrapAdapter = (factory) => factory): Db {
  if (databaseUrl.startsWith("file:")) {
    return new SqliteClient({
      adapter: serialisedSqlite(
        wrap(cachingStatements(new PrismaBetterSqlite3({ url: sqlitePath(databaseUrl), timeout: 10_000 }))),
      ),
    });
  }
  const client = new PostgresClient({
    adapter: wrap(
      oneStatementAtATime(
        new PrismaPg({ connectionString: databaseUrl }, { statementNameGenerator: preparedStatementName }),
      ),
    ),
  });
  return client as unknown as Db;
}
