import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { IMMUTABLE_MEDIA_CACHE } from "@/lib/storage/media-http";
import { mediaRelativePath, writeMediaAtomically, type MediaRequest } from "@/lib/storage/media-store";
import { presignGet } from "@/lib/storage/s3-store";
import { redirectToObject } from "@/lib/storage/serve-media";
import { openVideoMedia } from "@/lib/videos/video-media";
import { newUser } from "../team/support/team-fixtures";
import { finishedTask } from "../team/support/video-operations";
import { bucket, bytesOf, keysUnder, s3Available, useBucket } from "./s3-support";

// Downloads from S3 keep the team check, then either redirect to a short-lived presigned link
// (fetched here from the real server: Range, download name, expiry and tampering refused) or
// stream the bytes through with Range, 304 and 416 answered like the local folder.

const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251);
// An MP4's first bytes, so the archive's magic check would accept it too.
bytes.set([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70], 0);

async function archivedVideo(teamId: string, userId: string): Promise<string> {
  const taskId = await finishedTask(teamId, userId);
  const relative = mediaRelativePath(teamId, taskId, "video");
  await writeMediaAtomically(relative, [bytes.subarray(0, 100_000), bytes.subarray(100_000)], () => undefined);
  await db.videoTask.update({ where: { id: taskId }, data: { videoPath: relative } });
  return taskId;
}

type Actor = { teamId: string; userId: string };
async function open(actor: Actor, taskId: string, request: Partial<MediaRequest & { download: boolean }> = {}) {
  return openVideoMedia(actor, taskId, "video", { range: null, download: false, ...request });
}

async function location(actor: Actor, taskId: string, download = false): Promise<string> {
  const media = await open(actor, taskId, { download });
  if (!media.found) throw new Error(`not found: ${media.reason}`);
  expect(media.status).toBe(302);
  expect(media.body).toBeNull();
  return media.headers.get("location")!;
}

describe.skipIf(!s3Available)("serving from S3 with presigned links (the default)", () => {
  useBucket("redirect");

  it("redirects a member to a link on the public endpoint that serves the bytes, Range and the download name", async () => {
    const owner = await newUser("Owner");
    const actor = { teamId: owner.ownTeamId, userId: owner.id };
    const taskId = await archivedVideo(owner.ownTeamId, owner.id);
    const url = await location(actor, taskId);
    expect(url.startsWith(`${bucket().publicEndpoint}/`)).toBe(true);
    expect(url).toContain("X-Amz-Signature=");

    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(whole.headers.get("cache-control")).toBe(IMMUTABLE_MEDIA_CACHE);
    expect(await bytesOf(whole.body)).toEqual(bytes);

    const part = await fetch(url, { headers: { range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(await bytesOf(part.body)).toEqual(bytes.subarray(1000, 2000));
    const tail = await fetch(url, { headers: { range: "bytes=-10" } });
    expect(await bytesOf(tail.body)).toEqual(bytes.subarray(bytes.length - 10));

    const download = await fetch(await location(actor, taskId, true));
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="sora-2-.*\.mp4"/);
    await download.body?.cancel();
  });

  it("links are reused within half their life, and refused once expired or tampered with", async () => {
    const owner = await newUser("Owner");
    const actor = { teamId: owner.ownTeamId, userId: owner.id };
    const taskId = await archivedVideo(owner.ownTeamId, owner.id);
    const first = await open(actor, taskId);
    const cacheControl = first.found ? first.headers.get("cache-control")! : "";
    expect(cacheControl).toMatch(/^private, max-age=\d+$/);
    const maxAge = Number(cacheControl.split("=")[1]);
    expect(maxAge).toBeLessThanOrEqual(env.storage.presignSeconds / 2);
    const url = await location(actor, taskId);

    // Signed on a clock of half the lifetime: the same link within one half, a new one after.
    const relative = mediaRelativePath(owner.ownTeamId, taskId, "video");
    const half = (env.storage.presignSeconds / 2) * 1000;
    const start = Math.floor(Date.now() / half) * half;
    const link = async (now: number) => (await redirectToObject(bucket(), relative, "video/mp4", null, now)).headers;
    expect((await link(start + 10)).get("location")).toBe((await link(start + half - 10)).get("location"));
    expect((await link(start + half + 10)).get("location")).not.toBe((await link(start + 10)).get("location"));
    expect((await link(start + 10)).get("cache-control")).toBe(`private, max-age=${half / 1000 - 1}`);

    const signature = new URL(url).searchParams.get("X-Amz-Signature")!;
    const forged = url.replace(
      signature,
      signature.replace(/^./, (c) => (c === "0" ? "1" : "0")),
    );
    expect((await fetch(forged)).status).toBe(403);
    const otherKey = url.replace(`/${taskId}/video.mp4`, `/${taskId}/thumbnail.webp`);
    expect((await fetch(otherKey)).status).toBe(403);

    const short = await presignGet(bucket(), relative, {
      expiresIn: 1,
      contentType: "video/mp4",
      cacheControl: IMMUTABLE_MEDIA_CACHE,
    });
    const fresh = await fetch(short);
    expect(fresh.status).toBe(200);
    await fresh.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await fetch(short)).status).toBe(403);
  });

  it("signs links for the public endpoint (the host browsers reach) while the bytes move on the internal one", async () => {
    const owner = await newUser("Owner");
    const taskId = await archivedVideo(owner.ownTeamId, owner.id);
    const internal = new URL(bucket().endpoint!);
    const saved = env.storage;
    // The same server under another name, as a browser would reach it through a proxy.
    env.storage = { ...saved, s3: { ...saved.s3!, publicEndpoint: `http://localhost:${internal.port}` } };
    try {
      const url = await location({ teamId: owner.ownTeamId, userId: owner.id }, taskId);
      expect(new URL(url).host).toBe(`localhost:${internal.port}`);
      const response = await fetch(url, { headers: { range: "bytes=0-99" } });
      expect(response.status).toBe(206);
      expect(await bytesOf(response.body)).toEqual(bytes.subarray(0, 100));
      // Signed for that host: the same link sent to the internal name is refused.
      expect((await fetch(url.replace(`localhost:${internal.port}`, internal.host))).status).toBe(403);
    } finally {
      env.storage = saved;
    }
  });

  it("another team, a removed task and an unknown id get 404 and no link; a missing file is not_stored", async () => {
    const owner = await newUser("Owner");
    const stranger = await newUser("Stranger");
    const taskId = await archivedVideo(owner.ownTeamId, owner.id);
    expect(await open({ teamId: stranger.ownTeamId, userId: stranger.id }, taskId)).toEqual({
      found: false,
      reason: "no_task",
    });
    await expect(open({ teamId: owner.ownTeamId, userId: stranger.id }, taskId)).rejects.toThrow();
    const actor = { teamId: owner.ownTeamId, userId: owner.id };
    expect(await open(actor, "no-such-task")).toEqual({ found: false, reason: "no_task" });
    const bare = await finishedTask(owner.ownTeamId, owner.id);
    expect(await open(actor, bare)).toEqual({ found: false, reason: "not_stored" });
    await db.videoTask.update({ where: { id: taskId }, data: { deletedAt: new Date() } });
    expect(await open(actor, taskId)).toEqual({ found: false, reason: "no_task" });
  });

  it("makes a missing card poster in the bucket on the first request, then links to it", async () => {
    const owner = await newUser("Owner");
    const actor = { teamId: owner.ownTeamId, userId: owner.id };
    const taskId = await finishedTask(owner.ownTeamId, owner.id);
    const thumbnail = mediaRelativePath(owner.ownTeamId, taskId, "thumbnail");
    const frame = await sharp({ create: { width: 720, height: 1280, channels: 3, background: "#0ea5e9" } })
      .webp()
      .toBuffer();
    await writeMediaAtomically(thumbnail, [frame], () => undefined);
    await db.videoTask.update({ where: { id: taskId }, data: { thumbnailPath: thumbnail } });
    const folder = `teams/${owner.ownTeamId}/${taskId}`;
    expect(await keysUnder(folder)).toEqual([`${folder}/thumbnail.webp`]);
    const media = await openVideoMedia(actor, taskId, "poster", { range: null, download: false });
    expect(media.found && media.status).toBe(302);
    expect(await keysUnder(folder)).toEqual([`${folder}/poster.webp`, `${folder}/thumbnail.webp`]);
    const poster = await fetch(media.found ? media.headers.get("location")! : "");
    expect(poster.headers.get("content-type")).toBe("image/webp");
    expect(await sharp(await bytesOf(poster.body)).metadata()).toMatchObject({ width: 203, height: 360 });
  });
});

