import { cardPosterFrom } from "./derive-media";
import { mediaExists, readMediaBytes } from "./media-objects";
import { cardPosterPath, objectStore, writeMediaAtomically } from "./media-store";

// Gallery cards draw the card poster, not the full frame (issue 11, item 4). It is made when a
// video is archived and, for videos archived before it existed, on the first request for it; it is
// stored next to the thumbnail (no column: its path is derived). Like every stored file it is
// written to a temporary name and renamed into place, so a reader sees all of it or nothing (in
// S3: uploaded, visible once complete).

/** A WebP file's first bytes: "RIFF", a size, "WEBP" (the archive checks provider thumbnails with it too). */
export const isWebp = (head: Buffer) =>
  head.subarray(0, 4).toString("latin1") === "RIFF" && head.subarray(8, 12).toString("latin1") === "WEBP";

/** Concurrent first requests for one poster make it once per process. */
const making = new Map<string, Promise<string | null>>();
/**
 * S3 only (a HEAD is a round trip): posters known to exist. They are removed only with their task,
 * which is then never served. The local folder is asked each time (one stat).
 */
const known = new Set<string>();
const KNOWN_LIMIT = 10_000;

/** Makes (or remakes) the card poster of a stored thumbnail; returns its relative path. */
export async function writeCardPoster(thumbnailRelative: string): Promise<string> {
  const relative = cardPosterPath(thumbnailRelative);
  const thumbnail = await readMediaBytes(thumbnailRelative);
  if (!thumbnail) throw new Error(`card poster: no thumbnail at ${thumbnailRelative}`);
  const bytes = await cardPosterFrom(thumbnail);
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
  const remember = objectStore() !== null;
  if (remember && known.has(relative)) return Promise.resolve(relative);
  const pending = making.get(relative);
  if (pending) return pending;
  const work = (async () => {
    if (!(await mediaExists(relative))) {
      if (!(await mediaExists(thumbnailRelative))) return null;
      await writeCardPoster(thumbnailRelative);
    }
    if (remember) {
      if (known.size >= KNOWN_LIMIT) known.clear();
      known.add(relative);
    }
    return relative;
  })().finally(() => making.delete(relative));
  making.set(relative, work);
  return work;
}
