import { rm, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { TeamAccessError } from "@/lib/teams/authorize";
import { absoluteMediaPath, cardPosterPath, mediaRelativePath, writeMediaAtomically } from "@/lib/storage/media-store";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { listVideos } from "@/lib/videos/list-videos";
import { openVideoMedia } from "@/lib/videos/video-media";
import { newUser } from "../team/support/team-fixtures";
import { finishedTask } from "../team/support/video-operations";
import { addMember, driveUntil, key, newTeam } from "../../support/video-harness";

// Gallery cards draw a card-sized poster (issue 11, item 4): made when a video is archived, made on
// the first request for videos archived before, served like the other archived media (team check
// first, strong ETag, a year of private caching). Real archive through the simulator, real files.

type Actor = { teamId: string; userId: string };

async function poster(actor: Actor, taskId: string, ifNoneMatch?: string) {
  const media = await openVideoMedia(actor, taskId, "poster", { range: null, ifNoneMatch, download: false });
  if (!media.found) return { status: 404, reason: media.reason, headers: new Headers(), body: null };
  const body = media.body ? Buffer.from(await new Response(media.body).arrayBuffer()) : null;
  return { status: media.status, reason: null, headers: media.headers, body };
}

afterEach(() => {
  env.mediaAccelRedirectPrefix = undefined;
});

describe("card posters", () => {
  it("are made at archive time, card-sized, smaller than the full poster, and refused to another team", async () => {
    const { owner, team } = await newTeam();
    const { task } = await createVideoJob({
      teamId: team.id,
      userId: owner.id,
      idempotencyKey: key(),
      model: "sora-2-pro",
      size: "1280x720",
      seconds: 4,
      prompt: "A lighthouse at dawn",
    });
    const done = await driveUntil(task.id, (r) => r.archiveStatus === "done");
    const full = absoluteMediaPath(done.thumbnailPath!);
    const small = absoluteMediaPath(cardPosterPath(done.thumbnailPath!));
    // On disk before anyone asked for it.
    expect(existsSync(small)).toBe(true);
    expect(await sharp(full).metadata()).toMatchObject({ format: "webp", width: 1280, height: 720 });
    expect(await sharp(small).metadata()).toMatchObject({ format: "webp", width: 640, height: 360 });
    expect((await stat(small)).size).toBeLessThan((await stat(full)).size);

    // The gallery's DTO names it; the route serves it like the other archived media.
    const actor = { teamId: team.id, userId: owner.id };
    const card = (await listVideos(actor, {})).items.find((v) => v.id === task.id)!;
    expect(card.media.poster).toBe(`/api/teams/${team.id}/videos/${task.id}/media/poster`);
    const member = await addMember(team.id);
    const served = await poster({ teamId: team.id, userId: member.id }, task.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(served.headers.get("etag")).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(await sharp(served.body!).metadata()).toMatchObject({ width: 640, height: 360 });
    expect((await poster(actor, task.id, served.headers.get("etag")!)).status).toBe(304);

    // Another team: refused by the team check; through their own team: as if it did not exist.
    const stranger = await newTeam("Elsewhere");
    await expect(poster({ teamId: team.id, userId: stranger.owner.id }, task.id)).rejects.toBeInstanceOf(
      TeamAccessError,
    );
    expect(await poster({ teamId: stranger.team.id, userId: stranger.owner.id }, task.id)).toMatchObject({
      status: 404,
      reason: "no_task",
    });
  });

  it("are made on the first request for a video archived before they existed, once, then served as stored", async () => {
    const owner = await newUser("Owner");
    const actor = { teamId: owner.ownTeamId, userId: owner.id };
    const taskId = await finishedTask(owner.ownTeamId, owner.id); // 720x1280
    const thumbnail = mediaRelativePath(owner.ownTeamId, taskId, "thumbnail");
    const frame = await sharp({ create: { width: 720, height: 1280, channels: 3, background: "#0ea5e9" } })
      .webp({ quality: 90 })
      .toBuffer();
    await writeMediaAtomically(thumbnail, [frame], () => undefined);
    await db.videoTask.update({ where: { id: taskId }, data: { thumbnailPath: thumbnail } });
    const small = absoluteMediaPath(cardPosterPath(thumbnail));
    expect(existsSync(small)).toBe(false);

    const [first, second] = await Promise.all([poster(actor, taskId), poster(actor, taskId)]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(existsSync(small)).toBe(true);
    expect(await sharp(first.body!).metadata()).toMatchObject({ format: "webp", width: 203, height: 360 });
    expect(first.body!.length).toBeLessThan(frame.length);
    const etag = first.headers.get("etag")!;
    expect(second.headers.get("etag")).toBe(etag);
    expect((await poster(actor, taskId)).headers.get("etag")).toBe(etag);

    // nginx mode: the poster exists before nginx is told where it is.
    await rm(small);
    env.mediaAccelRedirectPrefix = "/protected-media/";
    const accel = await poster(actor, taskId);
    expect(accel.headers.get("x-accel-redirect")).toBe(
      `/protected-media/teams/${owner.ownTeamId}/${taskId}/poster.webp`,
    );
    expect(existsSync(small)).toBe(true);
  });

  it("is not stored for a video without a thumbnail", async () => {
    const owner = await newUser("Owner");
    const taskId = await finishedTask(owner.ownTeamId, owner.id);
    expect(await poster({ teamId: owner.ownTeamId, userId: owner.id }, taskId)).toMatchObject({
      status: 404,
      reason: "not_stored",
    });
  });
});
