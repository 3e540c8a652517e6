import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { BudgetExceededError, budgetRoom } from "@/lib/teams/budget";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { addMember, driveUntil, key, newTeam } from "../../support/video-harness";

describe("budget reservations", () => {
  it("20 concurrent submissions against room for 2 never overshoot", async () => {
    const { owner, team } = await newTeam();
    await db.team.update({ where: { id: team.id }, data: { monthlyBudgetCents: 100 } }); // room for two 40-cent videos
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        createVideoJob({
          teamId: team.id,
          userId: owner.id,
          idempotencyKey: key(),
          model: "sora-2",
          size: "720x1280",
          seconds: 4,
          prompt: `Race ${i}`,
        }),
      ),
    );
    const ok = attempts.filter((a) => a.status === "fulfilled");
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(ok).toHaveLength(2);
    expect(refused).toHaveLength(18);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(BudgetExceededError);
      expect(r.reason).toMatchObject({ scope: "team", remainingCents: 20, costCents: 40 });
    }
    expect(await db.videoTask.count({ where: { teamId: team.id } })).toBe(2);
    const room = await budgetRoom(db, team.id, owner.id);
    expect(room.team.reservedCents + room.team.spentCents).toBeLessThanOrEqual(100);
  });

  it("a member's monthly cap is enforced on top of the team budget; completion settles, failure releases", async () => {
    const { team } = await newTeam();
    const member = await addMember(team.id, "MEMBER");
    await db.membership.update({
      where: { teamId_userId: { teamId: team.id, userId: member.id } },
      data: { monthlyCapCents: 50 },
    });
    const first = await createVideoJob({
      teamId: team.id,
      userId: member.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Within the cap",
    });
    await expect(
      createVideoJob({
        teamId: team.id,
        userId: member.id,
        idempotencyKey: key(),
        model: "sora-2",
        size: "720x1280",
        seconds: 4,
        prompt: "Over the cap",
      }),
    ).rejects.toMatchObject({ scope: "member", remainingCents: 10, costCents: 40 });
    await driveUntil(first.task.id, (r) => r.archiveStatus === "done");
    expect((await budgetRoom(db, team.id, member.id)).member).toMatchObject({
      budgetCents: 50,
      spentCents: 40,
      reservedCents: 0,
      remainingCents: 10,
    });

    // A failed job gives its reservation back.
    await db.membership.update({
      where: { teamId_userId: { teamId: team.id, userId: member.id } },
      data: { monthlyCapCents: 100 },
    });
    const failing = await createVideoJob({
      teamId: team.id,
      userId: member.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Blocked [[moderation]]",
    });
    expect((await budgetRoom(db, team.id, member.id)).member.reservedCents).toBe(40);
    await driveUntil(failing.task.id, (r) => r.status === "failed");
    expect((await budgetRoom(db, team.id, member.id)).member).toMatchObject({
      spentCents: 40,
      reservedCents: 0,
      remainingCents: 60,
    });
  });
});
