import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { absoluteMediaPath } from "@/lib/storage/media-store";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { deleteVideo, VideoDeleteForbiddenError } from "@/lib/videos/delete-video";
import { getVideoDetail, listVideos, videosByIds } from "@/lib/videos/list-videos";
import { remixVideo } from "@/lib/videos/remix-video";
import { addMember, driveUntil, key, newTeam, simulatorStats } from "../../support/video-harness";

describe("gallery queries", () => {
  it("pages newest first with a keyset cursor, filters, and never shows another team's videos", async () => {
    const { owner, team } = await newTeam();
    const member = await addMember(team.id, "MEMBER");
    const base = Date.now() - 100_000;
    // Rows written directly: list logic is under test here, not the provider.
    for (let i = 0; i < 30; i++) {
      await db.videoTask.create({
        data: {
          teamId: team.id,
          createdById: i % 3 === 0 ? member.id : owner.id,
          idempotencyKey: key(),
          channel: "simulator",
          model: i % 2 ? "sora-2-pro" : "sora-2",
          size: "720x1280",
          seconds: 4,
          prompt: i === 7 ? "A Red Fox in snow" : `clip ${i}`,
          status: i % 5 === 0 ? "failed" : "completed",
          estimateCents: 40,
          createdAt: new Date(base + i * 1000),
        },
      });
    }
    const { team: other, owner: stranger } = await newTeam();
    await db.videoTask.create({
      data: {
        teamId: other.id,
        createdById: stranger.id,
        idempotencyKey: key(),
        channel: "simulator",
        model: "sora-2",
        size: "720x1280",
        seconds: 4,
        prompt: "secret",
        status: "completed",
        estimateCents: 40,
      },
    });

    const viewer = { teamId: team.id, userId: owner.id, role: "OWNER" as const };
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listVideos(viewer, { cursor, limit: 8 });
      seen.push(...page.items.map((v) => v.prompt));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(30);
    expect(seen[0]).toBe("clip 29");
    expect(seen).not.toContain("secret");
    expect((await listVideos(viewer, { status: "failed" })).items).toHaveLength(6);
    expect((await listVideos(viewer, { model: "sora-2-pro" })).items.every((v) => v.model === "sora-2-pro")).toBe(true);
    expect((await listVideos(viewer, { mine: true, limit: 60 })).items).toHaveLength(20);
    expect((await listVideos(viewer, { q: "red fox" })).items.map((v) => v.prompt)).toEqual(["A Red Fox in snow"]);
    const foreign = await db.videoTask.findFirstOrThrow({ where: { teamId: other.id } });
    expect(await videosByIds(viewer, [foreign.id])).toEqual([]);
    expect(await getVideoDetail(viewer, foreign.id)).toBeNull();
  });
});

describe("delete and remix", () => {
  it("a member deletes only their own videos; an admin any; our files and the provider's job go", async () => {
    const { owner, team } = await newTeam();
    const member = await addMember(team.id, "MEMBER");
    const admin = await addMember(team.id, "ADMIN");
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "To be deleted",
    });
    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done");
    await expect(deleteVideo({ teamId: team.id, userId: member.id, role: "MEMBER" }, task.id)).rejects.toBeInstanceOf(
      VideoDeleteForbiddenError,
    );
    const { team: other, owner: stranger } = await newTeam();
    expect(await deleteVideo({ teamId: other.id, userId: stranger.id, role: "OWNER" }, task.id)).toBe(false);

    const deletesBefore = (await simulatorStats()).byEndpoint.delete ?? 0;
    expect(await deleteVideo({ teamId: team.id, userId: admin.id, role: "ADMIN" }, task.id)).toBe(true);
    expect((await simulatorStats()).byEndpoint.delete ?? 0).toBe(deletesBefore + 1);
    expect(existsSync(absoluteMediaPath(row.videoPath!))).toBe(false);
    expect((await listVideos({ teamId: team.id, userId: owner.id, role: "OWNER" })).items).toHaveLength(0);
    expect(await db.charge.count({ where: { taskId: task.id } })).toBe(1); // the money was spent
    expect(await db.auditEntry.count({ where: { teamId: team.id, action: "video.deleted", targetId: task.id } })).toBe(
      1,
    );
  });

  it("remixes a completed video into a new task priced like the source", async () => {
    const { owner, team } = await newTeam();
    const viewer = { teamId: team.id, userId: owner.id, role: "OWNER" as const };
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2-pro",
      size: "1792x1024",
      seconds: 4,
      prompt: "Original",
    });
    await driveUntil(task.id, (r) => r.archiveStatus === "done");
    const remix = await remixVideo(viewer, { taskId: task.id, prompt: "Same, at night", idempotencyKey: key() });
    expect(remix?.task).toMatchObject({
      model: "sora-2-pro",
      size: "1792x1024",
      seconds: 4,
      estimateCents: 200,
      remixOfTaskId: task.id,
    });
    const done = await driveUntil(remix!.task.id, (r) => r.archiveStatus === "done");
    expect(done.charge?.amountCents).toBe(200);
  });
});
