import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUserWithTeam, EmailUnavailableError } from "@/lib/auth/sign-up";
import { verifyPassword } from "@/lib/auth/password";
import { recordFailure, recordSuccess, secondsLocked } from "@/lib/auth/sign-in-throttle";
import { createTeamWithOwner } from "@/lib/teams/create-team";
import { findMembership, listTeamsOf } from "@/lib/teams/memberships";

const email = () => `u-${randomUUID()}@example.test`;

describe("sign-up", () => {
  it("creates the user and their own team with them as owner, and hashes the password", async () => {
    const input = { name: "Ada", email: email(), password: "correct horse" };
    const { user, team } = await createUserWithTeam(db, input, "Ada's team", "en");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBeTruthy();
    expect(stored.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword(stored.passwordHash, "correct horse")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, "wrong horse")).toBe(false);
    expect(stored.activeTeamId).toBe(team.id);
    expect(await findMembership(user.id, team.id)).toEqual({
      role: "OWNER",
      team: { id: team.id, name: "Ada's team" },
    });
  });

  it("refuses a taken e-mail and writes nothing", async () => {
    const input = { name: "Ada", email: email(), password: "correct horse" };
    await createUserWithTeam(db, input, "first", null);
    const teamsBefore = await db.team.count();
    await expect(createUserWithTeam(db, { ...input, name: "Eve" }, "second", null)).rejects.toBeInstanceOf(
      EmailUnavailableError,
    );
    expect(await db.team.count()).toBe(teamsBefore);
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
  });
});

describe("teams", () => {
  it("a user can own several teams; a stranger is a member of none of them", async () => {
    const { user } = await createUserWithTeam(
      db,
      { name: "Owner", email: email(), password: "password1" },
      "One",
      null,
    );
    const second = await createTeamWithOwner(db, user.id, "  Two  ");
    expect(second.name).toBe("Two");
    expect((await listTeamsOf(user.id)).map((t) => t.name)).toEqual(["One", "Two"]);
    const { user: stranger } = await createUserWithTeam(
      db,
      { name: "Stranger", email: email(), password: "password1" },
      "Elsewhere",
      null,
    );
    expect(await findMembership(stranger.id, second.id)).toBeNull();
    expect(await findMembership(stranger.id, "not-a-team-id")).toBeNull();
  });
});

describe("sign-in throttle", () => {
  const policy = { maxFailures: 3, lockSeconds: 60 };

  it("locks an e-mail after repeated failures, for the lock period only", async () => {
    const keys = { email: email(), ip: `10.0.0.${Math.floor(Math.random() * 200)}` };
    const t0 = new Date("2026-11-23T10:00:00Z");
    for (let i = 0; i < 2; i++) await recordFailure(db, keys, policy, t0);
    expect(await secondsLocked(db, keys, t0)).toBe(0);
    await recordFailure(db, keys, policy, t0);
    expect(await secondsLocked(db, keys, t0)).toBe(60);
    expect(await secondsLocked(db, { ...keys, email: email() }, t0)).toBe(0); // another e-mail from the same address
    expect(await secondsLocked(db, keys, new Date(t0.getTime() + 61_000))).toBe(0);
  });

  it("a success clears the e-mail's failures", async () => {
    const keys = { email: email(), ip: "local-test" };
    await recordFailure(db, keys, policy);
    await recordFailure(db, keys, policy);
    await recordSuccess(db, keys);
    await recordFailure(db, keys, policy);
    expect(await secondsLocked(db, keys)).toBe(0);
  });

  it("an address that fails across many e-mails is locked too", async () => {
    const ip = `addr-${randomUUID()}`;
    const now = new Date();
    for (let i = 0; i < policy.maxFailures * 4; i++) await recordFailure(db, { email: email(), ip }, policy, now);
    expect(await secondsLocked(db, { email: email(), ip }, now)).toBeGreaterThan(0);
  });
});
