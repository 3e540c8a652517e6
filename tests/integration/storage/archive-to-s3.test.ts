import { existsSync } from "node:fs";
import path from "node:path";
import { ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { absoluteMediaPath, openStoredMedia, writeMediaAtomically } from "@/lib/storage/media-store";
import { readStoredMedia } from "@/lib/storage/media-objects";
import { objectKey, s3Clients } from "@/lib/storage/s3-store";
import { addConnection } from "@/lib/teams/connections";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { openVideoMedia } from "@/lib/videos/video-media";
import { archiveDueTasks } from "@/lib/videos/archive-video";
import { deleteVideo } from "@/lib/videos/delete-video";
import { runSweep } from "@/lib/videos/sweep";
import { syncDueTasks } from "@/lib/videos/sync-video-status";
import { exportVideosZip } from "@/lib/library/zip-export";
import { readAll, readZip } from "../../support/read-zip";
import { driveUntil, key, newTeam } from "../../support/video-harness";
import { bucket, bytesOf, keysUnder, s3Available, sha256, useBucket } from "./s3-support";

// The real engine archives the simulator's real video into a real S3 server (Swift with s3api):
// the bucket holds exactly the provider's bytes, a cut download leaves nothing behind, and delete
// and retention remove the objects.

async function providerBytes(providerJobId: string, variant = "video"): Promise<Uint8Array> {
  const response = await fetch(`${process.env.SIMULATOR_BASE_URL}/videos/${providerJobId}/content?variant=${variant}`, {
    // Jobs are scoped to the key that made them: the studio's own.
    headers: { authorization: `Bearer ${env.simulatorKey()}` },
  });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function submit(prompt: string, retentionDays?: number) {
  const { owner, team } = await newTeam();
  if (retentionDays) await db.team.update({ where: { id: team.id }, data: { retentionDays } });
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

describe.skipIf(!s3Available)("archiving into S3", () => {
  useBucket();

  it("stores the provider's exact bytes in the bucket (video, thumbnail, sprite sheet, card poster), nothing on disk", async () => {
    const { owner, team, task } = await submit("A harbour at night");
    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done");
    const folder = `teams/${team.id}/${task.id}`;
    expect(await keysUnder(folder)).toEqual(
      ["poster.webp", "spritesheet.jpg", "thumbnail.webp", "video.mp4"].map((f) => `${folder}/${f}`),
    );
    expect(row.videoPath).toBe(`${folder}/video.mp4`);
    expect(existsSync(absoluteMediaPath(row.videoPath!))).toBe(false);

    const stored = await readStoredMedia(row.videoPath!);
    const bytes = await bytesOf(stored!.body);
    const original = await providerBytes(row.providerJobId!);
    expect(bytes.byteLength).toBe(original.byteLength);
    expect(row.videoBytes).toBe(original.byteLength);
    expect(sha256(bytes)).toBe(sha256(original));
    expect(sha256(await bytesOf((await readStoredMedia(row.thumbnailPath!))!.body))).toBe(
      sha256(await providerBytes(row.providerJobId!, "thumbnail")),
    );
    const poster = await bytesOf((await readStoredMedia(`${folder}/poster.webp`))!.body);
    expect(await sharp(poster).metadata()).toMatchObject({ format: "webp", width: 203, height: 360 });

    // The task's file as an HTTP answer, as lib readers (the zip export) open it.
    const answer = await openStoredMedia(row, "video", null);
    expect(answer).toMatchObject({ status: 200 });
    expect(answer!.headers.get("content-length")).toBe(String(original.byteLength));
    expect(sha256(await bytesOf(answer!.body))).toBe(sha256(original));

    // The gallery's zip export reads it from the bucket the same way.
    const exported = await exportVideosZip({ teamId: team.id, userId: owner.id }, [task.id]);
    const entries = readZip(await readAll(exported!.body));
    expect(entries.filter((e) => e.name.endsWith(".mp4")).map((e) => sha256(e.data))).toEqual([sha256(original)]);

    // A range of the stored object.
    const part = await readStoredMedia(row.videoPath!, { start: 100, end: 199 });
    expect(part).toMatchObject({ size: original.byteLength, length: 100 });
    expect(sha256(await bytesOf(part!.body))).toBe(sha256(original.subarray(100, 200)));
    expect(await readStoredMedia(row.videoPath!, { start: original.byteLength, end: original.byteLength + 5 })).toBe(
      null,
    );
  });

  it("a download cut in half leaves no object in the bucket; the retry stores the whole video", async () => {
    const { team, task } = await submit("Cut short [[truncate*1]]");
    for (let i = 0; i < 300; i++) {
      await syncDueTasks({ taskIds: [task.id] });
      if ((await db.videoTask.findUniqueOrThrow({ where: { id: task.id } })).archiveStatus === "pending") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await archiveDueTasks({ taskIds: [task.id] })).toEqual({ archived: 0, failed: 1, due: 1 });
    const failed = await db.videoTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(failed).toMatchObject({ archiveStatus: "pending", videoPath: null });
    expect(failed.archiveError).toMatch(/terminated/);
    expect(await keysUnder(`teams/${team.id}/${task.id}`)).toEqual([]);

    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done");
    const bytes = await bytesOf((await readStoredMedia(row.videoPath!))!.body);
    expect(sha256(bytes)).toBe(sha256(await providerBytes(row.providerJobId!)));
  });

  it("a failed check abandons the upload, multipart included: no object, and the check's own error", async () => {
    class CheckError extends Error {}
    const relative = `teams/check/${crypto.randomUUID()}/video.mp4`;
    const chunk = new Uint8Array(1024 * 1024).fill(7);
    const chunks = function* () {
      for (let i = 0; i < 20; i++) yield chunk; // 20 MiB: three parts of a multipart upload
    };
    const error = await writeMediaAtomically(relative, chunks(), ({ bytes, head }) => {
      expect(bytes).toBe(20 * 1024 * 1024);
      expect(head.length).toBe(64);
      throw new CheckError("video: not a valid mp4 file");
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckError);
    expect(await keysUnder(path.dirname(relative))).toEqual([]);
    expect(await readStoredMedia(relative)).toBeNull();
    const pending = await s3Clients(bucket()).io.send(
      new ListMultipartUploadsCommand({ Bucket: bucket().bucket, Prefix: objectKey(bucket(), relative) }),
    );
    expect(pending.Uploads ?? []).toEqual([]);

    // The same bytes with a passing check: all of them, in one object.
    expect(await writeMediaAtomically(relative, chunks(), () => undefined)).toBe(20 * 1024 * 1024);
    expect((await readStoredMedia(relative))!.size).toBe(20 * 1024 * 1024);
  });

  it("a relay that sends only the MP4: the poster and sprite sheet are made from the bucket's copy; the reference image is kept there", async () => {
    const { owner, team } = await newTeam();
    const connectionId = await addConnection(
      db,
      owner.id,
      team.id,
      { name: "Sim veo", preset: "simulator-veo", baseUrl: null, apiKey: null },
      env.providerKeySecret(),
    );
    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#e61414" } })
      .png()
      .toBuffer();
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      connectionId,
      model: "veo-3.1-landscape-fl",
      size: "1280x720",
      seconds: 8,
      prompt: "From red",
      referenceImage: { bytes: png, mimeType: "image/png", width: 640, height: 360 },
    });
    const row = await driveUntil(task.id, (r) => r.archiveStatus === "done", 60_000);
    const folder = `teams/${team.id}/${task.id}`;
    expect(await keysUnder(folder)).toEqual(
      ["poster.webp", "reference.png", "spritesheet.jpg", "thumbnail.webp", "video.mp4"].map((f) => `${folder}/${f}`),
    );
    const thumbnail = await bytesOf((await readStoredMedia(row.thumbnailPath!))!.body);
    expect(await sharp(thumbnail).metadata()).toMatchObject({ format: "webp", width: 1280, height: 720 });
    const sprites = await bytesOf((await readStoredMedia(row.spritesheetPath!))!.body);
    expect((await sharp(sprites).metadata()).format).toBe("jpeg");
    expect(sha256(await bytesOf((await readStoredMedia(row.referenceImagePath!))!.body))).toBe(sha256(png));

    const media = await openVideoMedia({ teamId: team.id, userId: owner.id }, task.id, "reference", {
      range: null,
      download: false,
    });
    const link = await fetch(media.found ? media.headers.get("location")! : "");
    expect(link.headers.get("content-type")).toBe("image/png");
    expect(sha256(await bytesOf(link.body))).toBe(sha256(png));
  });

  it("deleting a video removes its objects; retention removes them when the team's days are up", async () => {
    const deleted = await submit("Soon deleted");
    await driveUntil(deleted.task.id, (r) => r.archiveStatus === "done");
    const deletedFolder = `teams/${deleted.team.id}/${deleted.task.id}`;
    expect((await keysUnder(deletedFolder)).length).toBe(4);
    expect(await deleteVideo({ teamId: deleted.team.id, userId: deleted.owner.id }, deleted.task.id)).toBe(true);
    expect(await keysUnder(deletedFolder)).toEqual([]);

    const kept = await submit("Kept a week", 7);
    const row = await driveUntil(kept.task.id, (r) => r.archiveStatus === "done");
    const keptFolder = `teams/${kept.team.id}/${kept.task.id}`;
    expect((await keysUnder(keptFolder)).length).toBe(4);
    await runSweep(new Date(row.retainUntil!.getTime() - 60_000));
    expect((await keysUnder(keptFolder)).length).toBe(4);
    await runSweep(new Date(row.retainUntil!.getTime() + 1000));
    expect(await keysUnder(keptFolder)).toEqual([]);
    expect((await db.videoTask.findUniqueOrThrow({ where: { id: kept.task.id } })).deletedAt).not.toBeNull();
  });
});
