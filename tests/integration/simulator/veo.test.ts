import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VeoOfficialVideoSchema, VeoReverseVideoSchema } from "@/lib/upstream-schemas";
import { imageBlob, postForm, postJson, readJson, stepUntil, TestClock } from "./support/dialect-helpers";
import {
  expectErrorResponse,
  frameAt,
  meanColour,
  probeVideo,
  solidPng,
  startTestSimulator,
  type TestSimulator,
} from "./support/harness";

// API易's Veo 3.1 routes (profile veo, at <root>/veo/v1 beside the default profile): official
// models with string seconds "4" | "6" | "8" (1080p and 4k only "8"), one uploaded reference,
// progress 0/50/100, bytes only from /content, failures without an error; reverse models with
// fixed 8 s, orientation from the id, `created`, string errors and a first/last-frame pair.

const KEY = "sk-veo-test";
const AUTH = { authorization: KEY };

let sim: TestSimulator;
let clock: TestClock;
let api = "";
beforeAll(async () => {
  clock = new TestClock();
  sim = await startTestSimulator({ timeScale: 1, now: clock.now });
  api = `${sim.url}/veo/v1`;
});
afterAll(async () => {
  await sim.stop();
});

async function retrieve(id: string): Promise<Record<string, unknown>> {
  return readJson(await fetch(`${api}/videos/${id}`, { headers: AUTH }), 200);
}

async function createForm(fields: Record<string, string | Blob>): Promise<Record<string, unknown>> {
  return readJson(await postForm(`${api}/videos`, fields, AUTH), 200);
}

/** Follows a job to a final status, collecting every progress value seen. */
async function follow(id: string, stepMs = 500): Promise<{ final: Record<string, unknown>; progress: Set<number> }> {
  const progress = new Set<number>();
  const final = await stepUntil(
    clock,
    async () => {
      const body = await retrieve(id);
      progress.add(Number(body.progress));
      return body;
    },
    ["completed", "failed"],
    stepMs,
  );
  return { final, progress };
}

/** Waits out the "not ready yet" 400 after completion, then downloads the MP4. */
async function download(id: string): Promise<Uint8Array> {
  clock.advance(4_100);
  const response = await fetch(`${api}/videos/${id}/content`, { headers: AUTH });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("video/mp4");
  return new Uint8Array(await response.arrayBuffer());
}

describe("veo: official models", () => {
  it("answers id + task_id, progress 0/50/100, no link; /content needs the key, answers 400 for 4 s, then the MP4", async () => {
    const created = VeoOfficialVideoSchema.parse(
      await createForm({
        model: "veo-3.1-fast-generate-preview",
        prompt: "A heron in the reeds",
        size: "720x1280",
        seconds: "4",
      }),
    );
    expect(created).toMatchObject({
      task_id: created.id,
      status: "queued",
      progress: 0,
      size: "720x1280",
      seconds: "4",
    });
    const { final, progress } = await follow(created.id, 100);
    expect(VeoOfficialVideoSchema.parse(final)).toMatchObject({ status: "completed", progress: 100 });
    expect([...progress].sort((a, b) => a - b)).toEqual([0, 50, 100]);
    const content = `${api}/videos/${created.id}/content`;
    await expectErrorResponse(await fetch(content, { headers: AUTH }), 400);
    await expectErrorResponse(await fetch(content), 401);
    const probe = await probeVideo(await download(created.id));
    expect(probe).toMatchObject({ codec: "h264", width: 720, height: 1280 });
    expect(Math.abs(probe.duration - 4)).toBeLessThanOrEqual(1 / probe.frameRate);
  });

  it("defaults to 8 s at 1280x720, takes 1080p only at 8 s, and refuses a JSON number for seconds with parse_request_failed", async () => {
    const defaults = VeoOfficialVideoSchema.parse(
      await readJson(
        await postJson(`${api}/videos`, { model: "veo-3.1-generate-preview", prompt: "defaults" }, AUTH),
        200,
      ),
    );
    expect(defaults).toMatchObject({ size: "1280x720", seconds: "8" });
    expect(
      (await createForm({ model: "veo-3.1-generate-preview", prompt: "tall", size: "1080x1920", seconds: "8" })).size,
    ).toBe("1080x1920");
    const number = await expectErrorResponse(
      await postJson(`${api}/videos`, { model: "veo-3.1-generate-preview", prompt: "x", seconds: 8 }, AUTH),
      400,
    );
    expect(number.code).toBe("parse_request_failed");
    const short1080 = await expectErrorResponse(
      await postForm(
        `${api}/videos`,
        { model: "veo-3.1-generate-preview", prompt: "x", size: "1920x1080", seconds: "4" },
        AUTH,
      ),
      400,
    );
    expect(short1080).toMatchObject({ code: "invalid_request", param: "seconds" });
    expect(short1080.message).toContain("only");
    const refused: Record<string, string | Blob>[] = [
      { model: "veo-3.1-generate-preview", prompt: "x", seconds: "5" },
      { model: "veo-3.1-generate-preview", prompt: "x", size: "1792x1024" },
      { model: "veo-3.1-generate-preview", prompt: "x", size: "3840x2160", seconds: "6" },
      { model: "veo-3.1-generate-preview", prompt: "x", input_reference: "https://example.com/cat.png" },
      { model: "veo-3.1-generate-preview", prompt: "x", last_frame: imageBlob(new Uint8Array([1]), "image/png") },
      { prompt: "x" },
    ];
    for (const fields of refused) {
      await expectErrorResponse(await postForm(`${api}/videos`, fields, AUTH), 400);
    }
    const remote = await expectErrorResponse(
      await postJson(
        `${api}/videos`,
        { model: "veo-3.1-generate-preview", prompt: "x", input_reference: { image_url: "https://example.com/a.png" } },
        AUTH,
      ),
      400,
    );
    expect(remote.message).toContain("URLs are not supported");
  });

  it("renders a true 3840x2160 8 s file (at 2 fps) from an uploaded WebP reference", async () => {
    const webp = imageBlob(
      await sharp(await solidPng(64, 36, [20, 200, 60]))
        .webp()
        .toBuffer(),
      "image/webp",
    );
    const created = await createForm({
      model: "veo-3.1-generate-preview",
      prompt: "A city at night in 4k",
      size: "3840x2160",
      seconds: "8",
      input_reference: webp,
    });
    expect((await follow(String(created.id), 2000)).final.status).toBe("completed");
    const probe = await probeVideo(await download(String(created.id)));
    expect(probe).toMatchObject({ codec: "h264", width: 3840, height: 2160, frameRate: 2, frames: 16 });
    expect(Math.abs(probe.duration - 8)).toBeLessThanOrEqual(1 / probe.frameRate);
  });

  it("a failed official task carries no error at all", async () => {
    const created = await createForm({
      model: "veo-3.1-fast-generate-preview",
      prompt: "breaks [[fail]]",
      seconds: "4",
    });
    const { final } = await follow(String(created.id));
    expect(VeoOfficialVideoSchema.parse(final).status).toBe("failed");
    expect(Object.keys(final)).not.toContain("error");
  });
});

