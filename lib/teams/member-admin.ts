import "server-only";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "./db-types";
import { authorize, TeamAccessError, TeamRuleError } from "./authorize";
import { canManageMember, FORMER_OWNER_ROLE, isAssignableRole, type AssignableRole } from "./permissions";
import { OWNER_ROLE, toRole } from "./roles";

// Membership changes. The team always has exactly one owner: no role change or removal touches
// the owner row (every write below says `role: { not: OWNER_ROLE }`), and ownership only moves by
// transferOwnership, which demotes and promotes in one transaction with conditional updates, so
// two concurrent transfers cannot both succeed (on PostgreSQL the second re-reads the row it
// waited for; on SQLite writers are serialised).

async function targetOf(tx: Tx, teamId: string, userId: string) {
  const m = await tx.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true, monthlyCapCents: true },
  });
  if (!m) throw new TeamRuleError("notAMember");
  return { role: toRole(m.role), monthlyCapCents: m.monthlyCapCents };
}

async function forgetActiveTeam(tx: Tx, userId: string, teamId: string) {
  await tx.user.updateMany({ where: { id: userId, activeTeamId: teamId }, data: { activeTeamId: null } });
}

export async function changeMemberRole(
  db: Db,
  actorId: string,
  teamId: string,
  targetUserId: string,
  role: AssignableRole,
) {
  await db.$transaction(async (tx) => {
    const actor = await authorize(tx, actorId, teamId, "members.manage");
    if (targetUserId === actorId) throw new TeamRuleError("selfChange");
    // Ownership only moves by transfer, whatever a caller passes.
    if (!isAssignableRole(role)) throw new TeamRuleError("ownerCannotBeChanged");
    const target = await targetOf(tx, actor.team.id, targetUserId);
    if (target.role === OWNER_ROLE) throw new TeamRuleError("ownerCannotBeChanged");
    if (!canManageMember(actor.role, target.role)) throw new TeamAccessError("forbidden");
    if (target.role === role) return;
    const done = await tx.membership.updateMany({
      where: { teamId: actor.team.id, userId: targetUserId, role: { not: OWNER_ROLE } },
      data: { role },
    });
    if (done.count !== 1) throw new TeamRuleError("notAMember");
    await recordAudit(tx, {
      teamId: actor.team.id,
      actorId,
      action: "member.role_changed",
      targetId: targetUserId,
      data: { from: target.role, to: role },
    });
  });
}

export async function removeMember(db: Db, actorId: string, teamId: string, targetUserId: string) {
  await db.$transaction(async (tx) => {
    const actor = await authorize(tx, actorId, teamId, "members.manage");
    if (targetUserId === actorId) throw new TeamRuleError("selfChange");
    const target = await targetOf(tx, actor.team.id, targetUserId);
    if (target.role === OWNER_ROLE) throw new TeamRuleError("ownerCannotBeChanged");
    if (!canManageMember(actor.role, target.role)) throw new TeamAccessError("forbidden");
    const done = await tx.membership.deleteMany({
      where: { teamId: actor.team.id, userId: targetUserId, role: { not: OWNER_ROLE } },
    });
    if (done.count !== 1) throw new TeamRuleError("notAMember");
    await forgetActiveTeam(tx, targetUserId, actor.team.id);
    await recordAudit(tx, {
      teamId: actor.team.id,
      actorId,
      action: "member.removed",
      targetId: targetUserId,
      data: { role: target.role },
    });
  });
}

/** Anyone but the owner may leave; the owner transfers ownership first. */
export async function leaveTeam(db: Db, userId: string, teamId: string) {
  await db.$transaction(async (tx) => {
    const me = await authorize(tx, userId, teamId, "videos.read");
    if (me.role === OWNER_ROLE) throw new TeamRuleError("ownerCannotLeave");
    const done = await tx.membership.deleteMany({ where: { teamId: me.team.id, userId, role: { not: OWNER_ROLE } } });
    if (done.count !== 1) throw new TeamRuleError("notAMember");
    await forgetActiveTeam(tx, userId, me.team.id);
    await recordAudit(tx, {
      teamId: me.team.id,
      actorId: userId,
      action: "member.left",
      targetId: userId,
      data: { role: me.role },
    });
  });
}

/** The owner hands the team to another member and stays on as an admin. */
export async function transferOwnership(db: Db, actorId: string, teamId: string, newOwnerId: string) {
  await db.$transaction(async (tx) => {
    const actor = await authorize(tx, actorId, teamId, "team.transfer");
    if (newOwnerId === actorId) throw new TeamRuleError("selfChange");
    const target = await targetOf(tx, actor.team.id, newOwnerId);
    const demoted = await tx.membership.updateMany({
      where: { teamId: actor.team.id, userId: actorId, role: OWNER_ROLE },
      data: { role: FORMER_OWNER_ROLE },
    });
    if (demoted.count !== 1) throw new TeamAccessError("forbidden");
    const promoted = await tx.membership.updateMany({
      where: { teamId: actor.team.id, userId: newOwnerId, role: { not: OWNER_ROLE } },
      data: { role: OWNER_ROLE },
    });
    if (promoted.count !== 1) throw new TeamRuleError("notAMember");
    await recordAudit(tx, {
      teamId: actor.team.id,
      actorId,
      action: "team.ownership_transferred",
      targetId: newOwnerId,
      data: { from: target.role },
    });
  });
}
