import { describe, expect, it } from "vitest";
import type { PrismaPg } from "@prisma/adapter-pg";
import { oneStatementAtATime } from "@/lib/db/pg-transactions";

// A stand-in for @prisma/adapter-pg's factory: each statement takes 5 ms and records how many
// were running at once on its connection (the adapter itself, or one transaction).
function fakeFactory() {
  const log: string[] = [];
  const connection = () => {
    let running = 0;
    const peak = { value: 0 };
    const run = async (sql: string) => {
      running++;
      peak.value = Math.max(peak.value, running);
      log.push(`start ${sql}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${sql}`);
      running--;
      return { columnNames: [], columnTypes: [], rows: [[sql]] };
    };
    return { run, peak };
  };
  const outside = connection();
  const transactions: ReturnType<typeof connection>[] = [];
  const adapter = {
    queryRaw: (q: { sql: string }) => outside.run(q.sql),
    startTransaction: async () => {
      const conn = connection();
      transactions.push(conn);
      return {
        options: { usePhantomQuery: false },
        queryRaw: (q: { sql: string }) => conn.run(q.sql),
        executeRaw: async (q: { sql: string }) => (await conn.run(q.sql)).rows.length,
        commit: async () => void log.push("release"),
        rollback: async () => void log.push("release"),
      };
    },
  };
  const factory = { provider: "postgres", adapterName: "fake", connect: async () => adapter };
  return {
    factory: factory as unknown as Pick<PrismaPg, "provider" | "adapterName" | "connect">,
    outside,
    transactions,
    log,
  };
}

const q = (sql: string) => ({ sql, args: [], argTypes: [] });

describe("oneStatementAtATime (PostgreSQL transactions)", () => {
  it("sends a transaction's statements one at a time, in the order they came", async () => {
    const { factory, transactions, log } = fakeFactory();
    const adapter = await oneStatementAtATime(factory).connect();
    const tx = await adapter.startTransaction();
    const rows = await Promise.all(["a", "b", "c"].map((sql) => tx.queryRaw(q(sql))));
    expect(rows.map((r) => r.rows[0])).toEqual([["a"], ["b"], ["c"]]);
    expect(transactions[0]!.peak.value).toBe(1);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("ends the transaction (releasing its connection) only after the statements sent before", async () => {
    const { factory, log } = fakeFactory();
    const adapter = await oneStatementAtATime(factory).connect();
    const tx = await adapter.startTransaction();
    const pending = [tx.executeRaw(q("COMMIT")), tx.commit()];
    await Promise.all(pending);
    expect(log).toEqual(["start COMMIT", "end COMMIT", "release"]);
  });

  it("leaves statements outside a transaction free to run together (each takes a pooled connection)", async () => {
    const { factory, outside } = fakeFactory();
    const adapter = await oneStatementAtATime(factory).connect();
    await Promise.all(["x", "y", "z"].map((sql) => adapter.queryRaw(q(sql))));
    expect(outside.peak.value).toBe(3);
  });

  it("keeps two transactions apart: each has its own turn-taking", async () => {
    const { factory, transactions, log } = fakeFactory();
    const adapter = await oneStatementAtATime(factory).connect();
    const [one, two] = await Promise.all([adapter.startTransaction(), adapter.startTransaction()]);
    await Promise.all([one.queryRaw(q("1a")), two.queryRaw(q("2a")), one.queryRaw(q("1b")), two.queryRaw(q("2b"))]);
    expect(transactions.map((t) => t.peak.value)).toEqual([1, 1]);
    // The other transaction's first statement started while this one's first was running.
    expect(log.indexOf("start 2a")).toBeLessThan(log.indexOf("end 1a"));
    expect(log.indexOf("start 1b")).toBeGreaterThan(log.indexOf("end 1a"));
  });
});
