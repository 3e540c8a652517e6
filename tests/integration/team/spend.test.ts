import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { TeamAccessError } from "@/lib/teams/authorize";
import { parseMonthKey } from "@/lib/money/month";
import { spendReport } from "@/lib/spend/spend-report";
import { listMembers } from "@/lib/teams/members-list";
import { setMemberCap, setTeamBudget } from "@/lib/teams/team-budget-settings";
import { insertCharge, insertRunningTask, teamWithRoles } from "./support/team-fixtures";

const oct = parseMonthKey("2026-10")!;
const now = new Date("2026-10-20T12:00:00Z");

async function seed() {
  const t = await teamWithRoles();
  await insertCharge(t.teamId, t.owner.id, 40, new Date("2026-10-01T00:00:00Z"));
  await insertCharge(t.teamId, t.owner.id, 120, new Date("2026-10-01T23:59:59Z"), "sora-2-pro");
  await insertCharge(t.teamId, t.member.id, 80, new Date("2026-10-15T08:00:00Z"));
  await insertCharge(t.teamId, t.admin.id, 200, new Date("2026-10-31T23:59:59.999Z"), "sora-2-pro");
  // Outside the month, and another team's money: never counted.
  await insertCharge(t.teamId, t.member.id, 999, new Date("2026-09-30T23:59:59.999Z"));
  await insertCharge(t.teamId, t.member.id, 777, new Date("2026-11-01T00:00:00Z"));
  await insertCharge(t.stranger.ownTeamId, t.stranger.id, 5000, new Date("2026-10-10T00:00:00Z"));
  await insertRunningTask(t.teamId, t.member.id, 120);
  await insertRunningTask(t.teamId, t.owner.id, 50);
  await insertRunningTask(t.teamId, t.owner.id, 400, true);
  return t;
}

describe("spend report", () => {
  it("owner sees the whole team: totals, by member, by model, by day, every charge", async () => {
    const t = await seed();
    await setTeamBudget(db, t.owner.id, t.teamId, 1000);
    const r = await spendReport(db, t.owner.id, t.teamId, oct, now);
    expect(r.scope).toBe("team");
    expect(r.team).toEqual({ spentCents: 440, reservedCents: 170, budgetCents: 1000, remainingCents: 390 });
    expect(r.byMember.map((m) => [m.userId, m.cents, m.count])).toEqual([
      [t.admin.id, 200, 1],
      [t.owner.id, 160, 2],
      [t.member.id, 80, 1],
    ]);
    expect(r.byModel).toEqual([
      { model: "sora-2-pro", cents: 320, count: 2 },
      { model: "sora-2", cents: 120, count: 2 },
    ]);
    expect(r.byDay).toHaveLength(31);
    expect(r.byDay[0]).toEqual({ day: "2026-10-01", cents: 160 });
    expect(r.byDay[14]).toEqual({ day: "2026-10-15", cents: 80 });
    expect(r.byDay[30]).toEqual({ day: "2026-10-31", cents: 200 });
    expect(r.byDay.reduce((s, d) => s + d.cents, 0)).toBe(440);
    expect(r.charges).toHaveLength(4);
    expect(r.charges[0]!.amountCents).toBe(200);
  });

  it("a member sees team totals but only their own charges and breakdowns", async () => {
    const t = await seed();
    await setMemberCap(db, t.admin.id, t.teamId, t.member.id, 250);
    const r = await spendReport(db, t.member.id, t.teamId, oct, now);
    expect(r.scope).toBe("own");
    expect(r.team.spentCents).toBe(440);
    expect(r.own).toEqual({ spentCents: 80, reservedCents: 120, capCents: 250, remainingCents: 50 });
    expect(r.byMember).toEqual([]);
    expect(r.charges.map((c) => c.user.id)).toEqual([t.member.id]);
    expect(r.byModel).toEqual([{ model: "sora-2", cents: 80, count: 1 }]);
  });

  it("earlier months have their own charges and no open reservations", async () => {
    const t = await seed();
    const sep = await spendReport(db, t.owner.id, t.teamId, parseMonthKey("2026-09")!, now);
    expect(sep.team.spentCents).toBe(999);
    expect(sep.team.reservedCents).toBe(0);
    expect(sep.current).toBe(false);
  });

  it("the members page shows each member's spend this month to owner and admins only", async () => {
    const t = await seed();
    const asAdmin = await listMembers(db, t.admin.id, t.teamId, now);
    expect(Object.fromEntries(asAdmin.members.map((m) => [m.userId, m.spentCents]))).toEqual({
      [t.owner.id]: 160,
      [t.admin.id]: 200,
      [t.member.id]: 80,
    });
    const asMember = await listMembers(db, t.member.id, t.teamId, now);
    expect(asMember.members.every((m) => m.spentCents === null)).toBe(true);
    expect(asMember.members.filter((m) => m.manageable)).toEqual([]);
  });

  it("strangers get not-found", async () => {
    const t = await seed();
    await expect(spendReport(db, t.stranger.id, t.teamId, oct, now)).rejects.toEqual(new TeamAccessError("not_found"));
  });
});

describe("budget settings", () => {
  it("admins set the team budget and members' caps, audited; the owner's cap is the owner's", async () => {
    const t = await teamWithRoles();
    await setTeamBudget(db, t.admin.id, t.teamId, 12_50);
    await setMemberCap(db, t.admin.id, t.teamId, t.member.id, 5_00);
    await setMemberCap(db, t.admin.id, t.teamId, t.member.id, null);
    await expect(setMemberCap(db, t.admin.id, t.teamId, t.owner.id, 100)).rejects.toEqual(
      new TeamAccessError("forbidden"),
    );
    await setMemberCap(db, t.owner.id, t.teamId, t.owner.id, 100);
    await expect(setTeamBudget(db, t.member.id, t.teamId, 1)).rejects.toEqual(new TeamAccessError("forbidden"));
    expect((await db.team.findUniqueOrThrow({ where: { id: t.teamId } })).monthlyBudgetCents).toBe(1250);
    const entries = await db.auditEntry.findMany({ where: { teamId: t.teamId }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.action, e.data])).toEqual([
      ["budget.changed", JSON.stringify({ from: null, to: 1250 })],
      ["member.cap_changed", JSON.stringify({ from: null, to: 500 })],
      ["member.cap_changed", JSON.stringify({ from: 500, to: null })],
      ["member.cap_changed", JSON.stringify({ from: null, to: 100 })],
    ]);
  });
});
