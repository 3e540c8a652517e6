import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { budgetRoom } from "@/lib/teams/budget";
import { archiveDueTasks } from "@/lib/videos/archive-video";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { LATE_WATCH_MS, latePollDelayMs, runTimeLimitMs } from "@/lib/videos/poll-schedule";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { key, newTeam, taskRow } from "../../support/video-harness";

// A job that never finishes ends: past its model's time limit it fails with a clear reason and
// its reservation is released; a late completion is still archived and charged. The engine is
// driven with a clock moved forward (the provider simulator keeps real time).

async function submit(prompt: string) {
  const { owner, team } = await newTeam();
  const { task } = await createVideoJob({
    teamId: team.id,
    userId: owner.id,
    idempotencyKey: key(),
    model: "sora-2",
    size: "720x1280",
    seconds: 4,
    prompt,
  });
  return { owner, team, task };
}

const after = (ms: number, from = Date.now()) => new Date(from + ms);

describe("jobs that never finish", () => {
  it("a stalled job is failed at its model's limit, released, then watched slowly for a day and dropped", async () => {
    const { owner, team, task } = await submit("Frozen forever [[stall]]");
    await syncDueTasks({ taskIds: [task.id] });
    expect((await taskRow(task.id)).reservedCents).toBe(40);

    const limit = runTimeLimitMs("simulator", "sora-2");
    const pastLimit = after(limit + 1_000, Date.parse(task.createdAt));
    expect((await syncDueTasks({ taskIds: [task.id], now: pastLimit })).polled).toBe(1);
    const failed = await taskRow(task.id);
    expect(failed.status).toBe("failed");
    expect(failed.errorCode).toBe("timed_out");
    expect(failed.errorMessage).toMatch(/No result after \d+ min, the limit for sora-2/);
    expect(failed.reservedCents).toBe(0);
    expect(failed.charge).toBeNull();
    expect(failed.nextPollAt!.getTime()).toBe(pastLimit.getTime() + latePollDelayMs());
    expect((await budgetRoom(db, team.id, owner.id)).team.reservedCents).toBe(0);

    // Still running upstream: asked again at the slow pace, nothing changes.
    const later = after(latePollDelayMs(), pastLimit.getTime());
    expect((await syncDueTasks({ taskIds: [task.id], now: later })).polled).toBe(1);
    const watched = await taskRow(task.id);
    expect(watched.status).toBe("failed");
    expect(watched.nextPollAt!.getTime()).toBe(later.getTime() + latePollDelayMs());

    // A day later the watch ends: no more polls.
    const dayLater = after(LATE_WATCH_MS + latePollDelayMs(), pastLimit.getTime());
    await syncDueTasks({ taskIds: [task.id], now: dayLater });
    const dropped = await taskRow(task.id);
    expect(dropped.nextPollAt).toBeNull();
    expect(dropped.events.map((e) => e.type)).toEqual(expect.arrayContaining(["timed_out", "watch_ended"]));
    expect((await syncDueTasks({ taskIds: [task.id], now: after(LATE_WATCH_MS * 2) })).polled).toBe(0);
  });

  it("a job the provider cannot answer for is given up at the limit too, and a late completion is archived and charged", async () => {
    // The first three polls answer 500; the job itself completes normally.
    const { owner, team, task } = await submit("Slow to answer [[500*3]]");
    const pastLimit = after(runTimeLimitMs("simulator", "sora-2") + 1_000, Date.parse(task.createdAt));
    await syncDueTasks({ taskIds: [task.id], now: pastLimit });
    const failed = await taskRow(task.id);
    expect(failed.errorCode).toBe("timed_out");
    expect(failed.events.map((e) => e.type)).toContain("poll_error");

    // The provider finishes it after all (real time); the next slow poll sees it.
    let now = pastLimit;
    for (let i = 0; i < 50 && (await taskRow(task.id)).status !== "completed"; i++) {
      now = after(latePollDelayMs(), now.getTime());
      await syncDueTasks({ taskIds: [task.id], now });
      await new Promise((r) => setTimeout(r, 100));
    }
    const completed = await taskRow(task.id);
    expect(completed.status).toBe("completed");
    expect(completed.errorCode).toBeNull();
    expect(completed.archiveStatus).toBe("pending");
    expect(completed.events.map((e) => e.type)).toContain("late_completion");

    await archiveDueTasks({ taskIds: [task.id], now });
    const archived = await taskRow(task.id);
    expect(archived.archiveStatus).toBe("done");
    expect(archived.charge?.amountCents).toBe(40);
    expect((await budgetRoom(db, team.id, owner.id)).team).toMatchObject({ spentCents: 40, reservedCents: 0 });
  });
});
