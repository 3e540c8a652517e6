import { spawn } from "node:child_process";
import sharp from "sharp";
import { cardPosterSize } from "./card-poster-size";

// Most relays send only the MP4: no thumbnail, no sprite sheet. The studio then makes its own from
// the archived video, so every card looks the same whatever the provider: a poster (the first
// frame, WebP) and a sprite sheet with one tile per second, at most 4 tiles a row, tiles 256 px on
// their long side (the grid components/videos/video-thumbnail.tsx scrubs).

const TILE_LONG_SIDE = 256;
const SPRITE_COLUMNS = 4;

let ffmpegPath: Promise<string> | null = null;
function ffmpeg(): Promise<string> {
  ffmpegPath ??= import("@ffmpeg-installer/ffmpeg").then((module) => (module.default ?? module).path);
  return ffmpegPath;
}

function run(args: string[]): Promise<Buffer> {
  return ffmpeg().then(
    (bin) =>
      new Promise<Buffer>((resolve, reject) => {
        const child = spawn(bin, ["-hide_banner", "-loglevel", "error", ...args], {
          stdio: ["ignore", "pipe", "pipe"],
        });
        const out: Buffer[] = [];
        let err = "";
        child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
        child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) =>
          code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`ffmpeg exited ${code}: ${err.slice(0, 300)}`)),
        );
      }),
  );
}

/** The first frame as WebP, full size. */
export async function posterFrom(videoPath: string): Promise<Buffer> {
  const png = await run(["-i", videoPath, "-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "pipe:1"]);
  return sharp(png).webp({ quality: 80 }).toBuffer();
}

/** One tile per second of video (`seconds` tiles), 4 a row, as JPEG. */
export async function spriteSheetFrom(
  videoPath: string,
  video: { width: number; height: number; seconds: number },
): Promise<Buffer> {
  const scale = TILE_LONG_SIDE / Math.max(video.width, video.height);
  const tile = {
    width: Math.max(2, Math.round(video.width * scale)),
    height: Math.max(2, Math.round(video.height * scale)),
  };
  const tiles = Math.max(1, Math.round(video.seconds));
  const columns = Math.min(SPRITE_COLUMNS, tiles);
  const rows = Math.ceil(tiles / columns);
  const png = await run([
    "-i",
    videoPath,
    "-vf",
    `fps=1,scale=${tile.width}:${tile.height},tile=${columns}x${rows}`,
    "-frames:v",
    "1",
    "-f",
    "image2pipe",
    "-vcodec",
    "png",
    "pipe:1",
  ]);
  return sharp(png).jpeg({ quality: 80 }).toBuffer();
}

/**
 * The card poster (lib/storage/card-poster-size.ts): the full poster scaled to the card's box at
 * 2×, as WebP. A few KB where the full frame is tens to hundreds.
 */
export async function cardPosterFrom(poster: string | Buffer): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(poster).metadata();
  const size = cardPosterSize(width, height);
  return sharp(poster).resize(size.width, size.height, { fit: "fill" }).webp({ quality: 75 }).toBuffer();
}
