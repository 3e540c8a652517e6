import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import ffprobe from "@ffprobe-installer/ffprobe";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createVideoJob, VideoRequestError } from "@/lib/videos/create-video-job";
import { absoluteMediaPath } from "@/lib/storage/media-store";
import { budgetRoom } from "@/lib/teams/budget";
import { db } from "@/lib/db";
import { driveUntil, key, newTeam, simulatorStats } from "../../support/video-harness";

function probe(file: string) {
  const out = execFileSync(
    ffprobe.path,
    [
      "-v",
      "error",
      "-select_streams",
      "v:0",
      "-show_entries",
      "stream=codec_name,width,height:format=duration",
      "-of",
      "json",
      file,
    ],
    { encoding: "utf8" },
  );
  const json = JSON.parse(out) as {
    streams: { codec_name: string; width: number; height: number }[];
    format: { duration: string };
  };
  return { ...json.streams[0]!, duration: Number(json.format.duration) };
}

describe("submit → poll → archive → charge", () => {
  it("a text prompt becomes a stored, playable video charged once at the registry price", async () => {
    const { owner, team } = await newTeam();
    const { task, created } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2-pro",
      size: "1280x720",
      seconds: 4,
      prompt: "A lighthouse at dawn",
    });
    expect(created).toBe(true);
    expect(task.status).toBe("queued");
    expect(task.estimateCents).toBe(120);
    expect((await budgetRoom(db, team.id, owner.id)).team.reservedCents).toBe(120);

    const done = await driveUntil(task.id, (r) => r.archiveStatus === "done");
    expect(done.status).toBe("completed");
    expect(done.charge?.amountCents).toBe(120);
    expect(done.reservedCents).toBe(0);
    expect(await db.charge.count({ where: { taskId: task.id } })).toBe(1);
    const types = done.events.map((e) => e.type);
    expect(types[0]).toBe("submitted");
    expect(types).toContain("archived");
    expect(types).toContain("charged");

    const video = probe(absoluteMediaPath(done.videoPath!));
    expect(video).toMatchObject({ codec_name: "h264", width: 1280, height: 720 });
    expect(video.duration).toBeGreaterThan(3.8);
    expect(video.duration).toBeLessThan(4.3);
    expect((await sharp(absoluteMediaPath(done.thumbnailPath!)).metadata()).format).toBe("webp");
    expect((await sharp(absoluteMediaPath(done.spritesheetPath!)).metadata()).format).toBe("jpeg");
    const room = await budgetRoom(db, team.id, owner.id);
    expect(room.team).toMatchObject({ spentCents: 120, reservedCents: 0 });

    // Sweeping again charges nothing more.
    await driveUntil(task.id, () => true);
    expect(await db.charge.count({ where: { taskId: task.id } })).toBe(1);
  });

  it("an image-to-video request sends an image of exactly the requested size", async () => {
    const { owner, team } = await newTeam();
    const bytes = await sharp({ create: { width: 720, height: 1280, channels: 3, background: "#3366cc" } })
      .png()
      .toBuffer();
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "The blue wall comes alive",
      referenceImage: { bytes, mimeType: "image/png", width: 720, height: 1280 },
    });
    expect(task.status).toBe("queued");
    expect(task.hasReference).toBe(true);
    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done");
    expect(existsSync(absoluteMediaPath(row.referenceImagePath!))).toBe(true);
    expect(probe(absoluteMediaPath(row.videoPath!))).toMatchObject({ width: 720, height: 1280 });
  });

  it("a mismatched reference image is refused before anything reaches the provider", async () => {
    const { owner, team } = await newTeam();
    const before = await simulatorStats();
    const bytes = await sharp({ create: { width: 640, height: 640, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    await expect(
      createVideoJob({
        teamId: team.id,
        userId: owner.id,
        idempotencyKey: key(),
        model: "sora-2",
        size: "720x1280",
        seconds: 4,
        prompt: "x",
        referenceImage: { bytes, mimeType: "image/png", width: 640, height: 640 },
      }),
    ).rejects.toBeInstanceOf(VideoRequestError);
    await expect(
      createVideoJob({
        teamId: team.id,
        userId: owner.id,
        idempotencyKey: key(),
        model: "sora-2",
        size: "1792x1024",
        seconds: 4,
        prompt: "x",
      }),
    ).rejects.toMatchObject({ field: "size" });
    await expect(
      createVideoJob({
        teamId: team.id,
        userId: owner.id,
        idempotencyKey: key(),
        model: "sora-2",
        size: "720x1280",
        seconds: 10,
        prompt: "x",
      }),
    ).rejects.toMatchObject({ field: "seconds" });
    expect((await simulatorStats()).byEndpoint.create ?? 0).toBe(before.byEndpoint.create ?? 0);
    expect(await db.videoTask.count({ where: { teamId: team.id } })).toBe(0);
  });
});
