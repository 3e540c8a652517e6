import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { TeamAccessError } from "@/lib/teams/authorize";
import {
  absoluteMediaPath,
  mediaRelativePath,
  writeMediaAtomically,
  type MediaRequest,
} from "@/lib/storage/media-store";
import { openVideoMedia } from "@/lib/videos/video-media";
import { addMember, newUser } from "../team/support/team-fixtures";
import { finishedTask } from "../team/support/video-operations";

// Archived media are immutable: strong ETag, a year of private caching, 304 on If-None-Match,
// If-Range for seeks, and optionally X-Accel-Redirect for nginx. Always after the team check.
// Real rows, real files in the test's storage folder; bodies read to the end.

const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 251);

async function archivedVideo(teamId: string, userId: string, content = bytes): Promise<string> {
  const taskId = await finishedTask(teamId, userId);
  const relative = mediaRelativePath(teamId, taskId, "video");
  await writeMediaAtomically(relative, [content], () => undefined);
  await db.videoTask.update({ where: { id: taskId }, data: { videoPath: relative } });
  return taskId;
}

async function get(actor: { teamId: string; userId: string }, taskId: string, request: Partial<MediaRequest> = {}) {
  const media = await openVideoMedia(actor, taskId, "video", { range: null, download: false, ...request });
  if (!media.found) return { status: 404, reason: media.reason, headers: new Headers(), body: null };
  const body = media.body ? new Uint8Array(await new Response(media.body).arrayBuffer()) : null;
  return { status: media.status, reason: null, headers: media.headers, body };
}

/** Byte equality without a deep diff of 700,000 elements. */
function same(received: ArrayBuffer, expected: Uint8Array): boolean {
  return Buffer.from(received).equals(expected);
}

async function world() {
  const owner = await newUser("Owner");
  const member = await newUser("Member");
  await addMember(owner.ownTeamId, member.id, "MEMBER");
  const stranger = await newUser("Stranger");
  const taskId = await archivedVideo(owner.ownTeamId, owner.id);
  const strangersTask = await archivedVideo(stranger.ownTeamId, stranger.id);
  return {
    teamId: owner.ownTeamId,
    taskId,
    strangersTask,
    owner: { teamId: owner.ownTeamId, userId: owner.id },
    member: { teamId: owner.ownTeamId, userId: member.id },
    stranger: { teamId: stranger.ownTeamId, userId: stranger.id },
  };
}

afterEach(() => {
  env.mediaAccelRedirectPrefix = undefined;
});

