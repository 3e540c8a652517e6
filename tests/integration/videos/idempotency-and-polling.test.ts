import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { key, newTeam, simulatorStats } from "../../support/video-harness";

describe("idempotent submit", () => {
  it("the same idempotency key, sequential or concurrent, makes one task and one provider job", async () => {
    const { owner, team } = await newTeam();
    const idem = key();
    const input = {
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: idem,
      model: "sora-2",
      size: "1280x720",
      seconds: 8,
      prompt: "Double click",
    };
    const before = (await simulatorStats()).byEndpoint.create ?? 0;
    const results = await Promise.all(Array.from({ length: 6 }, () => createVideoJob(input)));
    const again = await createVideoJob(input);
    const ids = new Set([...results, again].map((r) => r.task.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(again.created).toBe(false);
    expect(await db.videoTask.count({ where: { teamId: team.id } })).toBe(1);
    expect((await simulatorStats()).byEndpoint.create ?? 0).toBe(before + 1);
  });
});

describe("coalesced polling", () => {
  it("many concurrent status requests poll the provider once per interval", async () => {
    const { owner, team } = await newTeam();
    // [[stall]] keeps the job in progress, so every interval has something to poll.
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Stays busy [[stall:40]]",
    });
    const row = await db.videoTask.findUniqueOrThrow({ where: { id: task.id } });
    const jobId = row.providerJobId!;
    // Make it due, then fire 25 "page refreshes" within one instant (tests shrink the interval
    // to 50 ms, so wall-clock time would let a legitimate second poll through).
    const now = new Date();
    await db.videoTask.update({ where: { id: task.id }, data: { nextPollAt: new Date(now.getTime() - 1) } });
    const before = (await simulatorStats()).byJob[jobId]?.retrieve ?? 0;
    const results = await Promise.all(
      Array.from({ length: 25 }, () => syncDueTasks({ teamId: team.id, taskIds: [task.id], now })),
    );
    expect(results.reduce((n, r) => n + r.polled, 0)).toBe(1);
    expect((await simulatorStats()).byJob[jobId]?.retrieve ?? 0).toBe(before + 1);

    // Before the interval has passed, nobody polls again.
    await Promise.all(
      Array.from({ length: 10 }, () => syncDueTasks({ taskIds: [task.id], now: new Date(now.getTime() + 40) })),
    );
    expect((await simulatorStats()).byJob[jobId]?.retrieve ?? 0).toBe(before + 1);
    const after = await db.videoTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.status).toBe("in_progress");
    expect(after.nextPollAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(after.pollLeaseUntil).toBeNull();
  });

  it("a live lease held by another process blocks a second poll even when the task is due", async () => {
    const { owner, team } = await newTeam();
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Leased [[stall]]",
    });
    const jobId = (await db.videoTask.findUniqueOrThrow({ where: { id: task.id } })).providerJobId!;
    await db.videoTask.update({
      where: { id: task.id },
      data: { nextPollAt: new Date(Date.now() - 1), pollLeaseUntil: new Date(Date.now() + 60_000) },
    });
    const before = (await simulatorStats()).byJob[jobId]?.retrieve ?? 0;
    expect((await syncDueTasks({ taskIds: [task.id] })).polled).toBe(0);
    expect((await simulatorStats()).byJob[jobId]?.retrieve ?? 0).toBe(before);
  });
});
