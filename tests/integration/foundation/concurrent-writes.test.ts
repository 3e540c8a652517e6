import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
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
