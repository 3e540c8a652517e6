import { createHash } from "node:crypto";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sceneColours } from "@/lib/simulator/media/scene";
import {
  AUTH,
  createJson,
  expectVideoResource,
  frameAt,
  getJson,
  meanColour,
  probeVideo,
  solidPng,
  startTestSimulator,
  waitForStatus,
  type TestSimulator,
} from "./support/harness";

// The media is checked by decoding it, not by trusting the encoder's arguments.

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim.stop();
});

async function completed(body: Record<string, unknown>): Promise<string> {
  const response = await createJson(sim.api, body);
  expect(response.status).toBe(200);
  const video = expectVideoResource(await response.json());
  await waitForStatus(sim.api, video.id, ["completed"]);
  return video.id;
}

async function download(id: string, variant = "video"): Promise<Buffer> {
  const response = await fetch(`${sim.api}/videos/${id}/content?variant=${variant}`, { headers: AUTH });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function rawPixels(image: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function meanAbsDiff(a: Buffer, b: Buffer): number {
  let total = 0;
  for (let i = 0; i < a.length; i += 1) total += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return total / a.length;
}

describe("rendered video", () => {
  it.each([
    ["sora-2", "720x1280", "4"],
    ["sora-2", "1280x720", "12"],
    ["sora-2-pro", "1024x1792", "8"],
    ["sora-2-pro", "1792x1024", "4"],
  ])("%s %s %ss is H.264 of exactly that size and duration", async (model, size, seconds) => {
    const id = await completed({ prompt: `size check ${size}`, model, size, seconds });
    const mp4 = await download(id);
    const probe = await probeVideo(mp4);
    const [width, height] = size.split("x").map(Number);
    expect(probe).toMatchObject({ codec: "h264", pixFmt: "yuv420p", width, height });
    const frame = 1 / probe.frameRate;
    expect(Math.abs(probe.duration - Number(seconds))).toBeLessThanOrEqual(frame);
    expect(probe.frames).toBe(Math.round(Number(seconds) * probe.frameRate));
    // +faststart: the index (moov) comes before the media data (mdat), so playback starts at once.
    expect(mp4.indexOf("moov")).toBeGreaterThan(0);
    expect(mp4.indexOf("moov")).toBeLessThan(mp4.indexOf("mdat"));
  });

  it("is deterministic: the same request gives the same bytes, another prompt other bytes", async () => {
    const request = { prompt: "Determinism: a lighthouse at dusk", size: "1280x720", seconds: "4" };
    const [a, b, other] = await Promise.all([
      completed(request),
      completed(request),
      completed({ ...request, prompt: "A lighthouse at dawn" }),
    ]);
    expect(a).not.toBe(b);
    for (const variant of ["video", "thumbnail", "spritesheet"]) {
      const [first, second, third] = await Promise.all([
        download(a, variant),
        download(b, variant),
        download(other, variant),
      ]);
      expect(sha256(first)).toBe(sha256(second));
      expect(sha256(first)).not.toBe(sha256(third));
    }
  });

  it("shows the prompt: its colour, its words and a moving ball", async () => {
    const prompt = "WWWW WWWW WWWW WWWW";
    const id = await completed({ prompt, size: "1280x720", seconds: "4" });
    const mp4 = await download(id);
    const early = await rawPixels(await frameAt(mp4, 0.5, ffmpegInstaller.path));
    const later = await rawPixels(await frameAt(mp4, 1.5, ffmpegInstaller.path));
    const { width, height } = early;
    const pixel = (img: { data: Buffer }, x: number, y: number) => [
      ...img.data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3),
    ];

    // Background: the prompt's colour with the gradient's shade at 60 % height.
    const expected = sceneColours(prompt).background.map((c) => Math.min(255, c * (1.15 - 0.45 * 0.6)));
    const sampled = pixel(early, Math.round(width / 2), Math.round(height * 0.6));
    sampled.forEach((c, i) => expect(Math.abs(c - (expected[i] ?? 0))).toBeLessThan(14));
    expect(sceneColours(prompt).background).not.toEqual(sceneColours("another prompt").background);

    // Words: white glyph pixels in the text band, none in the empty band below it.
    const whiteIn = (img: { data: Buffer }, y0: number, y1: number) => {
      let count = 0;
      for (let y = y0; y < y1; y += 1)
        for (let x = 0; x < width; x += 1) if (pixel(img, x, y).every((c) => c > 230)) count += 1;
      return count;
    };
    expect(whiteIn(early, Math.round(height * 0.1), Math.round(height * 0.3))).toBeGreaterThan(2000);
    expect(whiteIn(early, Math.round(height * 0.5), Math.round(height * 0.65))).toBe(0);

    // Motion: the ball's band changes between frames.
    const band = (img: { data: Buffer }) =>
      img.data.subarray(Math.round(height * 0.7) * width * 3, Math.round(height * 0.9) * width * 3);
    expect(meanAbsDiff(band(early), band(later))).toBeGreaterThan(2);
  });

  it("opens with the reference image, and the thumbnail is that first frame", async () => {
    const reference = await solidPng(720, 1280, [10, 20, 240]);
    const id = await completed({
      prompt: "from a blue picture",
      input_reference: { image_url: `data:image/png;base64,${reference.toString("base64")}` },
    });
    const mp4 = await download(id);
    const first = await meanColour(await frameAt(mp4, 0, ffmpegInstaller.path));
    [10, 20, 240].forEach((c, i) => expect(Math.abs((first[i] ?? 0) - c)).toBeLessThan(6));
    const later = await meanColour(await frameAt(mp4, 2, ffmpegInstaller.path));
    expect(Math.abs((later[2] ?? 0) - 240)).toBeGreaterThan(20);
    const thumbnail = await meanColour(await download(id, "thumbnail"));
    thumbnail.forEach((c, i) => expect(Math.abs(c - (first[i] ?? 0))).toBeLessThan(6));
  });

  it("makes a sprite sheet of one tile per second, matching the video", async () => {
    const id = await completed({ prompt: "sprite sheet check", size: "720x1280", seconds: "8" });
    const sprite = await sharp(await download(id, "spritesheet"))
      .raw()
      .toBuffer({ resolveWithObject: true });
    // 8 tiles of 144x256, four to a row.
    expect(sprite.info).toMatchObject({ width: 4 * 144, height: 2 * 256 });
    const mp4 = await download(id);
    for (const second of [1, 6]) {
      const left = (second % 4) * 144;
      const top = Math.floor(second / 4) * 256;
      const tile = await sharp(sprite.data, {
        raw: { width: sprite.info.width, height: sprite.info.height, channels: 3 },
      })
        .extract({ left, top, width: 144, height: 256 })
        .raw()
        .toBuffer();
      const frame = await sharp(await frameAt(mp4, second, ffmpegInstaller.path))
        .resize(144, 256)
        .removeAlpha()
        .raw()
        .toBuffer();
      expect(meanAbsDiff(tile, frame)).toBeLessThan(8);
    }
  });
});

describe("rendering and the event loop", () => {
  it("renders once for concurrent downloads, caches, and keeps answering meanwhile", async () => {
    const id = await completed({ prompt: "a long render", model: "sora-2-pro", size: "1792x1024", seconds: "12" });
    const before = (await getJson(`${sim.url}/__simulator/stats`)).body as { renders: number };
    const latencies: number[] = [];
    let rendering = true;
    const probeLoop = (async () => {
      while (rendering) {
        const start = performance.now();
        await fetch(`${sim.url}/__simulator/health`);
        latencies.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const downloads = await Promise.all([download(id), download(id), download(id)]);
    rendering = false;
    await probeLoop;
    expect(new Set(downloads.map(sha256)).size).toBe(1);
    const after = (await getJson(`${sim.url}/__simulator/stats`)).body as { renders: number };
    expect(after.renders - before.renders).toBe(1);
    await download(id, "thumbnail");
    expect(((await getJson(`${sim.url}/__simulator/stats`)).body as { renders: number }).renders).toBe(after.renders);
    expect(latencies.length).toBeGreaterThan(5);
    expect(Math.max(...latencies)).toBeLessThan(400);
  });
});
