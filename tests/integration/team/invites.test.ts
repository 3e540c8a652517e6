import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { TeamAccessError, TeamRuleError } from "@/lib/teams/authorize";
import { hashInviteToken } from "@/lib/teams/invite-token";
import { acceptInvite, createInvite, inspectInvite, listInvites, revokeInvite } from "@/lib/teams/invites";
import { newUser, rolesOf, teamWithRoles } from "./support/team-fixtures";

const rule = (code: string) => expect.objectContaining({ constructor: TeamRuleError, code });

describe("invites", () => {
  it("stores only the token's hash; the link joins the invitee with the chosen role and makes the team active", async () => {
    const { teamId, owner } = await teamWithRoles();
    const { token, inviteId } = await createInvite(db, owner.id, teamId, { role: "ADMIN", days: 7 });
    const stored = await db.invite.findUniqueOrThrow({ where: { id: inviteId } });
    expect(stored.tokenHash).toBe(hashInviteToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const joiner = await newUser("Joiner");
    expect(await inspectInvite(db, token, joiner.id)).toMatchObject({
      state: "valid",
      role: "ADMIN",
      team: { id: teamId },
    });
    expect(await acceptInvite(db, joiner.id, token)).toEqual({ teamId });
    expect((await rolesOf(teamId))[joiner.id]).toBe("ADMIN");
    expect((await db.user.findUniqueOrThrow({ where: { id: joiner.id } })).activeTeamId).toBe(teamId);
    const audit = await db.auditEntry.findMany({ where: { teamId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["invite.created", "member.joined"]);
  });

  it("works once: a second person gets 'used', and the page says so", async () => {
    const { teamId, admin } = await teamWithRoles();
    const { token } = await createInvite(db, admin.id, teamId, { role: "MEMBER", days: 1 });
    const first = await newUser("First");
    const second = await newUser("Second");
    await acceptInvite(db, first.id, token);
    await expect(acceptInvite(db, second.id, token)).rejects.toEqual(rule("inviteUsed"));
    expect(await inspectInvite(db, token, second.id)).toEqual({ state: "used" });
    expect((await rolesOf(teamId))[second.id]).toBeUndefined();
  });

  it("concurrent accepts of one link let exactly one person in", async () => {
    const { teamId, owner } = await teamWithRoles();
    const { token } = await createInvite(db, owner.id, teamId, { role: "MEMBER", days: 1 });
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => newUser(`Racer${i}`)));
    const results = await Promise.allSettled(people.map((p) => acceptInvite(db, p.id, token)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const roles = await rolesOf(teamId);
    expect(people.filter((p) => roles[p.id])).toHaveLength(1);
  });

  it("an expired link does not work", async () => {
    const { teamId, owner } = await teamWithRoles();
    const past = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const { token } = await createInvite(db, owner.id, teamId, { role: "MEMBER", days: 7 }, past);
    const late = await newUser("Late");
    expect(await inspectInvite(db, token, late.id)).toEqual({ state: "expired" });
    await expect(acceptInvite(db, late.id, token)).rejects.toEqual(rule("inviteExpired"));
  });

  it("a revoked link does not work, and revoking is scoped to the team", async () => {
    const { teamId, owner, stranger } = await teamWithRoles();
    const { token, inviteId } = await createInvite(db, owner.id, teamId, { role: "MEMBER", days: 30 });
    // Another team's owner guessing the id gets "not found" for the team, not a revoke.
    await expect(revokeInvite(db, stranger.id, teamId, inviteId)).rejects.toEqual(new TeamAccessError("not_found"));
    await expect(revokeInvite(db, stranger.id, stranger.ownTeamId, inviteId)).rejects.toEqual(rule("inviteNotFound"));
    await revokeInvite(db, owner.id, teamId, inviteId);
    const late = await newUser("Late");
    expect(await inspectInvite(db, token, late.id)).toEqual({ state: "revoked" });
    await expect(acceptInvite(db, late.id, token)).rejects.toEqual(rule("inviteRevoked"));
    await expect(revokeInvite(db, owner.id, teamId, inviteId)).rejects.toEqual(rule("inviteNotFound"));
    expect((await listInvites(db, owner.id, teamId)).map((i) => i.status)).toEqual(["revoked"]);
  });

  it("an existing member is told so and the link stays usable", async () => {
    const { teamId, owner, member } = await teamWithRoles();
    const { token } = await createInvite(db, owner.id, teamId, { role: "ADMIN", days: 7 });
    expect(await inspectInvite(db, token, member.id)).toMatchObject({ state: "member" });
    await expect(acceptInvite(db, member.id, token)).rejects.toEqual(rule("alreadyMember"));
    expect((await rolesOf(teamId))[member.id]).toBe("MEMBER");
    expect(await inspectInvite(db, token, null)).toMatchObject({ state: "valid" });
  });

  it("made-up tokens are invalid without revealing anything", async () => {
    const someone = await newUser("Someone");
    for (const token of ["", "short", "x".repeat(43), "../../../etc/passwd", null]) {
      expect(await inspectInvite(db, token, someone.id)).toEqual({ state: "invalid" });
      await expect(acceptInvite(db, someone.id, token)).rejects.toEqual(rule("inviteNotFound"));
    }
  });

  it("only those who manage members create, list or revoke invites", async () => {
    const { teamId, member, stranger } = await teamWithRoles();
    await expect(createInvite(db, member.id, teamId, { role: "MEMBER", days: 1 })).rejects.toEqual(
      new TeamAccessError("forbidden"),
    );
    await expect(listInvites(db, member.id, teamId)).rejects.toEqual(new TeamAccessError("forbidden"));
    await expect(createInvite(db, stranger.id, teamId, { role: "MEMBER", days: 1 })).rejects.toEqual(
      new TeamAccessError("not_found"),
    );
    expect(await db.invite.count({ where: { teamId } })).toBe(0);
  });
});
