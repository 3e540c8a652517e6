import { access, mkdir, rename, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import sharp from "sharp";
import type { JobRecord } from "../job";
import { writeFileAtomic, type JobStore } from "../job-store";
import { defaultFfmpegPath, encodeMp4 } from "./encode-mp4";
import { buildScene, drawFrame, type SceneSpec } from "./scene";

export interface MediaFiles {
  video: string;
  thumbnail: string;
  spritesheet: string;
}

// CHOICE: sprite sheet = one tile per second of video, at most 4 tiles a row, tiles 256 px on
// their long side; thumbnail = the first frame at full size (WebP).
const TILE_LONG_SIDE = 256;
const SPRITE_COLUMNS = 4;

export function mediaFilesIn(dir: string): MediaFiles {
  return {
    video: path.join(dir, "video.mp4"),
    thumbnail: path.join(dir, "thumbnail.webp"),
    spritesheet: path.join(dir, "spritesheet.jpg"),
  };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function tileSize(width: number, height: number): { width: number; height: number } {
  const scale = TILE_LONG_SIDE / Math.max(width, height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

export interface RenderOutcome {
  files: MediaFiles;
  /** Whether this call rendered (false when the cache already had the files). */
  rendered: boolean;
}

/**
 * Renders a job's three assets on first demand and caches them under dataDir/media/<id>.
 * Concurrent requests for one job share a single render.
 */
export class MediaRenderer {
  private readonly inFlight = new Map<string, Promise<RenderOutcome>>();
  private readonly aborter = new AbortController();

  constructor(
    private readonly store: JobStore,
    /** null: the ffmpeg of @ffmpeg-installer/ffmpeg. */
    private readonly ffmpegPath: string | null,
    private readonly onRendered: () => void = () => undefined,
  ) {}

  ensure(job: JobRecord): Promise<RenderOutcome> {
    const running = this.inFlight.get(job.id);
    if (running) return running;
    const promise = this.renderIfMissing(job).finally(() => this.inFlight.delete(job.id));
    this.inFlight.set(job.id, promise);
    return promise;
  }

  /** Waits for a running render of this job (so its directory can be removed safely). */
  async settle(jobId: string): Promise<void> {
    await this.inFlight.get(jobId)?.catch(() => undefined);
  }

  async close(): Promise<void> {
    this.aborter.abort();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async renderIfMissing(job: JobRecord): Promise<RenderOutcome> {
    const dir = this.store.mediaDir(job.id);
    const files = mediaFilesIn(dir);
    // The video is renamed into place last, so its presence means all three are complete.
    if ((await exists(files.video)) && (await exists(files.thumbnail)) && (await exists(files.spritesheet))) {
      return { files, rendered: false };
    }
    await mkdir(dir, { recursive: true });
    const reference =
      job.render.referenceFile === null ? null : await this.readReference(job, job.render.referenceFile);
    const lastFrame = job.render.lastFrameFile ? await this.readReference(job, job.render.lastFrameFile) : null;
    await renderMedia(
      {
        width: job.render.width,
        height: job.render.height,
        seconds: job.render.seconds,
        model: job.render.model,
        prompt: job.render.visiblePrompt,
        remixedFromVideoId: job.render.remixedFromVideoId,
        reference,
        lastFrame,
        ...(job.render.fps === undefined ? {} : { fps: job.render.fps }),
      },
      files,
      this.ffmpegPath ?? (await defaultFfmpegPath()),
      this.aborter.signal,
    );
    this.onRendered();
    return { files, rendered: true };
  }

  private async readReference(job: JobRecord, name: string): Promise<Buffer> {
    const file = this.store.referencePath(name);
    const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    if (info.width !== job.render.width || info.height !== job.render.height || info.channels !== 3) {
      throw new Error(
        `reference ${file} is ${info.width}x${info.height}x${info.channels}, expected ${job.render.width}x${job.render.height}x3`,
      );
    }
    return data;
  }
}

/** Renders the MP4, thumbnail and sprite sheet of one scene into `files`. */
export async function renderMedia(
  spec: SceneSpec,
  files: MediaFiles,
  ffmpegPath: string,
  signal?: AbortSignal,
): Promise<void> {
  const scene = await buildScene(spec);
  const raw = { width: spec.width, height: spec.height, channels: 3 as const };
  const tile = tileSize(spec.width, spec.height);
  let thumbnail: Promise<Buffer> | null = null;
  const tiles: Promise<Buffer>[] = [];

  const temp = `${files.video}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await encodeMp4({
      ffmpegPath,
      width: spec.width,
      height: spec.height,
      fps: scene.fps,
      frameCount: scene.frameCount,
      output: temp,
      signal,
      drawFrame: (index, target) => drawFrame(scene, index, target),
      onFrame: (index, frame) => {
        // sharp works off the event loop; the frame buffer is reused, so it gets a copy.
        if (index === 0) thumbnail = sharp(Buffer.from(frame), { raw }).webp({ quality: 80 }).toBuffer();
        if (index % scene.fps === 0)
          tiles.push(sharp(Buffer.from(frame), { raw }).resize(tile.width, tile.height).raw().toBuffer());
      },
    });
    const columns = Math.min(SPRITE_COLUMNS, tiles.length);
    const rows = Math.ceil(tiles.length / columns);
    const tileBuffers = await Promise.all(tiles);
    const sprite = await sharp({
      create: {
        width: columns * tile.width,
        height: rows * tile.height,
        channels: 3,
        background: { r: 0, g: 0, b: 0 },
      },
    })
      .composite(
        tileBuffers.map((input, k) => ({
          input,
          raw: { width: tile.width, height: tile.height, channels: 3 as const },
          left: (k % columns) * tile.width,
          top: Math.floor(k / columns) * tile.height,
        })),
      )
      .jpeg({ quality: 80 })
      .toBuffer();
    if (thumbnail === null) throw new Error("no frame was rendered");
    await writeFileAtomic(files.thumbnail, await thumbnail);
    await writeFileAtomic(files.spritesheet, sprite);
    await rename(temp, files.video);
  } finally {
    await rm(temp, { force: true });
  }
}
