import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ffprobeInstaller from "@ffprobe-installer/ffprobe";
import OpenAI from "openai";
import sharp from "sharp";
import { expect } from "vitest";
import { startStandaloneSimulator, type StandaloneInit, type StandaloneSimulator } from "@/lib/simulator/standalone";
import { ErrorResponseSchema, VideoResourceSchema, type VideoResource } from "@/lib/upstream-schemas";

export const API_KEY = "sk-sim-test";
export const AUTH = { authorization: `Bearer ${API_KEY}` };

/** Makes a job of about 20 s take about 40 ms. */
export const FAST = 0.002;

export interface TestSimulator extends StandaloneSimulator {
  api: string;
  dataDir: string;
  client: OpenAI;
  logs: string[];
  /** Stops the server; the data dir stays unless `removeData` (restart tests reuse it). */
  stop(options?: { removeData?: boolean }): Promise<void>;
}

export async function startTestSimulator(init: Partial<StandaloneInit> = {}): Promise<TestSimulator> {
  const dataDir = init.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "sora-sim-")));
  const logs: string[] = [];
  const running = await startStandaloneSimulator({ timeScale: FAST, log: (line) => logs.push(line), ...init, dataDir });
  const api = `${running.url}/v1`;
  return {
    ...running,
    api,
    dataDir,
    logs,
    client: new OpenAI({ apiKey: API_KEY, baseURL: api, maxRetries: 0 }),
    stop: async ({ removeData = true } = {}) => {
      await running.close();
      if (removeData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Checks a Video answer against the spec schema and the 13-key rule (plus `quality`). */
export function expectVideoResource(value: unknown): VideoResource {
  const video = VideoResourceSchema.parse(value);
  expect(Object.keys(value as object).sort()).toEqual([
    "completed_at",
    "created_at",
    "error",
    "expires_at",
    "id",
    "model",
    "object",
    "progress",
    "prompt",
    "quality",
    "remixed_from_video_id",
    "seconds",
    "size",
    "status",
  ]);
  expect(video.id).toMatch(/^video_[0-9a-f]{48}$/);
  return video;
}

export async function expectErrorResponse(
  response: Response,
  status: number,
): Promise<{ message: string; type: string; param: string | null; code: string | null }> {
  expect(response.status).toBe(status);
  expect(response.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
  expect(response.headers.get("content-type")).toBe("application/json");
  const body: unknown = await response.json();
  const parsed = ErrorResponseSchema.parse(body);
  expect(Object.keys(parsed.error).sort()).toEqual(["code", "message", "param", "type"]);
  return parsed.error;
}

export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
  everyMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function getJson(
  url: string,
  headers: Record<string, string> = AUTH,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** Polls GET /videos/{id} until the status is one of `statuses`. */
export async function waitForStatus(
  api: string,
  id: string,
  statuses: readonly string[],
  timeoutMs?: number,
  headers: Record<string, string> = AUTH,
): Promise<Record<string, unknown>> {
  const { body } = await until(
    () => getJson(`${api}/videos/${id}`, headers),
    (r) => statuses.includes(String(r.body.status)),
    timeoutMs,
  );
  return body;
}

export async function createJson(
  api: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = AUTH,
): Promise<Response> {
  return fetch(`${api}/videos`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export async function solidPng(width: number, height: number, rgb: [number, number, number]): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .png()
    .toBuffer();
}

const execFileAsync = promisify(execFile);

export interface ProbeResult {
  codec: string;
  profile: string;
  pixFmt: string;
  width: number;
  height: number;
  duration: number;
  frames: number;
  frameRate: number;
}

/** Decodes an MP4 with ffprobe (from @ffprobe-installer/ffprobe), counting frames by decoding. */
export async function probeVideo(bytes: Uint8Array): Promise<ProbeResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "sora-probe-"));
  const file = path.join(dir, "video.mp4");
  try {
    await writeFile(file, bytes);
    const { stdout } = await execFileAsync(ffprobeInstaller.path, [
      "-v",
      "error",
      "-count_frames",
      "-select_streams",
      "v:0",
      "-show_streams",
      "-show_format",
      "-of",
      "json",
      file,
    ]);
    const info = JSON.parse(stdout) as { streams: Record<string, string | number>[]; format: Record<string, string> };
    const stream = info.streams[0];
    if (!stream) throw new Error("no video stream");
    const [num = 0, den = 1] = String(stream.r_frame_rate).split("/").map(Number);
    return {
      codec: String(stream.codec_name),
      profile: String(stream.profile),
      pixFmt: String(stream.pix_fmt),
      width: Number(stream.width),
      height: Number(stream.height),
      duration: Number(info.format.duration),
      frames: Number(stream.nb_read_frames),
      frameRate: num / den,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The mean colour of a decoded video frame at `seconds`, via ffmpeg → raw rgb → sharp stats. */
export async function frameAt(bytes: Uint8Array, seconds: number, ffmpegPath: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "sora-frame-"));
  const file = path.join(dir, "video.mp4");
  const out = path.join(dir, "frame.png");
  try {
    await writeFile(file, bytes);
    await execFileAsync(ffmpegPath, ["-v", "error", "-i", file, "-ss", String(seconds), "-frames:v", "1", "-y", out]);
    return await sharp(out).png().toBuffer();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function meanColour(image: Buffer): Promise<[number, number, number]> {
  const stats = await sharp(image).stats();
  const [r, g, b] = stats.channels;
  return [r?.mean ?? 0, g?.mean ?? 0, b?.mean ?? 0];
}
