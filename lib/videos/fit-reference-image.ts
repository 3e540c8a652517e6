import sharp from "sharp";
import { DECODE_FAIL_ON, readImageInfo } from "./read-image-info";

// "Fit to size" for reference images: the provider refuses an image whose pixels differ from the
// video's size, so the person chooses how to make it fit. Crop fills the frame and cuts the
// overflow (centred); pad keeps the whole picture and fills the bars with black, the colour a
// video letterbox has.

export type FitMode = "crop" | "pad";

export type FittedImage = { bytes: Buffer; mimeType: string; width: number; height: number };

export class FitImageError extends Error {
  constructor(readonly reason: "unreadable") {
    super(reason);
  }
}

export async function fitReferenceImage(
  input: Buffer,
  target: { width: number; height: number },
  mode: FitMode,
): Promise<FittedImage> {
  const info = await readImageInfo(input);
  if (!info) throw new FitImageError("unreadable");
  // rotate() applies the EXIF orientation first, so what the person saw is what gets fitted,
  // and the result carries no orientation tag that could make its size ambiguous.
  // Every pixel is decoded to resize, with the same strictness as the submit's check: a truncated
  // or pixel-less file is "unreadable", not a failure of the fitting.
  const pipeline = sharp(input, { failOn: DECODE_FAIL_ON })
    .rotate()
    .resize(target.width, target.height, {
      fit: mode === "crop" ? "cover" : "contain",
      position: "centre",
      background: { r: 0, g: 0, b: 0, alpha: 1 },
    });
  // Keep the person's format: PNG stays lossless, JPEG and WebP stay small.
  const encoded =
    info.mimeType === "image/png"
      ? pipeline.png()
      : info.mimeType === "image/webp"
        ? pipeline.webp({ quality: 90 })
        : pipeline.flatten({ background: { r: 0, g: 0, b: 0 } }).jpeg({ quality: 90, mozjpeg: true });
  const { data, info: out } = await encoded.toBuffer({ resolveWithObject: true }).catch(() => {
    throw new FitImageError("unreadable");
  });
  return { bytes: data, mimeType: info.mimeType, width: out.width, height: out.height };
}

export function toDataUrl(image: { bytes: Buffer; mimeType: string }): string {
  return `data:${image.mimeType};base64,${image.bytes.toString("base64")}`;
}
