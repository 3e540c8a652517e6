import OpenAI, { toFile } from "openai";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeletedVideoResourceSchema, ErrorResponseSchema, VideoListResourceSchema } from "@/lib/upstream-schemas";
import {
  AUTH,
  expectVideoResource,
  getJson,
  probeVideo,
  solidPng,
  startTestSimulator,
  until,
  type TestSimulator,
} from "./support/harness";

// The official SDK drives every endpoint over real HTTP against the standalone simulator.

let sim: TestSimulator;
let client: OpenAI;

beforeAll(async () => {
  sim = await startTestSimulator();
  client = sim.client;
});
afterAll(async () => {
  await sim.stop();
});

async function finished(id: string) {
  return until(
    () => client.videos.retrieve(id),
    (v) => v.status === "completed" || v.status === "failed",
  );
}

describe("the openai SDK against the simulator", () => {
  let textVideoId = "";

  it("creates a text-only video (multipart) and follows it to completion", async () => {
    const created = await client.videos.create({
      prompt: "A calico cat playing a piano on stage",
      model: "sora-2",
      seconds: "4",
      size: "720x1280",
    });
    expectVideoResource(created);
    expect(created).toMatchObject({
      object: "video",
      status: "queued",
      progress: 0,
      model: "sora-2",
      size: "720x1280",
      seconds: "4",
      prompt: "A calico cat playing a piano on stage",
      completed_at: null,
      expires_at: null,
      remixed_from_video_id: null,
      error: null,
    });
    expect(Math.abs(created.created_at - Date.now() / 1000)).toBeLessThan(5);

    const seen = new Set<string>();
    const done = await until(
      () => client.videos.retrieve(created.id),
      (v) => {
        seen.add(v.status);
        return v.status === "completed";
      },
    );
    expectVideoResource(done);
    expect(done.progress).toBe(100);
    expect(done.completed_at).toBeGreaterThanOrEqual(created.created_at);
    expect(done.expires_at).toBe((done.completed_at ?? 0) + 86400);
    expect(seen.has("completed")).toBe(true);
    textVideoId = created.id;
  });

  it("downloads all three variants with the right types and lengths", async () => {
    const video = await client.videos.downloadContent(textVideoId);
    expect(video.headers.get("content-type")).toBe("video/mp4");
    expect(video.headers.get("accept-ranges")).toBe("bytes");
    const mp4 = new Uint8Array(await video.arrayBuffer());
    expect(Number(video.headers.get("content-length"))).toBe(mp4.byteLength);
    const probe = await probeVideo(mp4);
    expect(probe).toMatchObject({ codec: "h264", width: 720, height: 1280 });

    const thumbnail = await client.videos.downloadContent(textVideoId, { variant: "thumbnail" });
    expect(thumbnail.headers.get("content-type")).toBe("image/webp");
    const webp = Buffer.from(await thumbnail.arrayBuffer());
    expect(Number(thumbnail.headers.get("content-length"))).toBe(webp.byteLength);
    expect(await sharp(webp).metadata()).toMatchObject({ format: "webp", width: 720, height: 1280 });

    const sprites = await client.videos.downloadContent(textVideoId, { variant: "spritesheet" });
    expect(sprites.headers.get("content-type")).toBe("image/jpeg");
    const jpeg = Buffer.from(await sprites.arrayBuffer());
    expect(Number(sprites.headers.get("content-length"))).toBe(jpeg.byteLength);
    expect((await sharp(jpeg).metadata()).format).toBe("jpeg");
  });

  it("creates a video from an uploaded reference image (toFile)", async () => {
    const image = await solidPng(1280, 720, [20, 200, 40]);
    const created = await client.videos.create({
      prompt: "A green field",
      size: "1280x720",
      seconds: "8",
      input_reference: await toFile(image, "reference.png", { type: "image/png" }),
    });
    expectVideoResource(created);
    expect(created).toMatchObject({ size: "1280x720", seconds: "8" });
    expect((await finished(created.id)).status).toBe("completed");
    const probe = await probeVideo(
      new Uint8Array(await (await client.videos.downloadContent(created.id)).arrayBuffer()),
    );
    expect(probe).toMatchObject({ codec: "h264", width: 1280, height: 720 });
    expect(probe.duration).toBeCloseTo(8, 0);
  });

  it("refuses a wrong-sized reference with the recorded message", async () => {
    const image = await solidPng(720, 1280, [0, 0, 0]);
    const error = await client.videos
      .create({ prompt: "x", size: "1280x720", input_reference: await toFile(image, "r.png", { type: "image/png" }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const apiError = error as InstanceType<typeof OpenAI.BadRequestError>;
    expect(apiError.error).toMatchObject({
      message: "Inpaint image must match the requested width and height",
      type: "invalid_request_error",
    });
    expect(apiError.requestID).toMatch(/^req_/);
  });

  it("auto-pages a list of more than one page, newest first", async () => {
    for (let i = 0; i < 5; i += 1) await client.videos.create({ prompt: `list item ${i}` });
    const all = (await getJson(`${sim.api}/videos?limit=100`)).body;
    const everyId = VideoListResourceSchema.parse(all).data.map((v) => v.id);
    expect(everyId.length).toBeGreaterThanOrEqual(7);

    const before = (await getJson(`${sim.url}/__simulator/stats`)).body as { byEndpoint: { list?: number } };
    const paged: string[] = [];
    for await (const video of client.videos.list({ limit: 2 })) {
      expectVideoResource(video);
      paged.push(video.id);
    }
    const after = (await getJson(`${sim.url}/__simulator/stats`)).body as { byEndpoint: { list?: number } };
    expect(paged).toEqual(everyId);
    expect(new Set(paged).size).toBe(paged.length);
    expect((after.byEndpoint.list ?? 0) - (before.byEndpoint.list ?? 0)).toBe(Math.ceil(everyId.length / 2));

    const ascending: string[] = [];
    for await (const video of client.videos.list({ limit: 3, order: "asc" })) ascending.push(video.id);
    expect(ascending).toEqual([...everyId].reverse());
  });

  it("answers list pages with correct cursors", async () => {
    const first = VideoListResourceSchema.parse((await getJson(`${sim.api}/videos?limit=2`)).body);
    expect(first.data).toHaveLength(2);
    expect(first).toMatchObject({
      object: "list",
      has_more: true,
      first_id: first.data[0]?.id,
      last_id: first.data[1]?.id,
    });
    const second = VideoListResourceSchema.parse(
      (await getJson(`${sim.api}/videos?limit=2&after=${first.last_id}`)).body,
    );
    expect(second.first_id).not.toBe(first.last_id);
    const empty = VideoListResourceSchema.parse((await getJson(`${sim.api}/videos?limit=0`)).body);
    expect(empty).toMatchObject({ data: [], first_id: null, last_id: null, has_more: true });
  });

  it("remixes a completed video into a new job", async () => {
    const remix = await client.videos.remix(textVideoId, { prompt: "The same cat, now playing a violin" });
    expectVideoResource(remix);
    expect(remix.id).not.toBe(textVideoId);
    expect(remix).toMatchObject({
      remixed_from_video_id: textVideoId,
      status: "queued",
      model: "sora-2",
      size: "720x1280",
      seconds: "4",
      prompt: "The same cat, now playing a violin",
    });
    const done = await finished(remix.id);
    expect(done).toMatchObject({ status: "completed", remixed_from_video_id: textVideoId });
    const probe = await probeVideo(new Uint8Array(await (await client.videos.downloadContent(remix.id)).arrayBuffer()));
    expect(probe).toMatchObject({ width: 720, height: 1280 });
  });

  it("deletes a finished video, after which it is gone", async () => {
    const deleted = await client.videos.delete(textVideoId);
    expect(DeletedVideoResourceSchema.parse(deleted)).toEqual({
      id: textVideoId,
      object: "video.deleted",
      deleted: true,
    });
    const error = await client.videos.retrieve(textVideoId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).error).toMatchObject({ type: "invalid_request_error" });
    const raw = await fetch(`${sim.api}/videos/${textVideoId}/content`, { headers: AUTH });
    expect(ErrorResponseSchema.parse(await raw.json()).error.type).toBe("invalid_request_error");
    expect(raw.status).toBe(404);
  });

  it("reports SDK errors with the four-key envelope and the request id", async () => {
    const error = await client.videos.create({ prompt: "x", seconds: "10" as "4" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const apiError = error as InstanceType<typeof OpenAI.BadRequestError>;
    expect(apiError.error).toEqual({
      message: "Invalid value: '10'. Supported values are: '4', '8', and '12'.",
      type: "invalid_request_error",
      param: "seconds",
      code: "invalid_value",
    });
    expect(apiError.requestID).toMatch(/^req_[0-9a-f]{32}$/);
    const unauthorised = new OpenAI({ apiKey: "sk-invalid", baseURL: sim.api, maxRetries: 0 });
    const authError = await unauthorised.videos.list().catch((e: unknown) => e);
    expect(authError).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((authError as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe("invalid_api_key");
  });
});