describe.skipIf(!s3Available)("serving from S3 through this server (S3_MEDIA_DELIVERY=stream)", () => {
  useBucket("stream");

  it("streams the bytes with one Range, a strong ETag, 304 and 416, after the team check", async () => {
    const owner = await newUser("Owner");
    const actor = { teamId: owner.ownTeamId, userId: owner.id };
    const taskId = await archivedVideo(owner.ownTeamId, owner.id);
    const whole = await open(actor, taskId, { download: true });
    if (!whole.found) throw new Error("not found");
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-length")).toBe(String(bytes.length));
    expect(whole.headers.get("content-disposition")).toMatch(/^attachment; filename="sora-2-/);
    expect(whole.headers.get("location")).toBeNull();
    expect(await bytesOf(whole.body)).toEqual(bytes);
    const etag = whole.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f-]+"$/);

    const part = await open(actor, taskId, { range: "bytes=250000-" });
    if (!part.found) throw new Error("not found");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 250000-${bytes.length - 1}/${bytes.length}`);
    expect(await bytesOf(part.body)).toEqual(bytes.subarray(250_000));

    const stale = await open(actor, taskId, { range: "bytes=0-9", ifRange: '"another"' });
    expect(stale.found && stale.status).toBe(200);
    if (stale.found) await stale.body?.cancel();
    const current = await open(actor, taskId, { range: "bytes=0-9", ifRange: etag });
    expect(current.found && (await bytesOf(current.body))).toEqual(bytes.subarray(0, 10));

    expect(await open(actor, taskId, { ifNoneMatch: etag })).toMatchObject({ found: true, status: 304, body: null });
    expect(await open(actor, taskId, { range: `bytes=${bytes.length}-` })).toMatchObject({ status: 416, body: null });

    const stranger = await newUser("Stranger");
    expect(await open({ teamId: stranger.ownTeamId, userId: stranger.id }, taskId)).toEqual({
      found: false,
      reason: "no_task",
    });
  });
});
