import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { TeamAccessError, TeamRuleError } from "@/lib/teams/authorize";
import { changeMemberRole, leaveTeam, removeMember, transferOwnership } from "@/lib/teams/member-admin";
import { ownerCount, rolesOf, teamWithRoles } from "./support/team-fixtures";

const rule = (code: string) => expect.objectContaining({ code });

describe("a team always has exactly one owner", () => {
  it("transfer: the new owner is the only owner; the old one becomes an admin", async () => {
    const { teamId, owner, member } = await teamWithRoles();
    await transferOwnership(db, owner.id, teamId, member.id);
    const roles = await rolesOf(teamId);
    expect(roles[member.id]).toBe("OWNER");
    expect(roles[owner.id]).toBe("ADMIN");
    expect(await ownerCount(teamId)).toBe(1);
    // The old owner can no longer transfer; the new one can.
    await expect(transferOwnership(db, owner.id, teamId, owner.id)).rejects.toBeInstanceOf(TeamAccessError);
    await transferOwnership(db, member.id, teamId, owner.id);
    expect(await ownerCount(teamId)).toBe(1);
  });

  it("concurrent transfers to different members: one wins, still one owner", async () => {
    const { teamId, owner, admin, member } = await teamWithRoles();
    const results = await Promise.allSettled([
      transferOwnership(db, owner.id, teamId, admin.id),
      transferOwnership(db, owner.id, teamId, member.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(1);
    expect(await ownerCount(teamId)).toBe(1);
    expect((await rolesOf(teamId))[owner.id]).toBe("ADMIN");
  });

  it("only the owner transfers, and only to a member", async () => {
    const { teamId, owner, admin, member, stranger } = await teamWithRoles();
    await expect(transferOwnership(db, admin.id, teamId, member.id)).rejects.toEqual(new TeamAccessError("forbidden"));
    await expect(transferOwnership(db, owner.id, teamId, stranger.id)).rejects.toEqual(rule("notAMember"));
    await expect(transferOwnership(db, owner.id, teamId, owner.id)).rejects.toEqual(rule("selfChange"));
    expect((await rolesOf(teamId))[owner.id]).toBe("OWNER");
  });

  it("the owner cannot leave, be removed or be demoted", async () => {
    const { teamId, owner, admin } = await teamWithRoles();
    await expect(leaveTeam(db, owner.id, teamId)).rejects.toEqual(rule("ownerCannotLeave"));
    await expect(removeMember(db, admin.id, teamId, owner.id)).rejects.toEqual(rule("ownerCannotBeChanged"));
    await expect(changeMemberRole(db, admin.id, teamId, owner.id, "MEMBER")).rejects.toEqual(
      rule("ownerCannotBeChanged"),
    );
    expect(await ownerCount(teamId)).toBe(1);
  });

  it("members and admins leave; admins remove members and other admins; members remove nobody", async () => {
    const { teamId, owner, admin, member } = await teamWithRoles();
    await expect(removeMember(db, member.id, teamId, admin.id)).rejects.toEqual(new TeamAccessError("forbidden"));
    await changeMemberRole(db, admin.id, teamId, member.id, "ADMIN");
    await db.user.update({ where: { id: member.id }, data: { activeTeamId: teamId } });
    await removeMember(db, admin.id, teamId, member.id);
    await leaveTeam(db, admin.id, teamId);
    expect(await rolesOf(teamId)).toEqual({ [owner.id]: "OWNER" });
    // A removed person's active team is forgotten, so "/" does not send them to a 404.
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).activeTeamId).toBeNull();
    await expect(leaveTeam(db, member.id, teamId)).rejects.toEqual(new TeamAccessError("not_found"));
  });

  it("a role change cannot make a second owner", async () => {
    const { teamId, owner, member } = await teamWithRoles();
    // The schema only offers MEMBER and ADMIN; the data layer refuses OWNER even if called with it.
    await expect(changeMemberRole(db, owner.id, teamId, member.id, "OWNER" as "ADMIN")).rejects.toEqual(
      rule("ownerCannotBeChanged"),
    );
    expect(await ownerCount(teamId)).toBe(1);
  });
});

describe("membership changes are audited in the same transaction", () => {
  it("each change leaves exactly one entry naming who, whom and what", async () => {
    const { teamId, owner, admin, member } = await teamWithRoles();
    await changeMemberRole(db, owner.id, teamId, member.id, "ADMIN");
    await removeMember(db, owner.id, teamId, member.id);
    await leaveTeam(db, admin.id, teamId);
    const entries = await db.auditEntry.findMany({ where: { teamId }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.action, e.actorId, e.targetId])).toEqual([
      ["member.role_changed", owner.id, member.id],
      ["member.removed", owner.id, member.id],
      ["member.left", admin.id, admin.id],
    ]);
    expect(JSON.parse(entries[0]!.data!)).toEqual({ from: "MEMBER", to: "ADMIN" });
  });

  it("a refused change writes no entry", async () => {
    const { teamId, admin, owner } = await teamWithRoles();
    await expect(removeMember(db, admin.id, teamId, owner.id)).rejects.toBeInstanceOf(TeamRuleError);
    await expect(transferOwnership(db, admin.id, teamId, owner.id)).rejects.toBeInstanceOf(TeamAccessError);
    expect(await db.auditEntry.count({ where: { teamId } })).toBe(0);
  });
});

describe("recordAudit", () => {
  it("rolls back with the transaction it was written in", async () => {
    const { teamId, owner } = await teamWithRoles();
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { teamId, actorId: owner.id, action: "budget.changed", data: { from: null, to: 100 } });
        await tx.team.update({ where: { id: teamId }, data: { monthlyBudgetCents: 100 } });
        throw new Error("something after failed");
      }),
    ).rejects.toThrow("something after failed");
    expect(await db.auditEntry.count({ where: { teamId } })).toBe(0);
    expect((await db.team.findUniqueOrThrow({ where: { id: teamId } })).monthlyBudgetCents).toBeNull();
  });
});
