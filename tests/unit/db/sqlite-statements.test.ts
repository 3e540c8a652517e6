import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cacheStatements } from "@/lib/db/sqlite-statements";

// The adapter's calls, as @prisma/adapter-better-sqlite3 makes them: prepare(sql).bind(args), then
// run() for a writer or columns() and raw().all() for a reader; prepare("BEGIN").run() unbound.
type AdapterView = {
  prepare(sql: string): {
    run(): unknown;
    bind(args: unknown[]): {
      reader: boolean;
      run(): { changes: number };
      columns(): { name: string }[];
      raw(): { all(): unknown[][] };
    };
  };
};

function connection() {
  const db = new Database(":memory:");
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)`);
  const cache = cacheStatements(db, 3);
  return { view: db as unknown as AdapterView, cache };
}

describe("the SQLite statement cache", () => {
  it("prepares a statement once and binds each call's own arguments", () => {
    const { view, cache } = connection();
    for (const [id, name] of [
      [1, "one"],
      [2, "two"],
    ] as const)
      expect(view.prepare("INSERT INTO t (id, name) VALUES (?, ?)").bind([id, name]).run().changes).toBe(1);
    const select = "SELECT id, name FROM t WHERE id = ?";
    const first = view.prepare(select).bind([1]);
    const second = view.prepare(select).bind([2]);
    expect(first.reader).toBe(true);
    expect(first.columns().map((c) => c.name)).toEqual(["id", "name"]);
    // Bound in the other order than run: each binding keeps its own arguments.
    expect(second.raw().all()).toEqual([[2, "two"]]);
    expect(first.raw().all()).toEqual([[1, "one"]]);
    expect(cache.size).toBe(2);
  });

  it("runs unbound statements (BEGIN, COMMIT) and keeps a transaction's writes", () => {
    const { view } = connection();
    view.prepare("BEGIN").run();
    view.prepare("INSERT INTO t (id, name) VALUES (?, ?)").bind([3, "three"]).run();
    view.prepare("ROLLBACK").run();
    expect(view.prepare("SELECT count(*) FROM t").bind([]).raw().all()).toEqual([[0]]);
  });

  it("keeps at most its size, dropping the least recently used", () => {
    const { view, cache } = connection();
    const sql = (n: number) => `SELECT ${n} FROM t`;
    for (const n of [1, 2, 3]) view.prepare(sql(n));
    view.prepare(sql(1)); // used again: 2 is now the oldest
    view.prepare(sql(4));
    expect([...cache.keys()]).toEqual([sql(3), sql(1), sql(4)]);
  });

  it("reports SQLite's errors as better-sqlite3 does", () => {
    const { view } = connection();
    expect(() => view.prepare("SELECT nope FROM t")).toThrow(/no such column/);
    view.prepare("INSERT INTO t (id, name) VALUES (?, ?)").bind([5, "five"]).run();
    expect(() => view.prepare("INSERT INTO t (id, name) VALUES (?, ?)").bind([5, "again"]).run()).toThrow(
      /UNIQUE constraint failed/,
    );
  });
});
