import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { budgetRoom } from "@/lib/teams/budget";
import { TeamAccessError } from "@/lib/teams/authorize";
import { archiveDueTasks } from "@/lib/videos/archive-video";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { giveUpJob } from "@/lib/videos/give-up-job";
import { videosByIds } from "@/lib/videos/list-videos";
import { latePollDelayMs, usualRunMs } from "@/lib/videos/poll-schedule";
import { parseAnswer } from "@/lib/videos/provider-answer";
import { checkGapMs, checkNow, listStuckJobs, taskWatch } from "@/lib/videos/stuck-jobs";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { addMember, key, newTeam, simulatorStats, taskRow } from "../../support/video-harness";

// Stuck jobs (issue 15, item 5): the engine driven with a moved clock against the real simulator
// ([[stall]] keeps a job in progress at 50% forever). "Taking longer than usual" comes from the
// last time the job moved; Check now is one poll through the engine's lease; giving up releases
// the budget and a late completion is still archived and charged once.

async function submit(prompt: string, team?: Awaited<ReturnType<typeof newTeam>>) {
  const t = team ?? (await newTeam());
  const { task } = await createVideoJob({
    teamId: t.team.id,
    userId: t.owner.id,
    idempotencyKey: key(),
    model: "sora-2",
    size: "720x1280",
    seconds: 4,
    prompt,
  });
  return { ...t, taskId: task.id };
}

/** Polls in real time until the stalled job sits in progress at 50%; the moment it last moved. */
async function untilStalled(taskId: string): Promise<Date> {
  for (let i = 0; i < 100; i++) {
    await syncDueTasks({ taskIds: [taskId] });
    const row = await taskRow(taskId);
    if (row.status === "in_progress" && row.progress === 50) return row.lastProgressAt!;
    await sleep(30);
  }
  const row = await taskRow(taskId);
  throw new Error(
    `the job never stalled: ${row.status} ${row.progress} ${row.errorCode} ${row.nextPollAt?.toISOString()}`,
  );
}

