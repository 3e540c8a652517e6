// Render time and event-loop lag of the simulator's media pipeline, per size and duration.
// Run: npx tsx bench/simulator-media.ts   (prints figures, asserts nothing)
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { defaultFfmpegPath } from "@/lib/simulator/media/encode-mp4";
import { mediaFilesIn, renderMedia } from "@/lib/simulator/media/render-media";

const CASES: [model: string, width: number, height: number, seconds: number][] = [
  ["sora-2", 720, 1280, 4],
  ["sora-2", 720, 1280, 8],
  ["sora-2", 720, 1280, 12],
  ["sora-2", 1280, 720, 4],
  ["sora-2-pro", 1024, 1792, 4],
  ["sora-2-pro", 1024, 1792, 12],
  ["sora-2-pro", 1792, 1024, 12],
  ["sora_video2", 704, 1280, 10],
  ["sora_video2-landscape-15s", 1280, 704, 15],
];

const PROMPT = "A calico cat playing a grand piano on a small stage, warm spotlights, audience silhouettes";

async function renderOnce(root: string, name: string, model: string, width: number, height: number, seconds: number) {
  const dir = path.join(root, name);
  await import("node:fs/promises").then((fs) => fs.mkdir(dir, { recursive: true }));
  const files = mediaFilesIn(dir);
  const started = performance.now();
  await renderMedia(
    { width, height, seconds, model, prompt: PROMPT, remixedFromVideoId: null, reference: null },
    files,
    await defaultFfmpegPath(),
  );
  return { ms: performance.now() - started, bytes: (await stat(files.video)).size };
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), "sora-bench-"));
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  try {
    // Warm-up: first spawn of ffmpeg and first sharp call pay one-off costs.
    await renderOnce(root, "warmup", "sora-2", 720, 1280, 4);
    console.log(`cpus: ${os.cpus().length}, node ${process.version}`);
    console.log("model                       size        sec  render ms  mp4 KB  loop lag p50/p99/max ms");
    for (const [model, width, height, seconds] of CASES) {
      const lag = monitorEventLoopDelay({ resolution: 5 });
      lag.enable();
      const result = await renderOnce(root, `${model}-${width}x${height}-${seconds}`, model, width, height, seconds);
      lag.disable();
      console.log(
        `${model.padEnd(27)} ${`${width}x${height}`.padEnd(11)} ${String(seconds).padStart(3)}  ${result.ms.toFixed(0).padStart(9)}  ${(result.bytes / 1024).toFixed(0).padStart(6)}  ${ms(lag.percentile(50))}/${ms(lag.percentile(99))}/${ms(lag.max)}`,
      );
    }
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const started = performance.now();
    await Promise.all([0, 1, 2].map((i) => renderOnce(root, `parallel-${i}`, "sora-2", 720, 1280, 8)));
    lag.disable();
    console.log(
      `3 concurrent 720x1280 8 s renders: ${(performance.now() - started).toFixed(0)} ms in all, loop lag p99 ${ms(lag.percentile(99))} ms, max ${ms(lag.max)} ms`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
