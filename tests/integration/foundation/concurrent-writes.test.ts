import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { newTeam } from "../../support/video-harness";

// On SQLite the studio has one connection. A statement outside a transaction must never run
// inside another request's open transaction, and vanish when that one rolls back
// (lib/db/sqlite-serial.ts). PostgreSQL gives this by construction; the test runs on both.
describe("writes outside a transaction", () => {
  it("survive another request's transaction rolling back meanwhile", async () => {
    const { team } = await newTeam("Before");
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const refused = db
      .$transaction(async (tx) => {
        await tx.team.update({ where: { id: team.id }, data: { name: "Inside a refused transaction" } });
        opened();
        await held;
        throw new Error("refused");
      })
      .catch((error: unknown) => error);
    await isOpen;
    // Another request writes while that transaction is open. Prisma's promises are lazy: `then`
    // sends the statement now; it is not awaited, since it may have to wait for its turn.
    const outside = db.team
      .updateMany({ where: { id: team.id }, data: { monthlyBudgetCents: 1234 } })
      .then((result) => result);
    await new Promise((resolve) => setTimeout(resolve, 100));
    finish();
    expect(await refused).toEqual(new Error("refused"));
    expect((await outside).count).toBe(1);
    const row = await db.team.findUniqueOrThrow({ where: { id: team.id } });
    expect(row.name).toBe("Before");
    expect(row.monthlyBudgetCents).toBe(1234);
  });
});

// A PostgreSQL transaction is one connection: statements sent together inside it (a Promise.all,
// Prisma loading a select's relations side by side) must take turns there, not be handed to pg
// while another runs (deprecated by pg, refused by pg 9; lib/db/pg-transactions.ts). Counted on
// pg's own client: a query() call while that client is busy. On SQLite the reads only have to
// come back right.
describe("reads sent together inside a transaction", () => {
  const query = pg.Client.prototype.query;
  afterEach(() => {
    pg.Client.prototype.query = query;
  });

  it("take turns on its connection and each gets its own answer", async () => {
    const { team, owner } = await newTeam("Together");
    let busyCalls = 0;
    pg.Client.prototype.query = function (
      this: pg.Client & { _activeQuery?: unknown; _queryQueue?: unknown[] },
      ...args: unknown[]
    ) {
      if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) busyCalls++;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    const [named, membership, members, count] = await db.$transaction(async (tx) =>
      Promise.all([
        tx.team.findUniqueOrThrow({ where: { id: team.id }, select: { name: true } }),
        tx.membership.findUniqueOrThrow({
          where: { teamId_userId: { teamId: team.id, userId: owner.id } },
          select: { role: true, user: { select: { email: true } }, team: { select: { name: true } } },
        }),
        tx.membership.count({ where: { teamId: team.id } }),
        tx.videoTask.count({ where: { teamId: team.id } }),
      ]),
    );
    expect(named.name).toBe("Together");
    expect(membership).toEqual({ role: "OWNER", user: { email: owner.email }, team: { name: "Together" } });
    expect([members, count]).toEqual([1, 0]);
    if (env.databaseProvider === "postgresql") expect(busyCalls).toBe(0);
  });
});
