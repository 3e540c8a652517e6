import { setTimeout as sleep } from "node:timers/promises";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createApiToken } from "@/lib/teams/api-tokens";
import { readStoredMedia } from "@/lib/storage/media-objects";
import { newTeam } from "../../support/video-harness";
import { startApiServer, type ApiServer } from "../api/support/api-server";
import { bytesOf, s3Available, sha256, useBucket } from "./s3-support";

// The official `openai` SDK downloads a video kept in S3 through the studio's real /api/v1 route
// over HTTP: in redirect mode it follows the 302 to the presigned link (its bearer token is not
// sent to the store), in stream mode the bytes come through; another team's token gets 404.

describe.skipIf(!s3Available)("GET /api/v1/videos/{id}/content with media in S3", () => {
  useBucket("redirect");
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(() => server.close());

  async function client(teamId: string, userId: string) {
    const { token } = await createApiToken(db, userId, teamId, {
      name: "s3",
      monthlyCapCents: null,
      expiresInDays: null,
    });
    return new OpenAI({ baseURL: server.baseURL, apiKey: token, maxRetries: 0 });
  }

  it("follows the redirect to the bucket (Range too), streams in stream mode, and refuses another team", async () => {
    const { owner, team } = await newTeam("S3 API team");
    const sdk = await client(team.id, owner.id);
    const created = await sdk.videos.create({
      model: "sora-2",
      prompt: "Rain on a tin roof",
      seconds: "4",
      size: "720x1280",
    });
    for (let i = 0; ; i++) {
      const video = await sdk.videos.retrieve(created.id);
      if (
        video.status === "completed" &&
        (video as unknown as { studio: { archive_status: string } }).studio.archive_status === "done"
      )
        break;
      if (i > 600) throw new Error(`still ${video.status}`);
      await sleep(100);
    }
    const row = await db.videoTask.findUniqueOrThrow({ where: { id: created.id } });
    const stored = await bytesOf((await readStoredMedia(row.videoPath!))!.body);

    const redirect = await fetch(`${server.baseURL}/videos/${created.id}/content`, {
      headers: { authorization: `Bearer ${sdk.apiKey}` },
      redirect: "manual",
    });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toMatch(new RegExp(`^${env.storage.s3!.publicEndpoint}/`));

    const whole = await sdk.videos.downloadContent(created.id);
    expect(whole.status).toBe(200);
    expect(whole.url.startsWith(env.storage.s3!.publicEndpoint!)).toBe(true);
    expect(sha256(await bytesOf(whole.body))).toBe(sha256(stored));
    const part = await sdk.videos.downloadContent(
      created.id,
      { variant: "video" },
      { headers: { Range: "bytes=4-7" } },
    );
    expect(part.status).toBe(206);
    expect(Buffer.from(await bytesOf(part.body)).toString("latin1")).toBe("ftyp");

    env.storage = { ...env.storage, delivery: "stream" };
    const streamed = await sdk.videos.downloadContent(
      created.id,
      { variant: "video" },
      { headers: { Range: "bytes=4-7" } },
    );
    expect(streamed.status).toBe(206);
    expect(streamed.url.startsWith(server.baseURL)).toBe(true);
    expect(streamed.headers.get("content-range")).toBe(`bytes 4-7/${stored.length}`);
    expect(Buffer.from(await bytesOf(streamed.body)).toString("latin1")).toBe("ftyp");
    env.storage = { ...env.storage, delivery: "redirect" };

    const other = await newTeam("Other team");
    const stranger = await fetch(`${server.baseURL}/videos/${created.id}/content`, {
      headers: { authorization: `Bearer ${(await client(other.team.id, other.owner.id)).apiKey}` },
      redirect: "manual",
    });
    expect(stranger.status).toBe(404);
    expect(stranger.headers.get("location")).toBeNull();
  });
});
