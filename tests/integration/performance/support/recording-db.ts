import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { createDb, type Db } from "@/lib/db/client";

// The app's own client (createDb: same adapters, same serialisation) with a recorder on the driver adapter:
// every statement the app sends, with its arguments exactly as Prisma passes them, so a test can
// ask the database how it plans *that* statement. Install it before anything imports "@/lib/db"
// (lib/db.ts takes the client from globalThis.studioDb when one is there).

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];
type ResultSet = Awaited<ReturnType<Adapter["queryRaw"]>>;

export type Recorded = { sql: string; query: Query };

export type Recorder = {
  db: Db;
  postgres: boolean;
  /** Runs `fn`, returning every statement it sent. `dry`: SELECTs answer no rows (nothing is due, nothing changes). */
  record(fn: () => Promise<unknown>, opts?: { dry?: boolean }): Promise<Recorded[]>;
  /** Sends a recorded statement again, straight to the driver adapter (no Prisma engine): the raw SQL's cost. */
  replay(statement: Recorded): Promise<unknown>;
  /** The plan of a recorded statement, one line per step (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN, JSON). */
  explain(statement: Recorded): Promise<PlanStep[]>;
  /**
   * PostgreSQL: the generic plan of a recorded statement (the plan a kept-prepared statement may
   * settle on, whatever its arguments: PREPARE, then EXPLAIN EXECUTE under force_generic_plan).
   */
  explainGeneric(statement: Recorded): Promise<PlanStep[]>;
};

export type PlanStep = { relation: string | null; text: string; fullScan: boolean };

export function installRecordingDb(databaseUrl: string): Recorder {
  const postgres = !databaseUrl.startsWith("file:");
  let connected: Adapter | null = null;
  let log: Recorded[] | null = null;
  let dry = false;
  const recording = <F extends { connect(): Promise<Adapter> }>(factory: F): F =>
    new Proxy(factory, {
      get(target, prop) {
        if (prop === "connect") {
          return async () => {
            const adapter = await target.connect();
            connected = adapter;
            return new Proxy(adapter, {
              get(inner, key) {
                if (key === "queryRaw") {
                  return async (query: Query): Promise<ResultSet> => {
                    log?.push({ sql: query.sql, query });
                    const result = await inner.queryRaw(query);
                    return dry && /^\s*SELECT/i.test(query.sql) ? { ...result, rows: [] } : result;
                  };
                }
                const value: unknown = Reflect.get(inner, key, inner);
                return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(inner) : value;
              },
            });
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const db = createDb(databaseUrl, recording);
  (globalThis as unknown as { studioDb?: Db }).studioDb = db;

  return {
    db,
    postgres,
    async record(fn, opts = {}) {
      const statements: Recorded[] = [];
      log = statements;
      dry = opts.dry ?? false;
      try {
        await fn();
      } finally {
        log = null;
        dry = false;
      }
      return statements;
    },
    async replay(statement) {
      if (!connected) throw new Error("no connection yet");
      return connected.queryRaw(statement.query);
    },
    async explain(statement) {
      if (!connected) throw new Error("no connection yet");
      if (postgres) {
        return pgPlan(await connected.queryRaw({ ...statement.query, sql: `EXPLAIN (FORMAT JSON) ${statement.sql}` }));
      }
      const result = await connected.queryRaw({ ...statement.query, sql: `EXPLAIN QUERY PLAN ${statement.sql}` });
      return sqlitePlan(result);
    },
    async explainGeneric(statement) {
      if (!connected || !postgres) throw new Error("generic plans are PostgreSQL's");
      const tx = await connected.startTransaction();
      const run = (sql: string) => tx.executeRaw({ sql, args: [], argTypes: [] });
      try {
        await run("BEGIN");
        await run("SET LOCAL plan_cache_mode = force_generic_plan");
        await run(`PREPARE studio_generic_plan AS ${statement.sql}`);
        // A generic plan is the same whatever the values (and EXPLAIN runs nothing): NULLs do.
        const params = statement.query.args.map(() => "NULL").join(", ");
        const sql = `EXPLAIN (FORMAT JSON) EXECUTE studio_generic_plan${params ? `(${params})` : ""}`;
        return pgPlan(await tx.queryRaw({ sql, args: [], argTypes: [] }));
      } finally {
        // PREPARE outlives a rollback; only this one goes (the adapter's own named statements stay).
        await run("ROLLBACK").catch(() => undefined);
        await run("DEALLOCATE studio_generic_plan").catch(() => undefined);
        await tx.rollback();
      }
    },
  };
}

/** PostgreSQL's EXPLAIN (FORMAT JSON) answer, one step per plan node. */
function pgPlan(result: ResultSet): PlanStep[] {
  const cell = result.rows[0]?.[0];
  const doc = (typeof cell === "string" ? JSON.parse(cell) : cell) as [{ Plan: PgNode }];
  return flattenPg(doc[0].Plan);
}

function sqlitePlan(result: ResultSet): PlanStep[] {
  const detail = result.columnNames.indexOf("detail");
  return result.rows.map((row) => {
    const text = String(row[detail]);
    const scan = /^SCAN (?:main\.)?"?(\w+)"?(?: USING COVERING INDEX \S+)?$/.exec(text);
    const relation = /^(?:SCAN|SEARCH) (?:main\.)?"?(\w+)"?/.exec(text)?.[1] ?? null;
    return { relation, text, fullScan: scan !== null };
  });
}

type PgNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Filter?: string;
  Plans?: PgNode[];
};

function flattenPg(node: PgNode, depth = 0): PlanStep[] {
  const relation = node["Relation Name"] ?? null;
  const type = node["Node Type"];
  // A sequential scan reads the table; an index scan with no condition reads the whole index.
  const fullScan =
    relation !== null && (type === "Seq Scan" || (/Index( Only)? Scan/.test(type) && !node["Index Cond"]));
  const text = [
    `${"  ".repeat(depth)}${type}`,
    node["Index Name"] ? `using ${node["Index Name"]}` : "",
    relation ? `on ${relation}` : "",
    node["Index Cond"] ? `(${node["Index Cond"]})` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return [{ relation, text, fullScan }, ...(node.Plans ?? []).flatMap((child) => flattenPg(child, depth + 1))];
}
