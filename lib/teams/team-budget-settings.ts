import "server-only";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { authorize, TeamAccessError, TeamRuleError } from "./authorize";
import { canManageMember } from "./permissions";
import { toRole } from "./roles";

// Budget settings (the amounts); reserving and settling against them is lib/teams/budget.ts.

/** The team's monthly budget in cents; null = no budget. */
export async function setTeamBudget(db: Db, actorId: string, teamId: string, cents: number | null) {
  await db.$transaction(async (tx) => {
    const { team } = await authorize(tx, actorId, teamId, "budget.manage");
    const before = await tx.team.findUniqueOrThrow({ where: { id: team.id }, select: { monthlyBudgetCents: true } });
    if (before.monthlyBudgetCents === cents) return;
    await tx.team.update({ where: { id: team.id }, data: { monthlyBudgetCents: cents } });
    await recordAudit(tx, {
      teamId: team.id,
      actorId,
      action: "budget.changed",
      data: { from: before.monthlyBudgetCents, to: cents },
    });
  });
}

/** A member's monthly cap in cents; null = only the team budget applies. The owner's cap is the owner's call. */
export async function setMemberCap(
  db: Db,
  actorId: string,
  teamId: string,
  targetUserId: string,
  cents: number | null,
) {
  await db.$transaction(async (tx) => {
    const actor = await authorize(tx, actorId, teamId, "budget.manage");
    const target = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: actor.team.id, userId: targetUserId } },
    });
    if (!target) throw new TeamRuleError("notAMember");
    if (!canManageMember(actor.role, toRole(target.role))) throw new TeamAccessError("forbidden");
    if (target.monthlyCapCents === cents) return;
    await tx.membership.update({ where: { id: target.id }, data: { monthlyCapCents: cents } });
    await recordAudit(tx, {
      teamId: actor.team.id,
      actorId,
      action: "member.cap_changed",
      targetId: targetUserId,
      data: { from: target.monthlyCapCents, to: cents },
    });
  });
}
