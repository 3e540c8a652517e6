import { describe, expect, it } from "vitest";
import {
  allDurations,
  checkCombination,
  durationsAt,
  findModel,
  findSize,
  sizesOf,
  validChoices,
  type PriceOverride,
} from "@/lib/models";

const model = (presetId: string, modelId: string) => {
  const found = findModel(presetId, modelId);
  if (!found) throw new Error(`${presetId} has no ${modelId}`);
  return found;
};
const png = (width: number, height: number, bytes = 1000) => ({ mimeType: "image/png", bytes, width, height });

describe("Veo 3.1 official: 1080p and 4k only 8 s", () => {
  const veo = model("apiyi-veo", "veo-3.1-generate-preview");

  it("offers 4, 6 and 8 s at 720p and only 8 s at 1080p and 4k, both orientations", () => {
    for (const size of ["1280x720", "720x1280"]) expect(durationsAt(veo, size)).toEqual([4, 6, 8]);
    for (const size of ["1920x1080", "1080x1920", "3840x2160", "2160x3840"])
      expect(durationsAt(veo, size)).toEqual([8]);
    expect(allDurations(veo)).toEqual([4, 6, 8]);
  });

  it("reports a forbidden pair on the duration, naming the size", () => {
    expect(checkCombination(veo, { size: "3840x2160", seconds: 4 })).toEqual({
      seconds: { key: "durationNotAllowedForSize", params: { size: "3840x2160", durations: "8" } },
    });
    expect(checkCombination(veo, { size: "1920x1080", seconds: 8 })).toEqual({});
    expect(checkCombination(veo, { size: "1280x720", seconds: 5 })).toEqual({
      seconds: { key: "durationNotAllowed", params: { durations: "4, 6, 8" } },
    });
  });

  it("narrows the form's durations to the size and moves the chosen duration", () => {
    expect(validChoices(veo, { size: "1920x1080", seconds: 4 })).toMatchObject({
      size: "1920x1080",
      durations: [8],
      seconds: 8,
    });
    const at720 = validChoices(veo, { size: "720x1280", seconds: 6 });
    expect(at720).toMatchObject({ durations: [4, 6, 8], seconds: 6 });
    expect(at720.sizes.map((s) => s.size)).toEqual(sizesOf(veo).map((s) => s.size));
  });
});

describe("reverse Veo: orientation fixed by the id, always 8 s", () => {
  it.each([
    ["veo-3.1", "720x1280"],
    ["veo-3.1-fast", "720x1280"],
    ["veo-3.1-landscape", "1280x720"],
    ["veo-3.1-landscape-fast", "1280x720"],
    ["veo-3.1-fl", "720x1280"],
    ["veo-3.1-landscape-fast-fl", "1280x720"],
  ])("%s makes only %s, 8 s", (id, size) => {
    const veo = model("apiyi-veo", id);
    expect(sizesOf(veo).map((s) => s.size)).toEqual([size]);
    expect(allDurations(veo)).toEqual([8]);
    const other = size === "720x1280" ? "1280x720" : "720x1280";
    expect(checkCombination(veo, { size: other, seconds: 4 })).toMatchObject({
      size: { key: "sizeNotAllowed" },
      seconds: { key: "durationNotAllowed" },
    });
    expect(validChoices(veo, { size: other, seconds: 4 })).toMatchObject({ size, seconds: 8, durations: [8] });
  });

  it("takes no image on plain ids, one or two on -fl ids", () => {
    expect(
      checkCombination(model("apiyi-veo", "veo-3.1"), { size: "720x1280", seconds: 8, referenceImages: [png(1, 1)] }),
    ).toEqual({ reference: { key: "referenceNotAccepted", params: { model: "veo-3.1" } } });
    const fl = model("apiyi-veo", "veo-3.1-fl");
    expect(checkCombination(fl, { size: "720x1280", seconds: 8 })).toEqual({
      reference: { key: "referenceRequired", params: { min: 1 } },
    });
    expect(checkCombination(fl, { size: "720x1280", seconds: 8, referenceImages: [png(9, 9), png(9, 9)] })).toEqual({});
    expect(
      checkCombination(fl, { size: "720x1280", seconds: 8, referenceImages: [png(9, 9), png(9, 9), png(9, 9)] }),
    ).toEqual({ reference: { key: "tooManyReferences", params: { max: 2 } } });
  });
});

