// Downloads get a name a person can recognise in their Downloads folder:
// sora-2-1280x720-8s-a-lighthouse-at-dusk.mp4. Simulator fault markers ([[…]]) are not words.

const EXTENSIONS = { video: "mp4", thumbnail: "webp", poster: "webp", spritesheet: "jpg" } as const;

export type DownloadVariant = keyof typeof EXTENSIONS;

export function promptSlug(prompt: string, maxWords = 6, maxChars = 48): string {
  const words = prompt
    .replace(/\[\[[^[\]]*\]\]/g, " ")
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, maxWords);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxChars) break;
    slug = next;
  }
  return slug || "video";
}

export function downloadFileName(
  video: { model: string; size: string; seconds: number; prompt: string },
  variant: DownloadVariant,
): string {
  const suffix = variant === "video" ? "" : `-${variant}`;
  return `${video.model}-${video.size}-${video.seconds}s-${promptSlug(video.prompt)}${suffix}.${EXTENSIONS[variant]}`;
}

/**
 * A Content-Disposition value that works everywhere: an ASCII fallback name (non-ASCII letters
 * dropped) plus the exact UTF-8 name for browsers that read filename* (all current ones).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "")
      .replace(/-{2,}/g, "-")
      .replace(/-\./, ".") || "video";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
