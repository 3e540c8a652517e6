import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { FitImageError, fitReferenceImage } from "@/lib/videos/fit-reference-image";
import { imageDecodes, readImageInfo } from "@/lib/videos/read-image-info";
import { jpegOfBytes, pngWithoutPixels, truncatedJpeg } from "../../support/sized-images";

// The header is not the image: both broken files below have a perfect header (sharp's metadata
// reads their size), but no pixels to send. Real bytes, real sharp.
const TEN_MIB = 10 * 1024 * 1024;

describe("reference images are decoded, not only their header", () => {
  // Dropping only the 2-byte end marker is not tested: every pixel is still there, and libjpeg
  // decodes such a file about 1 time in 10 (depending on the random noise's last bits), as most
  // viewers do. 16 missing bytes never decoded in 100 tries; 64 leaves a margin.
  it("a truncated JPEG has a valid header but does not decode, even with only its last 64 bytes missing", async () => {
    for (const bytes of [
      await truncatedJpeg(720, 1280),
      await truncatedJpeg(720, 1280, { dropLast: 2000 }),
      await truncatedJpeg(720, 1280, { dropLast: 64 }),
    ]) {
      expect(await readImageInfo(bytes)).toMatchObject({ mimeType: "image/jpeg", width: 720, height: 1280 });
      expect(await imageDecodes(bytes)).toBe(false);
    }
  });

  it("a PNG with IHDR but no pixel data has a valid header but does not decode", async () => {
    const bytes = await pngWithoutPixels(1280, 720);
    expect(await readImageInfo(bytes)).toMatchObject({ mimeType: "image/png", width: 1280, height: 720 });
    expect(await imageDecodes(bytes)).toBe(false);
  });

  it("fit to size says unreadable for both, rather than failing", async () => {
    await expect(
      fitReferenceImage(await truncatedJpeg(800, 600), { width: 1280, height: 720 }, "crop"),
    ).rejects.toBeInstanceOf(FitImageError);
    await expect(
      fitReferenceImage(await pngWithoutPixels(800, 600), { width: 1280, height: 720 }, "pad"),
    ).rejects.toBeInstanceOf(FitImageError);
  });

  it("whole images decode, including a JPEG padded to just under 10 MiB", async () => {
    const png = await sharp({ create: { width: 1280, height: 720, channels: 3, background: "#123456" } })
      .png()
      .toBuffer();
    expect(await imageDecodes(png)).toBe(true);
    const big = await jpegOfBytes(720, 1280, TEN_MIB - 200);
    expect(big.length).toBe(TEN_MIB - 200);
    expect(await readImageInfo(big)).toMatchObject({ mimeType: "image/jpeg", width: 720, height: 1280 });
    expect(await imageDecodes(big)).toBe(true);
  });

  it("a noisy 10 MB PNG (worst case for the decoder) decodes", async () => {
    const noisy = await sharp({
      create: {
        width: 1792,
        height: 1024,
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma: 90 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(await imageDecodes(noisy)).toBe(true);
  });
});

describe("jpegOfBytes", () => {
  it("makes valid JPEGs of exact sizes around the limit", async () => {
    for (const bytes of [TEN_MIB, TEN_MIB + 5, 12_500_000]) {
      const jpeg = await jpegOfBytes(720, 1280, bytes);
      expect(jpeg.length).toBe(bytes);
      expect(await imageDecodes(jpeg)).toBe(true);
    }
  });
});
