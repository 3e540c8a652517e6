import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { FitImageError, fitReferenceImage, toDataUrl } from "@/lib/videos/fit-reference-image";
import { readImageInfo } from "@/lib/videos/read-image-info";

// Real sharp on real pixels: the fitted image has exactly the video's size, crop fills the frame,
// pad keeps the whole picture with black bars.
async function solid(width: number, height: number, format: "png" | "jpeg" | "webp") {
  return sharp({ create: { width, height, channels: 3, background: { r: 250, g: 120, b: 20 } } })
    [format]()
    .toBuffer();
}

async function pixel(bytes: Buffer, x: number, y: number) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

describe("fitReferenceImage", () => {
  it("crop fills 1280x720 from a 4:3 image, with no bars", async () => {
    const fitted = await fitReferenceImage(await solid(800, 600, "png"), { width: 1280, height: 720 }, "crop");
    expect(fitted).toMatchObject({ mimeType: "image/png", width: 1280, height: 720 });
    expect(await readImageInfo(fitted.bytes)).toMatchObject({ width: 1280, height: 720, mimeType: "image/png" });
    const [r] = await pixel(fitted.bytes, 2, 360);
    expect(r).toBeGreaterThan(200);
  });

  it("pad keeps the picture and fills the sides with black, keeping JPEG as JPEG", async () => {
    const fitted = await fitReferenceImage(await solid(800, 600, "jpeg"), { width: 1280, height: 720 }, "pad");
    expect(fitted).toMatchObject({ mimeType: "image/jpeg", width: 1280, height: 720 });
    const edge = await pixel(fitted.bytes, 5, 360);
    expect(Math.max(...edge)).toBeLessThan(30);
    const centre = await pixel(fitted.bytes, 640, 360);
    expect(centre[0]).toBeGreaterThan(200);
  });

  it("portrait sizes and WebP work too; the data URL says its type", async () => {
    const fitted = await fitReferenceImage(await solid(1000, 1000, "webp"), { width: 720, height: 1280 }, "crop");
    expect(fitted).toMatchObject({ mimeType: "image/webp", width: 720, height: 1280 });
    expect(toDataUrl(fitted)).toMatch(/^data:image\/webp;base64,/);
  });

  it("refuses bytes that are not an image", async () => {
    await expect(
      fitReferenceImage(Buffer.from("not an image"), { width: 1280, height: 720 }, "crop"),
    ).rejects.toBeInstanceOf(FitImageError);
    expect(await readImageInfo(Buffer.from("GIF89a"))).toBeNull();
  });
});
