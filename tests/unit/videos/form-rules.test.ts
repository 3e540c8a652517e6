import { describe, expect, it } from "vitest";
import { checkReferenceImage, checkVideoForm, findChannelSize, prefillFromSearch } from "@/lib/videos/form-rules";
import { SORA_2, SORA_2_PRO } from "@/lib/videos/model-registry";
import { durationParts } from "@/components/videos/duration-parts";

describe("the Generate form's rules come from the registry", () => {
  it("accept a valid request", () => {
    expect(
      checkVideoForm("simulator", { model: "sora-2-pro", size: "1792x1024", seconds: 12, prompt: "A fox" }),
    ).toEqual({});
  });

  it("report every failing field at once", () => {
    const problems = checkVideoForm("simulator", { model: "sora-2", size: "1792x1024", seconds: 10, prompt: "   " });
    expect(Object.keys(problems).sort()).toEqual(["prompt", "seconds", "size"]);
    expect(problems.size).toEqual({ key: "sizeNotAllowed", params: { model: "sora-2", sizes: "720x1280, 1280x720" } });
    expect(checkVideoForm("simulator", { model: "sora-3", size: "720x1280", seconds: 4, prompt: "x" }).model?.key).toBe(
      "unknownModel",
    );
    expect(
      checkVideoForm("simulator", { model: "sora-2", size: "720x1280", seconds: 4, prompt: "x".repeat(32_001) }).prompt
        ?.key,
    ).toBe("promptTooLong");
  });

  it("check a reference image's real type, bytes and pixels", () => {
    const size = SORA_2.sizes[1]!; // 1280x720
    expect(
      checkReferenceImage(SORA_2, size, { mimeType: "image/png", bytes: 1000, width: 1280, height: 720 }),
    ).toBeNull();
    expect(
      checkReferenceImage(SORA_2, size, { mimeType: "image/gif", bytes: 1000, width: 1280, height: 720 })?.key,
    ).toBe("referenceType");
    expect(
      checkReferenceImage(SORA_2, size, { mimeType: "image/png", bytes: 11 * 1024 * 1024, width: 1280, height: 720 })
        ?.key,
    ).toBe("referenceTooLarge");
    expect(checkReferenceImage(SORA_2, size, { mimeType: "image/png", bytes: 1000, width: 800, height: 600 })).toEqual({
      key: "referenceSizeMismatch",
      params: { width: 800, height: 600, required: "1280x720" },
    });
  });

  it("prefill from a URL only what the registry allows", () => {
    const get = (q: string) => (key: string) => new URLSearchParams(q).get(key) ?? undefined;
    expect(prefillFromSearch("simulator", get("model=sora-2-pro&size=1792x1024&seconds=12&prompt=Hi"))).toEqual({
      model: "sora-2-pro",
      size: "1792x1024",
      seconds: 12,
      prompt: "Hi",
    });
    expect(prefillFromSearch("simulator", get("model=sora-2&size=1792x1024&seconds=7"))).toEqual({
      model: "sora-2",
      size: "720x1280",
      seconds: 4,
      prompt: "",
    });
    expect(prefillFromSearch("simulator", get(""))).toMatchObject({ model: "sora-2" });
    expect(findChannelSize("simulator", "1024x1792")).toEqual(SORA_2_PRO.sizes[2]);
  });
});

describe("countdowns show the two largest units", () => {
  it.each([
    [0, { unit: "seconds", s: 0 }],
    [-5000, { unit: "seconds", s: 0 }],
    [59_999, { unit: "seconds", s: 59 }],
    [250_000, { unit: "minutes", m: 4, s: 10 }],
    [86_399_000, { unit: "hours", h: 23, m: 59 }],
    [3 * 86_400_000 + 7_200_000, { unit: "days", d: 3, h: 2 }],
  ])("%d ms", (ms, parts) => {
    expect(durationParts(ms)).toEqual(parts);
  });
});
