import "server-only";
import type { Reader } from "@/lib/teams/db-types";
import type { Room } from "@/lib/teams/budget";
import { authorize } from "@/lib/teams/authorize";
import { budgetRoom } from "@/lib/teams/budget";
import { can } from "@/lib/teams/permissions";
import type { Role } from "@/lib/teams/roles";
import { daysOf, monthOf, type SpendMonth } from "@/lib/money/month";

export type ChargeRow = {
  id: string;
  taskId: string;
  createdAt: string;
  user: { id: string; name: string; email: string };
  model: string;
  size: string;
  seconds: number;
  amountCents: number;
  /** The estimate shown at submit (0 for a refunded charge: nothing was billed). */
  estimateCents: number;
};

/** Per model: what the studio estimated and what was charged (the provider's bill where it reports one). */
export type EstimateRow = {
  model: string;
  count: number;
  estimateCents: number;
  chargedCents: number;
  differenceCents: number;
};

export type SpendReport = {
  month: string;
  /** "team": every member's charges (owner, admins); "own": only the viewer's. */
  scope: "team" | "own";
  role: Role;
  current: boolean;
  team: Room;
  own: { spentCents: number; reservedCents: number; capCents: number | null; remainingCents: number | null };
  byMember: { userId: string; name: string; cents: number; count: number }[];
  byModel: { model: string; cents: number; count: number }[];
  /** Estimate against bill per model (issue 14): a relay whose prices drift from its table shows here. */
  estimateByModel: EstimateRow[];
  byDay: { day: string; cents: number }[];
  charges: ChargeRow[];
  /** Where the month picker starts: the team's creation or its first charge, whichever is earlier. */
  firstMonthAt: string;
};

function sumBy<K extends string>(rows: ChargeRow[], key: (r: ChargeRow) => K) {
  const out = new Map<K, { cents: number; count: number }>();
  for (const r of rows) {
    const entry = out.get(key(r)) ?? { cents: 0, count: 0 };
    entry.cents += r.amountCents;
    entry.count += 1;
    out.set(key(r), entry);
  }
  return out;
}

/**
 * A month of spend for the team page. Everyone sees the team's totals and their own charges;
 * owner and admins (spend.read.members) see every member's. Totals and open reservations come
 * from budgetRoom: the same figures the submit check uses (reservations count in the current month).
 */
export async function spendReport(
  db: Reader,
  userId: string,
  teamId: string,
  month: SpendMonth,
  now = new Date(),
): Promise<SpendReport> {
  const actor = await authorize(db, userId, teamId, "spend.read");
  const everyone = can(actor.role, "spend.read.members");
  const inMonth = { teamId: actor.team.id, createdAt: { gte: month.start, lt: month.end } };
  const [team, room, rows, first] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: actor.team.id }, select: { createdAt: true } }),
    budgetRoom(db, actor.team.id, userId, now, month),
    db.charge.findMany({
      where: everyone ? inMonth : { ...inMonth, userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        taskId: true,
        createdAt: true,
        model: true,
        size: true,
        seconds: true,
        amountCents: true,
        refundedAt: true,
        task: { select: { estimateCents: true } },
        user: { select: { id: true, name: true, email: true } },
      },
    }),
    // The team's first charge: the first entry of (teamId, createdAt). An aggregate _min would be
    // sent as MIN over a subquery, which reads every charge of the team.
    db.charge.findFirst({
      where: { teamId: actor.team.id },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const current = monthOf(now).key === month.key;
  const charges: ChargeRow[] = rows.map(({ task, refundedAt, ...r }) => ({
    ...r,
    estimateCents: refundedAt ? 0 : task.estimateCents,
    createdAt: r.createdAt.toISOString(),
    user: { id: r.user.id, name: r.user.name ?? r.user.email, email: r.user.email },
  }));
  const names = new Map(charges.map((c) => [c.user.id, c.user.name]));
  const perDay = sumBy(charges, (c) => c.createdAt.slice(0, 10));
  return {
    month: month.key,
    scope: everyone ? "team" : "own",
    role: actor.role,
    current,
    team: room.team,
    own: {
      spentCents: room.member.spentCents,
      reservedCents: room.member.reservedCents,
      capCents: room.member.budgetCents,
      remainingCents: room.member.remainingCents,
    },
    byMember: everyone
      ? [...sumBy(charges, (c) => c.user.id)]
          .map(([id, v]) => ({ userId: id, name: names.get(id) ?? id, ...v }))
          .sort((a, b) => b.cents - a.cents)
      : [],
    byModel: [...sumBy(charges, (c) => c.model)]
      .map(([model, v]) => ({ model, ...v }))
      .sort((a, b) => b.cents - a.cents),
    estimateByModel: estimateByModel(charges),
    byDay: daysOf(month).map((day) => ({ day, cents: perDay.get(day)?.cents ?? 0 })),
    charges,
    firstMonthAt: (first && first.createdAt < team.createdAt ? first.createdAt : team.createdAt).toISOString(),
  };
}

/** Sums of estimate and charge per model, the models with the largest drift (either way) first. */
export function estimateByModel(charges: readonly ChargeRow[]): EstimateRow[] {
  const out = new Map<string, EstimateRow>();
  for (const c of charges) {
    const row = out.get(c.model) ?? { model: c.model, count: 0, estimateCents: 0, chargedCents: 0, differenceCents: 0 };
    row.count += 1;
    row.estimateCents += c.estimateCents;
    row.chargedCents += c.amountCents;
    row.differenceCents = row.chargedCents - row.estimateCents;
    out.set(c.model, row);
  }
  return [...out.values()].sort(
    (a, b) => Math.abs(b.differenceCents) - Math.abs(a.differenceCents) || b.chargedCents - a.chargedCents,
  );
}
