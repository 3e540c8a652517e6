import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { absoluteMediaPath } from "@/lib/storage/media-store";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { archiveDueTasks } from "@/lib/videos/archive-video";
import { runSweep } from "@/lib/videos/sweep";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { driveUntil, key, newTeam } from "../../support/video-harness";

describe("team retention", () => {
  it("a team that keeps videos 7 days gets a removal date; past it the sweep removes our copy but keeps the charge", async () => {
    const { owner, team } = await newTeam();
    await db.team.update({ where: { id: team.id }, data: { retentionDays: 7 } });
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Short-lived",
    });
    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done");
    expect(row.retainUntil!.getTime() - row.archivedAt!.getTime()).toBe(7 * 86_400_000);
    const file = absoluteMediaPath(row.videoPath!);
    expect(existsSync(file)).toBe(true);

    await runSweep(new Date(row.retainUntil!.getTime() + 1000));
    const after = await db.videoTask.findUniqueOrThrow({
      where: { id: task.id },
      include: { charge: true, events: true },
    });
    expect(existsSync(file)).toBe(false);
    expect(after.deletedAt).not.toBeNull();
    expect(after.charge?.amountCents).toBe(40);
    expect(after.events.map((e) => e.type)).toContain("retention_removed");
  });

  it("archivedAt is when the copy was made, not when the engine's tick began", async () => {
    const { owner, team } = await newTeam();
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Stamped late",
    });
    // Polled to completion without archiving (driveUntil would archive at once).
    for (let i = 0; i < 300; i++) {
      await syncDueTasks({ taskIds: [task.id] });
      if ((await db.videoTask.findUniqueOrThrow({ where: { id: task.id } })).archiveStatus === "pending") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const tickStart = new Date();
    await new Promise((r) => setTimeout(r, 1_200));
    const before = Date.now();
    await archiveDueTasks({ taskIds: [task.id], now: tickStart });
    const row = await db.videoTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(row.archiveStatus).toBe("done");
    expect(row.archivedAt!.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("a team that keeps videos forever has no removal date", async () => {
    const { owner, team } = await newTeam();
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "Forever",
    });
    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done");
    expect(row.retainUntil).toBeNull();
  });
});
