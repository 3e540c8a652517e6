import sharp from "sharp";

// The server never trusts the browser's idea of an image: the type comes from the bytes (not the
// file name or the declared MIME type) and the size is the stored pixel grid, which is what the
// provider compares with the requested size ("Inpaint image must match the requested width and
// height"). An EXIF rotation does not change that grid, so it is reported separately.
//
// The header alone is not the image: a truncated JPEG or a PNG whose pixel data is missing has a
// perfect header. `imageDecodes` reads every pixel, so such a file is refused here rather than by
// the provider half a minute later.

export type ImageInfo = { mimeType: string; width: number; height: number; rotated: boolean };

const MIME_BY_FORMAT: Record<string, string> = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };

/**
 * libvips' sensitivity to broken input: "error" refuses truncated or corrupt pixel data but lets
 * harmless warnings pass (bytes after a JPEG's end marker, for instance).
 */
export const DECODE_FAIL_ON = "error" as const;

/** Pixel size and real type of an image, or null when the bytes are not a JPEG, PNG or WebP. */
export async function readImageInfo(bytes: Buffer): Promise<ImageInfo | null> {
  try {
    const meta = await sharp(bytes).metadata();
    const mimeType = meta.format ? MIME_BY_FORMAT[meta.format] : undefined;
    if (!mimeType || !meta.width || !meta.height) return null;
    return { mimeType, width: meta.width, height: meta.height, rotated: (meta.orientation ?? 1) > 4 };
  } catch {
    return null;
  }
}

/**
 * True when every pixel of the image can be decoded. `stats()` is a sink: libvips streams the
 * image through it strip by strip (sequential read), so no full-size copy is allocated; a 10 MB
 * JPEG takes tens of milliseconds.
 */
export async function imageDecodes(bytes: Buffer): Promise<boolean> {
  try {
    await sharp(bytes, { failOn: DECODE_FAIL_ON, sequentialRead: true }).stats();
    return true;
  } catch {
    return false;
  }
}