describe("Oxygen: any whole second from 4 to 15, resolution × aspect ratio", () => {
  const oxygen = model("apiyi-oxygen", "oxygen-1.0");

  it("expands 480p and 768p in three aspect ratios to pixel sizes the adapter can map back", () => {
    expect(sizesOf(oxygen).map((s) => s.size)).toEqual([
      "854x480",
      "480x854",
      "480x480",
      "1376x768",
      "768x1376",
      "768x768",
    ]);
    expect(findSize(oxygen, "1376x768")).toMatchObject({ resolution: "768p", aspectRatio: "16:9", tier: "768p" });
    expect(findSize(oxygen, "480x480")).toMatchObject({ resolution: "480p", aspectRatio: "1:1" });
    expect(findSize(oxygen, "320x568")).toBeUndefined();
  });

  it("accepts 4…15 and nothing outside", () => {
    expect(durationsAt(oxygen, "768x768")).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    for (const seconds of [3, 16, 0, 7.5]) {
      expect(checkCombination(oxygen, { size: "768x768", seconds }).seconds?.key, String(seconds)).toBe(
        "durationNotAllowed",
      );
    }
    expect(checkCombination(oxygen, { size: "768x768", seconds: 15 })).toEqual({});
  });

  it("snaps a wanted duration to the nearest allowed one, the shorter on a tie", () => {
    expect(validChoices(oxygen, { seconds: 30 })).toMatchObject({ seconds: 15, size: "768x1376" });
    expect(validChoices(oxygen, { seconds: 1 }).seconds).toBe(4);
    expect(validChoices(model("laozhang-muse", "muse-video"), { seconds: 9 }).seconds).toBe(8);
    expect(validChoices(model("laozhang-muse", "muse-video"), { seconds: 6.5 }).seconds).toBe(5);
  });
});

describe("Muse: one model per length tier", () => {
  it("offers 5, 8 or 10 s on muse-video and exactly its length on the others", () => {
    expect(allDurations(model("laozhang-muse", "muse-video"))).toEqual([5, 8, 10]);
    for (const n of [20, 30, 40, 50, 60]) expect(allDurations(model("laozhang-muse", `muse-video-${n}s`))).toEqual([n]);
    expect(checkCombination(model("laozhang-muse", "muse-video-20s"), { size: "1280x720", seconds: 10 })).toMatchObject(
      {
        seconds: { key: "durationNotAllowed", params: { durations: "20" } },
      },
    );
  });

  it("accepts a first and a last frame of any size", () => {
    const muse = model("laozhang-muse", "muse-video");
    expect(
      checkCombination(muse, { size: "1280x720", seconds: 5, referenceImages: [png(10, 20), png(30, 40)] }),
    ).toEqual({});
  });
});

describe("官逆: 1280x720 or 720x1280, 10 or 15 s", () => {
  const reverse = model("apiyi-reverse", "sora-2");

  it("offers only those, and knows the video comes out 704 px wide", () => {
    expect(sizesOf(reverse).map((s) => s.size)).toEqual(["720x1280", "1280x720"]);
    expect(findSize(reverse, "720x1280")?.delivered).toEqual({ width: 704, height: 1280 });
    expect(allDurations(reverse)).toEqual([10, 15]);
    expect(checkCombination(reverse, { size: "1792x1024", seconds: 12 })).toEqual({
      size: { key: "sizeNotAllowed", params: { model: "sora-2", sizes: "720x1280, 1280x720" } },
      seconds: { key: "durationNotAllowed", params: { durations: "10, 15" } },
    });
  });

  it("takes one PNG or JPEG under 10 MB of any size, and prompts under 1000 characters", () => {
    const ok = { size: "1280x720", seconds: 10 };
    expect(checkCombination(reverse, { ...ok, referenceImages: [png(300, 200)] })).toEqual({});
    expect(checkCombination(reverse, { ...ok, referenceImages: [{ ...png(1, 1), mimeType: "image/webp" }] })).toEqual({
      reference: { key: "referenceType", params: { image: 1 } },
    });
    expect(checkCombination(reverse, { ...ok, referenceImages: [png(1, 1, 10 * 1024 * 1024)] })).toMatchObject({
      reference: { key: "referenceTooLarge" },
    });
    expect(checkCombination(reverse, { ...ok, prompt: "x".repeat(999) })).toEqual({});
    expect(checkCombination(reverse, { ...ok, prompt: "x".repeat(1000) })).toEqual({
      prompt: { key: "promptTooLong", params: { max: 999 } },
    });
  });
});

describe("Sora 2 on the OpenAI dialect", () => {
  it("wants a reference image of exactly the requested size, and a prompt", () => {
    const sora = model("openai", "sora-2");
    expect(checkCombination(sora, { size: "720x1280", seconds: 4, referenceImages: [png(720, 1280)] })).toEqual({});
    expect(checkCombination(sora, { size: "720x1280", seconds: 4, referenceImages: [png(1280, 720)] })).toEqual({
      reference: { key: "referenceSizeMismatch", params: { width: 1280, height: 720, required: "720x1280", image: 1 } },
    });
    expect(checkCombination(sora, { size: "720x1280", seconds: 4, prompt: "  " })).toEqual({
      prompt: { key: "promptRequired" },
    });
  });

  it("offers only what an override prices", () => {
    const pro = model("openai", "sora-2-pro");
    const only1024: PriceOverride = {
      modelId: "sora-2-pro",
      price: { unit: "per_second", milliCentsPerSecond: { "1024p": 40_000 } },
    };
    const choices = validChoices(pro, { size: "720x1280", seconds: 8 }, only1024);
    expect(choices.sizes.map((s) => s.size)).toEqual(["1024x1792", "1792x1024"]);
    expect(choices).toMatchObject({ size: "1024x1792", seconds: 8, durations: [4, 8, 12] });
  });
});