const retrieves = async (jobId: string) => (await simulatorStats()).byJob[jobId]?.retrieve ?? 0;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("stuck jobs", () => {
  it("every poll keeps the watch: last poll, the provider's answer, and when the job last moved", async () => {
    const { taskId } = await submit("Watched [[stall]]");
    const moved = await untilStalled(taskId);
    const row = await taskRow(taskId);
    expect(row.lastPolledAt!.getTime()).toBeGreaterThanOrEqual(moved.getTime());
    expect(parseAnswer(row.lastProviderAnswer)).toEqual({
      status: "in_progress",
      progress: 50,
      error: null,
      httpStatus: null,
    });

    // A later poll that sees no change moves the last poll, not the last progress.
    const later = at(moved, 5_000);
    expect((await syncDueTasks({ taskIds: [taskId], now: later })).polled).toBe(1);
    const after = await taskRow(taskId);
    expect(after.lastPolledAt).toEqual(later);
    expect(after.lastProgressAt).toEqual(moved);
  });

  it("a poll that gets no answer records why (status, code), not a stale success", async () => {
    const { taskId } = await submit("Unreachable for a while [[500*3]]");
    // The create's own answer is stored first; the next due poll meets the 500.
    for (let i = 0; i < 100 && !(await taskRow(taskId)).events.some((e) => e.type === "poll_error"); i++) {
      await syncDueTasks({ taskIds: [taskId] });
      await sleep(20);
    }
    const answer = parseAnswer((await taskRow(taskId)).lastProviderAnswer);
    expect(answer).toMatchObject({ status: null, progress: null, httpStatus: 500 });
    expect(answer!.error!.code).toBeTruthy();
  });

  it("is flagged after its model's usual time without progress, not before; listed for admins; shown on the card", async () => {
    const { owner, team, taskId } = await submit("Frozen [[stall]]");
    const admin = await addMember(team.id, "ADMIN");
    const moved = await untilStalled(taskId);
    const usual = usualRunMs("simulator", "sora-2", 4);
    expect(usual).toBeGreaterThan(0);
    const me = { teamId: team.id, userId: owner.id };

    const before = at(moved, usual - 50);
    expect((await taskWatch(me, taskId, before))!.slow).toBe(false);
    expect(await listStuckJobs({ teamId: team.id, userId: admin.id }, before)).toEqual([]);

    const past = at(moved, usual + 50);
    const watch = (await taskWatch(me, taskId, past))!;
    expect(watch).toMatchObject({ slow: true, active: true, stillSince: moved.toISOString() });
    const stuck = await listStuckJobs({ teamId: team.id, userId: admin.id }, past);
    expect(stuck.map((job) => job.id)).toEqual([taskId]);
    expect(stuck[0]).toMatchObject({
      model: "sora-2",
      reservedCents: 40,
      canGiveUp: true,
      connectionName: "Simulator",
    });
    expect(stuck[0]!.watch.lastAnswer).toMatchObject({ status: "in_progress", progress: 50 });

    // The gallery card's flag (status route DTO): real time has passed the (scaled) usual time.
    await sleep(Math.max(0, moved.getTime() + usual + 20 - Date.now()));
    const [card] = await videosByIds(me, [taskId]);
    expect(card!.slow).toBe(true);
  });

  it("Check now polls once even when called concurrently, then not again within 10 s (scaled)", async () => {
    const { team, taskId } = await submit("Check me [[stall]]");
    const member = await addMember(team.id, "MEMBER");
    await untilStalled(taskId);
    const jobId = (await taskRow(taskId)).providerJobId!;
    const asMember = { teamId: team.id, userId: member.id };
    // The clock is passed in (the engine's own clock), so "within 10 s" does not depend on load.
    const t0 = new Date(Date.now() + checkGapMs() + 20);

    const calls = await retrieves(jobId);
    const answers = await Promise.all([1, 2, 3, 4].map(() => checkNow(asMember, taskId, t0)));
    const outcomes = answers.map((a) => a!.outcome);
    expect(outcomes.filter((o) => o === "polled")).toHaveLength(1);
    expect(outcomes.every((o) => ["polled", "busy", "recent"].includes(o))).toBe(true);
    expect(await retrieves(jobId)).toBe(calls + 1);
    const polled = answers.find((a) => a!.outcome === "polled")!;
    expect(polled.watch.lastAnswer).toMatchObject({ status: "in_progress", progress: 50 });

    // Again within the gap: the answer of moments ago, no new request.
    expect((await checkNow(asMember, taskId, at(t0, checkGapMs() - 1)))!.outcome).toBe("recent");
    expect(await retrieves(jobId)).toBe(calls + 1);

    expect((await checkNow(asMember, taskId, at(t0, checkGapMs())))!.outcome).toBe("polled");
    expect(await retrieves(jobId)).toBe(calls + 2);
  });

  it("giving up fails the job and releases its budget; a late completion is archived and charged once", async () => {
    const { owner, team, taskId } = await submit("Give me up");
    const admin = await addMember(team.id, "ADMIN");
    // No poll before giving up: the simulator finishes a 4 s job within 200 ms here, and a poll
    // that saw it done would settle it first. The studio still has it running, budget held.
    expect(await taskRow(taskId)).toMatchObject({ status: expect.stringMatching(/queued|in_progress/) });
    expect((await taskRow(taskId)).providerJobId).toBeTruthy();
    expect((await budgetRoom(db, team.id, owner.id)).team.reservedCents).toBe(40);

    const now = new Date();
    expect(await giveUpJob({ teamId: team.id, userId: admin.id }, taskId, now)).toBe("given_up");
    const failed = await taskRow(taskId);
    expect(failed).toMatchObject({ status: "failed", errorCode: "given_up", reservedCents: 0, charge: null });
    expect(failed.errorMessage).toMatch(/Given up by ADMIN/);
    expect(failed.events.map((e) => e.type)).toContain("given_up");
    // The team's audit log says who gave up which job.
    expect(
      await db.auditEntry.findMany({
        where: { teamId: team.id, action: "video.given_up" },
        select: { actorId: true, targetId: true, data: true },
      }),
    ).toEqual([{ actorId: admin.id, targetId: taskId, data: JSON.stringify({ model: "sora-2" }) }]);
    expect((await budgetRoom(db, team.id, owner.id)).team).toMatchObject({ reservedCents: 0, spentCents: 0 });
    // Given up once: a second try finds it ended.
    expect(await giveUpJob({ teamId: team.id, userId: admin.id }, taskId, now)).toBe("settled");

    // The provider finishes it anyway (real time); the slow watch sees it, archives and charges it.
    let clock = now;
    // Real time: the simulator finishes the job on its own clock, later on a loaded machine.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await taskRow(taskId)).status !== "completed") {
      clock = at(clock, latePollDelayMs());
      await syncDueTasks({ taskIds: [taskId], now: clock });
      await sleep(50);
    }
    const late = await taskRow(taskId);
    expect(late).toMatchObject({ status: "completed", errorCode: null, archiveStatus: "pending" });
    expect(late.events.map((e) => e.type)).toContain("late_completion");
    await archiveDueTasks({ taskIds: [taskId], now: clock });
    // Asked again after settling: nothing more happens, nothing charged twice.
    await syncDueTasks({ taskIds: [taskId], now: at(clock, latePollDelayMs()) });
    await archiveDueTasks({ taskIds: [taskId], now: at(clock, latePollDelayMs()) });
    expect((await taskRow(taskId)).charge?.amountCents).toBe(40);
    expect(await db.charge.count({ where: { taskId } })).toBe(1);
    expect((await budgetRoom(db, team.id, owner.id)).team).toMatchObject({ spentCents: 40, reservedCents: 0 });
  });

  it("members are refused the admin operations; nothing changes", async () => {
    const { team, taskId } = await submit("Not yours to give up [[stall]]");
    const member = await addMember(team.id, "MEMBER");
    await untilStalled(taskId);
    const asMember = { teamId: team.id, userId: member.id };
    await expect(listStuckJobs(asMember)).rejects.toEqual(new TeamAccessError("forbidden"));
    await expect(giveUpJob(asMember, taskId)).rejects.toEqual(new TeamAccessError("forbidden"));
    expect(await taskRow(taskId)).toMatchObject({ status: "in_progress", reservedCents: 40 });
  });

  it("another team's stuck job is never visible nor touched", async () => {
    const mine = await submit("Theirs [[stall]]");
    const other = await newTeam("Other");
    const moved = await untilStalled(mine.taskId);
    const past = at(moved, usualRunMs("simulator", "sora-2", 4) + 1_000);
    const outsider = { teamId: other.team.id, userId: other.owner.id };

    expect(await listStuckJobs(outsider, past)).toEqual([]);
    expect(await taskWatch(outsider, mine.taskId)).toBeNull();
    expect(await checkNow(outsider, mine.taskId)).toBeNull();
    expect(await giveUpJob(outsider, mine.taskId)).toBeNull();
    // Their own ids in our team: not a member there.
    await expect(listStuckJobs({ teamId: mine.team.id, userId: other.owner.id })).rejects.toEqual(
      new TeamAccessError("not_found"),
    );
    await expect(checkNow({ teamId: mine.team.id, userId: other.owner.id }, mine.taskId)).rejects.toEqual(
      new TeamAccessError("not_found"),
    );
    expect(await taskRow(mine.taskId)).toMatchObject({ status: "in_progress", reservedCents: 40 });
    expect((await listStuckJobs({ teamId: mine.team.id, userId: mine.owner.id }, past)).map((j) => j.id)).toEqual([
      mine.taskId,
    ]);
  });
});
