import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listAudit } from "@/lib/teams/audit-log";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "@/lib/teams/api-tokens";
import { TeamAccessError } from "@/lib/teams/authorize";
import { leaveTeam } from "@/lib/teams/member-admin";
import { insertCharge, teamWithRoles } from "./support/team-fixtures";

// Team API tokens in the data layer: stored as a hash, listed with their state, revoked and
// audited, and working only while their creator is a member. Real rows, nothing mocked.

const DAY = 86_400_000;

describe("team API tokens", () => {
  it("keeps only the secret's sha256 and last four; the secret authenticates as its creator with their role", async () => {
    const w = await teamWithRoles();
    const { token, id } = await createApiToken(db, w.admin.id, w.teamId, {
      name: "CI",
      monthlyCapCents: 500,
      expiresInDays: 30,
    });
    expect(token).toMatch(/^sst_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.last4).toBe(token.slice(-4));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBeGreaterThan(29 * DAY);

    expect(await authenticateApiToken(db, token)).toMatchObject({
      tokenId: id,
      tokenName: "CI",
      teamId: w.teamId,
      userId: w.admin.id,
      role: "ADMIN",
      monthlyCapCents: 500,
    });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    expect(await authenticateApiToken(db, `${token.slice(0, -1)}x`)).toBeNull();
    expect(await authenticateApiToken(db, "not a token")).toBeNull();
  });

  it("lists tokens with their state and this month's spend; members may not see or make them", async () => {
    const w = await teamWithRoles();
    const active = await createApiToken(db, w.owner.id, w.teamId, {
      name: "active",
      monthlyCapCents: null,
      expiresInDays: null,
    });
    const expired = await createApiToken(db, w.owner.id, w.teamId, {
      name: "expired",
      monthlyCapCents: null,
      expiresInDays: 7,
    });
    const revoked = await createApiToken(db, w.owner.id, w.teamId, {
      name: "revoked",
      monthlyCapCents: null,
      expiresInDays: null,
    });
    const left = await createApiToken(db, w.admin.id, w.teamId, {
      name: "left",
      monthlyCapCents: 100,
      expiresInDays: null,
    });
    const taskId = await insertCharge(w.teamId, w.owner.id, 70, new Date());
    await db.videoTask.update({ where: { id: taskId }, data: { apiTokenId: active.id } });
    await revokeApiToken(db, w.admin.id, w.teamId, revoked.id);
    await leaveTeam(db, w.admin.id, w.teamId);

    const later = new Date(Date.now() + 8 * DAY);
    const tokens = await listApiTokens(db, w.owner.id, w.teamId, later);
    const byName = Object.fromEntries(tokens.map((t) => [t.name, t]));
    expect(byName.active).toMatchObject({ status: "active" });
    expect(byName.expired!.status).toBe("expired");
    expect(byName.revoked!.status).toBe("revoked");
    expect(byName.left).toMatchObject({ status: "creator_left", monthlyCapCents: 100 });
    expect((await listApiTokens(db, w.owner.id, w.teamId)).find((t) => t.id === active.id)!.spentCents).toBe(70);
    expect(tokens.every((t) => !("tokenHash" in t))).toBe(true);

    expect(await authenticateApiToken(db, active.token)).not.toBeNull();
    expect(await authenticateApiToken(db, expired.token, later)).toBeNull();
    expect(await authenticateApiToken(db, revoked.token)).toBeNull();
    expect(await authenticateApiToken(db, left.token)).toBeNull();

    await expect(listApiTokens(db, w.member.id, w.teamId)).rejects.toEqual(new TeamAccessError("forbidden"));
    await expect(
      createApiToken(db, w.member.id, w.teamId, { name: "x", monthlyCapCents: null, expiresInDays: null }),
    ).rejects.toEqual(new TeamAccessError("forbidden"));
    await expect(revokeApiToken(db, w.member.id, w.teamId, active.id)).rejects.toEqual(
      new TeamAccessError("forbidden"),
    );
    await expect(listApiTokens(db, w.stranger.id, w.teamId)).rejects.toEqual(new TeamAccessError("not_found"));
    // A token id of another team, or one already revoked, is not found here.
    await expect(revokeApiToken(db, w.stranger.id, w.stranger.ownTeamId, active.id)).rejects.toEqual(
      new TeamAccessError("not_found"),
    );
    await expect(revokeApiToken(db, w.owner.id, w.teamId, revoked.id)).rejects.toEqual(
      new TeamAccessError("not_found"),
    );
  });

  it("audits every creation and revocation, with name, last four and cap, never the secret", async () => {
    const w = await teamWithRoles();
    const { token, id } = await createApiToken(db, w.owner.id, w.teamId, {
      name: "Nightly",
      monthlyCapCents: 1200,
      expiresInDays: null,
    });
    await revokeApiToken(db, w.admin.id, w.teamId, id);
    const { entries } = await listAudit(db, w.owner.id, w.teamId, 1);
    const [revoked, created] = entries;
    expect(revoked).toMatchObject({
      action: "api_token.revoked",
      actor: { id: w.admin.id },
      data: { name: "Nightly", last4: token.slice(-4) },
    });
    expect(created).toMatchObject({
      action: "api_token.created",
      actor: { id: w.owner.id },
      data: { name: "Nightly", last4: token.slice(-4), capCents: 1200, expiresAt: null },
    });
    const raw = await db.auditEntry.findMany({ where: { teamId: w.teamId } });
    expect(JSON.stringify(raw)).not.toContain(token.slice(4, 20));
  });
});
