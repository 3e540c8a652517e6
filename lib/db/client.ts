import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/prisma-sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-postgresql/client";
import { sqlitePath } from "./migrate";
import { preparedStatementName } from "./pg-statements";
import { serialisedSqlite } from "./sqlite-serial";
import { cachingStatements } from "./sqlite-statements";

// Both generated clients share one models file, so their APIs are the same; the SQLite one
// serves as the type (docs/decisions/002-two-databases.md).
export type Db = SqliteClient;
/** The client handed to a `db.$transaction(async (tx) => …)` callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Either the client or a transaction: for reads that may run inside or outside one. */
export type Reader = Tx | Db;

export function createDb(databaseUrl: string): Db {
  if (databaseUrl.startsWith("file:")) {
    return new SqliteClient({
      adapter: serialisedSqlite(
        cachingStatements(new PrismaBetterSqlite3({ url: sqlitePath(databaseUrl), timeout: 10_000 })),
      ),
    });
  }
  const client = new PostgresClient({
    adapter: new PrismaPg({ connectionString: databaseUrl }, { statementNameGenerator: preparedStatementName }),
  });
  return client as unknown as Db;
}
