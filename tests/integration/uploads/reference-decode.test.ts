import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import sharp from "sharp";
import { readReference, type GenerateT } from "@/lib/actions/video-submission";
import en from "@/lib/i18n/messages/en/videos.json";
import zh from "@/lib/i18n/messages/zh-CN/videos.json";
import { modelsOf } from "@/lib/models";
import type { ConnectionOffer } from "@/lib/videos/form-rules";
import { jpegOfBytes, pngWithoutPixels, truncatedJpeg } from "../../support/sized-images";

// The submit action's reference check, on real bytes, in both languages: a file whose header is
// perfect but whose pixels are missing is a field error before the engine (and the provider)
// ever sees it; a whole image of the right size and up to 10 MiB goes through.
const values = { connectionId: "sim", model: "sora-2", size: "720x1280", seconds: 4, prompt: "A quiet harbour" };
const offers: ConnectionOffer[] = [
  { id: "sim", name: "Simulator", preset: "simulator", models: [...modelsOf("simulator")], prices: {} },
];
const translators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "generate" }) as unknown as GenerateT,
  "zh-CN": createTranslator({ locale: "zh-CN", messages: zh, namespace: "generate" }) as unknown as GenerateT,
};
const file = (bytes: Buffer, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

describe("readReference decodes the image", () => {
  it("refuses a truncated JPEG and a PNG without pixel data, in English and Chinese", async () => {
    const broken = [
      file(await truncatedJpeg(720, 1280), "cut.jpg", "image/jpeg"),
      file(await pngWithoutPixels(720, 1280), "empty.png", "image/png"),
    ];
    for (const image of broken) {
      expect(await readReference(offers, values, image, translators.en)).toEqual({
        ok: false,
        error: "This image could not be read. Try another file.",
      });
      expect(await readReference(offers, values, image, translators["zh-CN"])).toEqual({
        ok: false,
        error: "无法读取这张图片，请换一个文件。",
      });
    }
  });

  it("takes a whole image of exactly 10 MiB and refuses one byte more with the size message", async () => {
    const limit = 10 * 1024 * 1024;
    const ok = await readReference(
      offers,
      values,
      file(await jpegOfBytes(720, 1280, limit), "ok.jpg", "image/jpeg"),
      translators.en,
    );
    expect(ok).toMatchObject({ ok: true, image: { mimeType: "image/jpeg", width: 720, height: 1280 } });
    const over = file(await jpegOfBytes(720, 1280, limit + 1), "over.jpg", "image/jpeg");
    expect(await readReference(offers, values, over, translators.en)).toEqual({
      ok: false,
      error: "This file is larger than 10 MB.",
    });
    expect(await readReference(offers, values, over, translators["zh-CN"])).toEqual({
      ok: false,
      error: "该文件超过 10 MB。",
    });
  });

  it("still says the size is wrong before decoding a mismatched image", async () => {
    const png = await sharp({ create: { width: 1280, height: 720, channels: 3, background: "#345" } })
      .png()
      .toBuffer();
    const answer = await readReference(offers, values, file(png, "wide.png", "image/png"), translators.en);
    expect(answer).toMatchObject({ ok: false });
    expect(answer.ok ? "" : answer.error).toMatch(/1280 × 720 px/);
  });
});
