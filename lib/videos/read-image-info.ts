import sharp from "sharp";

// The server never trusts the browser's idea of an image: the type comes from the bytes (not the
// file name or the declared MIME type) and the size is the stored pixel grid, which is what the
// provider compares with the requested size ("Inpaint image must match the requested width and
// height"). An EXIF rotation does not change that grid, so it is reported separately.

export type ImageInfo = { mimeType: string; width: number; height: number; rotated: boolean };

const MIME_BY_FORMAT: Record<string, string> = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };

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
