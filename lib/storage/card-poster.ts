import { stat } from "node:fs/promises";
import { cardPosterFrom } from "./derive-media";
import { absoluteMediaPath, cardPosterPath, writeMediaAtomically } from "./media-store";

// Gallery cards draw the card poster, not the full frame (issue 11, item 4). It is made when a
// video is archived and, for videos archived before it existed, on the first request for it; it is
// stored next to the thumbnail (no column: its path is derived). Like every stored file it is
// written to a temporary name and renamed into place, so a reader sees all of it or nothing.

/** A WebP file's first bytes: "RIFF", a size, "WEBP" (the archive checks provider thumbnails with it too). */
export const isWebp = (head: Buffer) =>
  head.subarray(0, 4).toString("latin1") === "RIFF" && head.subarray(8, 12).toString("latin1") === "WEBP";

/** Concurrent first requests for one poster make it once per process. */
const making = new Map<string, Promise<string | null>>();

/** Makes (or remakes) the card poster of a stored thumbnail; returns its relative path. */
export async function writeCardPoster(thumbnailRelative: string): Promise<string> {
  const relative = cardPosterPath(thumbnailRelative);
  const bytes = await cardPosterFrom(absoluteMediaPath(thumbnailRelative));
  await writeMediaAtomically(relative, [bytes], ({ head }) => {
    if (!isWebp(head)) throw new Error("card poster: not a WebP file");
  });
  return relative;
}

/**
 * The card poster's relative path once it exists, making it from the thumbnail if needed; null
 * when there is no thumbnail file to make it from.
 */
export function ensureCardPoster(thumbnailRelative: string): Promise<string | null> {
  const relative = cardPosterPath(thumbnailRelative);
  const pending = making.get(relative);
  if (pending) return pending;
  const work = (async () => {
    if (await isFile(absoluteMediaPath(relative))) return relative;
    if (!(await isFile(absoluteMediaPath(thumbnailRelative)))) return null;
    return writeCardPoster(thumbnailRelative);
  })().finally(() => making.delete(relative));
  making.set(relative, work);
  return work;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}
