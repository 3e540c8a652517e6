import { spawn } from "node:child_process";

let bundledFfmpeg: Promise<string> | null = null;

/**
 * The ffmpeg of @ffmpeg-installer/ffmpeg, loaded on first use: that package throws on import when
 * its binary is missing, and the API (everything but content) must keep working even then.
 */
export function defaultFfmpegPath(): Promise<string> {
  bundledFfmpeg ??= import("@ffmpeg-installer/ffmpeg").then((module) => (module.default ?? module).path);
  return bundledFfmpeg;
}

export interface EncodeJob {
  ffmpegPath: string;
  width: number;
  height: number;
  fps: number;
  frameCount: number;
  output: string;
  /** Fills `target` with frame `index` (rgb24). Called in order; the buffer is reused. */
  drawFrame: (index: number, target: Buffer) => void;
  /** Sees each finished frame before it is overwritten (e.g. for thumbnails). */
  onFrame?: (index: number, frame: Buffer) => void;
  signal?: AbortSignal;
}

/**
 * CHOICE: video only, no audio track (real Sora output has sound; nothing here needs it yet).
 *
 * Encodes rgb24 frames drawn in JS to an H.264 MP4 by piping them to the ffmpeg binary from
 * @ffmpeg-installer/ffmpeg. The encoder runs in its own process, so only drawing happens on
 * the event loop, one frame between awaits.
 *
 * Deterministic by construction: one x264 thread (no thread-order effects), fixed settings,
 * bitexact muxing and no metadata (no creation time, no encoder version tag).
 */
export async function encodeMp4(job: EncodeJob): Promise<void> {
  const args = [
    "-hide_banner",
    "-loglevel",
    "error",
    "-f",
    "rawvideo",
    "-pix_fmt",
    "rgb24",
    "-s:v",
    `${job.width}x${job.height}`,
    "-framerate",
    String(job.fps),
    "-i",
    "pipe:0",
    "-frames:v",
    String(job.frameCount),
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "26",
    "-pix_fmt",
    "yuv420p",
    "-g",
    String(job.fps),
    "-threads",
    "1",
    "-movflags",
    "+faststart",
    "-fflags",
    "+bitexact",
    "-flags:v",
    "+bitexact",
    "-map_metadata",
    "-1",
    "-f",
    "mp4",
    "-y",
    job.output,
  ];
  const child = spawn(job.ffmpegPath, args, { stdio: ["pipe", "ignore", "pipe"], signal: job.signal });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
  // If ffmpeg dies early, writes fail with EPIPE; the exit error above is the one worth reporting.
  child.stdin.on("error", () => undefined);

  const frame = Buffer.alloc(job.width * job.height * 3);
  try {
    for (let index = 0; index < job.frameCount; index += 1) {
      job.drawFrame(index, frame);
      job.onFrame?.(index, frame);
      // Waiting for the write callback means the pipe has taken the bytes, so the buffer may be
      // redrawn; it also hands the event loop back between frames.
      await new Promise<void>((resolve, reject) =>
        child.stdin.write(frame, (error) => (error ? reject(error) : resolve())),
      );
    }
    child.stdin.end();
  } catch (error) {
    child.kill("SIGKILL");
    await exited.catch(() => undefined);
    throw error;
  }
  await exited;
}