describe("archived media caching", () => {
  it("carries a strong ETag, the same for every member and every request, and a year of private caching", async () => {
    const w = await world();
    const first = await get(w.owner, w.taskId);
    expect(first.status).toBe(200);
    expect(first.body).toEqual(bytes);
    const etag = first.headers.get("etag");
    // nginx's format ("<mtime s hex>-<size hex>"): switching to X-Accel-Redirect keeps browsers' copies.
    const file = await stat(absoluteMediaPath(mediaRelativePath(w.teamId, w.taskId, "video")));
    expect(etag).toBe(`"${Math.floor(file.mtimeMs / 1000).toString(16)}-${(5000).toString(16)}"`);
    expect(first.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(first.headers.get("last-modified")).toMatch(/GMT$/);
    expect((await get(w.owner, w.taskId)).headers.get("etag")).toBe(etag);
    expect((await get(w.member, w.taskId)).headers.get("etag")).toBe(etag);
    const part = await get(w.member, w.taskId, { range: "bytes=0-9" });
    expect(part.status).toBe(206);
    expect(part.headers.get("etag")).toBe(etag);
  });

  it("answers a matching If-None-Match with 304 and no body, a stale one with the file", async () => {
    const w = await world();
    const etag = (await get(w.owner, w.taskId)).headers.get("etag")!;
    const cached = await get(w.member, w.taskId, { ifNoneMatch: etag });
    expect(cached).toMatchObject({ status: 304, body: null });
    expect(cached.headers.get("etag")).toBe(etag);
    expect(cached.headers.get("content-length")).toBeNull();
    expect(cached.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect((await get(w.owner, w.taskId, { ifNoneMatch: `"other", W/${etag}` })).status).toBe(304);
    expect((await get(w.owner, w.taskId, { ifNoneMatch: "*" })).status).toBe(304);
    // A Range with a current If-None-Match is still a 304 (the browser has the whole file).
    expect((await get(w.owner, w.taskId, { ifNoneMatch: etag, range: "bytes=0-9" })).status).toBe(304);

    const stale = await get(w.owner, w.taskId, { ifNoneMatch: '"0-0"' });
    expect(stale.status).toBe(200);
    expect(stale.body).toEqual(bytes);
  });

  it("honours If-Range: the range for the current validator, the whole file for a stale one", async () => {
    const w = await world();
    const whole = await get(w.owner, w.taskId);
    const etag = whole.headers.get("etag")!;
    const lastModified = whole.headers.get("last-modified")!;

    const matching = await get(w.owner, w.taskId, { range: "bytes=100-199", ifRange: etag });
    expect(matching.status).toBe(206);
    expect(matching.headers.get("content-range")).toBe("bytes 100-199/5000");
    expect(matching.body).toEqual(bytes.subarray(100, 200));
    const byDate = await get(w.owner, w.taskId, { range: "bytes=100-199", ifRange: lastModified });
    expect(byDate.status).toBe(206);

    for (const stale of ['"0-0"', `W/${etag}`, "Thu, 01 Jan 1970 00:00:00 GMT"]) {
      const full = await get(w.owner, w.taskId, { range: "bytes=100-199", ifRange: stale });
      expect(full.status, stale).toBe(200);
      expect(full.headers.get("content-range")).toBeNull();
      expect(full.headers.get("content-length")).toBe("5000");
      expect(full.body).toEqual(bytes);
    }
  });

  it("runs the team check before any validator: another team's ids stay 404, a stranger gets no 304", async () => {
    const w = await world();
    const etag = (await get(w.owner, w.taskId)).headers.get("etag")!;
    const theirEtag = (await get(w.stranger, w.strangersTask)).headers.get("etag")!;

    // A member asking for another team's task through their own team: as if it did not exist.
    expect(await get(w.owner, w.strangersTask, { ifNoneMatch: theirEtag })).toMatchObject({
      status: 404,
      reason: "no_task",
    });
    // A stranger naming this team: refused by the team check, with or without a validator.
    for (const request of [{}, { ifNoneMatch: etag }, { range: "bytes=0-9", ifRange: etag }]) {
      await expect(get({ teamId: w.teamId, userId: w.stranger.userId }, w.taskId, request)).rejects.toBeInstanceOf(
        TeamAccessError,
      );
    }
    env.mediaAccelRedirectPrefix = "/protected-media/";
    await expect(get({ teamId: w.teamId, userId: w.stranger.userId }, w.taskId)).rejects.toBeInstanceOf(
      TeamAccessError,
    );
    expect((await get(w.owner, w.strangersTask)).status).toBe(404);
  });

  it("in X-Accel-Redirect mode names the stored file for nginx and sends no body", async () => {
    const w = await world();
    env.mediaAccelRedirectPrefix = "/protected-media/";
    const media = await get(w.member, w.taskId, { range: "bytes=0-9" });
    expect(media.status).toBe(200);
    expect(media.body).toBeNull();
    expect(media.headers.get("x-accel-redirect")).toBe(`/protected-media/teams/${w.teamId}/${w.taskId}/video.mp4`);
    expect(media.headers.get("content-type")).toBe("video/mp4");
    expect(media.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(media.headers.get("content-length")).toBeNull();

    const download = await openVideoMedia(w.member, w.taskId, "video", { range: null, download: true });
    expect(download.found && download.headers.get("content-disposition")).toMatch(/^attachment;/);

    // Nothing stored for this variant: still the studio's own 404, never a redirect.
    expect(await openVideoMedia(w.member, w.taskId, "thumbnail", { range: null, download: false })).toEqual({
      found: false,
      reason: "not_stored",
    });
  });

  it("over real HTTP: a 0.7 MB file in many chunks, a Range across chunk boundaries, then a 304", async () => {
    const owner = await newUser("Owner");
    const big = Uint8Array.from({ length: 700 * 1024 + 13 }, (_, i) => (i * 31 + (i >> 10)) % 256);
    const taskId = await archivedVideo(owner.ownTeamId, owner.id, big);
    const actor = { teamId: owner.ownTeamId, userId: owner.id };
    const server = createServer((req, res) => {
      void openVideoMedia(actor, taskId, "video", {
        range: req.headers.range ?? null,
        ifRange: req.headers["if-range"]?.toString() ?? null,
        ifNoneMatch: req.headers["if-none-match"] ?? null,
        download: false,
      }).then((media) => {
        if (!media.found) return void res.writeHead(404).end();
        res.writeHead(media.status, Object.fromEntries(media.headers));
        if (media.body) Readable.fromWeb(media.body as never).pipe(res);
        else res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const whole = await fetch(url);
      expect(whole.status).toBe(200);
      expect(same(await whole.arrayBuffer(), big)).toBe(true);
      const etag = whole.headers.get("etag")!;

      const part = await fetch(url, { headers: { range: "bytes=200000-600000", "if-range": etag } });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-length")).toBe("400001");
      expect(same(await part.arrayBuffer(), big.subarray(200000, 600001))).toBe(true);

      const stale = await fetch(url, { headers: { range: "bytes=200000-600000", "if-range": '"0-0"' } });
      expect(stale.status).toBe(200);
      expect((await stale.arrayBuffer()).byteLength).toBe(big.length);

      const again = await fetch(url, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
      expect((await again.arrayBuffer()).byteLength).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
