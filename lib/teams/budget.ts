import type { Reader, Tx } from "@/lib/db/client";
import { monthOf, type SpendMonth } from "@/lib/money/month";

// Budgets are per calendar month in UTC (lib/money/month.ts): a charge belongs to the month of
// its createdAt. Open reservations belong to the current month only.

export type Room = {
  budgetCents: number | null;
  spentCents: number;
  reservedCents: number;
  remainingCents: number | null;
};

export type BudgetRoom = { team: Room; member: Room };

async function sums(db: Reader, teamId: string, userId: string | null, month: SpendMonth, withReservations: boolean) {
  const [charged, reserved] = await Promise.all([
    db.charge.aggregate({
      _sum: { amountCents: true },
      where: { teamId, createdAt: { gte: month.start, lt: month.end }, ...(userId ? { userId } : {}) },
    }),
    withReservations
      ? db.videoTask.aggregate({
          _sum: { reservedCents: true },
          where: { teamId, deletedAt: null, reservedCents: { gt: 0 }, ...(userId ? { createdById: userId } : {}) },
        })
      : null,
  ]);
  return { spentCents: charged._sum.amountCents ?? 0, reservedCents: reserved?._sum.reservedCents ?? 0 };
}

/** The team's charges in `month` (the spend the budget is measured against). */
export async function teamSpentCents(db: Reader, teamId: string, month: SpendMonth): Promise<number> {
  return (await sums(db, teamId, null, month, false)).spentCents;
}

function room(budgetCents: number | null, s: { spentCents: number; reservedCents: number }): Room {
  return {
    budgetCents,
    ...s,
    remainingCents: budgetCents === null ? null : Math.max(0, budgetCents - s.spentCents - s.reservedCents),
  };
}

/**
 * A month's spend (default: this month), open reservations (this month only) and what is left,
 * for the team and for one member. The submit check and the spend page both read this.
 */
export async function budgetRoom(
  db: Reader,
  teamId: string,
  userId: string,
  now = new Date(),
  month: SpendMonth = monthOf(now),
): Promise<BudgetRoom> {
  const current = month.key === monthOf(now).key;
  const [team, membership, teamSums, memberSums] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { monthlyBudgetCents: true } }),
    db.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { monthlyCapCents: true } }),
    sums(db, teamId, null, month, current),
    sums(db, teamId, userId, month, current),
  ]);
  return {
    team: room(team.monthlyBudgetCents, teamSums),
    member: room(membership?.monthlyCapCents ?? null, memberSums),
  };
}

/**
 * What jobs made with one API token cost this month (charges, through their task) and the
 * budget they still hold; its optional monthly cap is checked against both at submit.
 */
export async function tokenSpendThisMonth(
  db: Reader,
  tokenId: string,
  now = new Date(),
): Promise<{ spentCents: number; reservedCents: number }> {
  const month = monthOf(now);
  const [charged, reserved] = await Promise.all([
    db.charge.aggregate({
      _sum: { amountCents: true },
      where: { createdAt: { gte: month.start, lt: month.end }, task: { apiTokenId: tokenId } },
    }),
    db.videoTask.aggregate({
      _sum: { reservedCents: true },
      where: { apiTokenId: tokenId, reservedCents: { gt: 0 }, deletedAt: null },
    }),
  ]);
  return { spentCents: charged._sum.amountCents ?? 0, reservedCents: reserved._sum.reservedCents ?? 0 };
}

/** The API token a submit comes through, whose monthly cap applies besides the team's and member's. */
export type SubmitToken = { id: string; monthlyCapCents: number | null };

export class BudgetExceededError extends Error {
  constructor(
    readonly scope: "team" | "member" | "token",
    readonly remainingCents: number,
    readonly costCents: number,
  ) {
    super(`Over the ${scope} budget: ${remainingCents} cents left, ${costCents} needed`);
  }
}

/**
 * Must run first inside the submit transaction. The write to the team row takes the lock that
 * serialises concurrent submissions of one team (a row lock on PostgreSQL, the database write
 * lock on SQLite), so the room read after it cannot be overtaken: no overshoot however many
 * submit at once. Throws BudgetExceededError when the cost does not fit.
 */
export async function lockAndCheckBudget(
  tx: Tx,
  teamId: string,
  userId: string,
  costCents: number,
  now = new Date(),
  token?: SubmitToken,
): Promise<void> {
  await tx.team.update({ where: { id: teamId }, data: { budgetLockVersion: { increment: 1 } } });
  const current = await budgetRoom(tx, teamId, userId, now);
  for (const scope of ["team", "member"] as const) {
    const remaining = current[scope].remainingCents;
    if (remaining !== null && costCents > remaining) throw new BudgetExceededError(scope, remaining, costCents);
  }
  if (token && token.monthlyCapCents !== null) {
    const used = await tokenSpendThisMonth(tx, token.id, now);
    const remaining = Math.max(0, token.monthlyCapCents - used.spentCents - used.reservedCents);
    if (costCents > remaining) throw new BudgetExceededError("token", remaining, costCents);
  }
}

/** This month's spend per member, for the members page (owner and admins only). */
export async function memberSpendThisMonth(db: Reader, teamId: string, now = new Date()): Promise<Map<string, number>> {
  const month = monthOf(now);
  const groups = await db.charge.groupBy({
    by: ["userId"],
    where: { teamId, createdAt: { gte: month.start, lt: month.end } },
    _sum: { amountCents: true },
  });
  return new Map(groups.map((g) => [g.userId, g._sum.amountCents ?? 0]));
}