describe("veo: reverse models", () => {
  it("are always 8 s with the orientation of the id, answer `created`, and fail with a string", async () => {
    const landscape = VeoReverseVideoSchema.parse(
      await createForm({ model: "veo-3.1-landscape-fast", prompt: "landscape", seconds: "4", size: "720x1280" }),
    );
    expect(landscape).toMatchObject({ size: "1280x720", seconds: "8", task_id: landscape.id });
    expect(Object.keys(landscape)).not.toContain("created_at");
    const portrait = VeoReverseVideoSchema.parse(await createForm({ model: "veo-3.1", prompt: "portrait" }));
    expect(portrait).toMatchObject({ size: "720x1280", seconds: "8" });
    const blocked = await createForm({ model: "veo-3.1-fast", prompt: "blocked [[moderation]]" });
    const { final } = await follow(String(blocked.id));
    expect(VeoReverseVideoSchema.parse(final)).toMatchObject({ status: "failed", error: "Content policy violation" });
  });

  it("-fl models take a first frame (input_reference) and a last frame (last_frame), shown at the start and the end", async () => {
    const first = imageBlob(await solidPng(640, 360, [230, 20, 20]), "image/png");
    const last = imageBlob(await solidPng(640, 360, [20, 20, 230]), "image/jpeg");
    await expectErrorResponse(
      await postForm(`${api}/videos`, { model: "veo-3.1-landscape-fl", prompt: "no first frame" }, AUTH),
      400,
    );
    await expectErrorResponse(
      await postForm(
        `${api}/videos`,
        { model: "veo-3.1-landscape", prompt: "x", input_reference: first, last_frame: last },
        AUTH,
      ),
      400,
    );
    const created = await createForm({
      model: "veo-3.1-landscape-fl",
      prompt: "from red to blue",
      input_reference: first,
      last_frame: imageBlob(
        await sharp(await solidPng(640, 360, [20, 20, 230]))
          .jpeg()
          .toBuffer(),
        "image/jpeg",
      ),
    });
    expect((await follow(String(created.id))).final.status).toBe("completed");
    const mp4 = await download(String(created.id));
    const probe = await probeVideo(mp4);
    expect(probe).toMatchObject({ width: 1280, height: 720 });
    const [r0, , b0] = await meanColour(await frameAt(mp4, 0, ffmpegInstaller.path));
    const [r1, , b1] = await meanColour(await frameAt(mp4, 7.7, ffmpegInstaller.path));
    expect(r0).toBeGreaterThan(180);
    expect(b0).toBeLessThan(70);
    expect(b1).toBeGreaterThan(180);
    expect(r1).toBeLessThan(70);
  });

  it("has no list, delete or remix, and takes the key with or without Bearer", async () => {
    const created = await createForm({ model: "veo-3.1", prompt: "routes" });
    const id = String(created.id);
    await expectErrorResponse(await fetch(`${api}/videos`, { headers: AUTH }), 404);
    await expectErrorResponse(await fetch(`${api}/videos/${id}`, { method: "DELETE", headers: AUTH }), 404);
    await expectErrorResponse(await fetch(`${api}/videos/${id}/remix`, { method: "POST", headers: AUTH }), 404);
    expect(
      (await readJson(await fetch(`${api}/videos/${id}`, { headers: { authorization: `Bearer ${KEY}` } }), 200)).id,
    ).toBe(id);
  });
});
